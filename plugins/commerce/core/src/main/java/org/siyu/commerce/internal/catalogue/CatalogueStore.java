package org.siyu.commerce.internal.catalogue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.siyu.api.commerce.Product;
import org.siyu.api.commerce.Sku;
import org.siyu.commerce.internal.Json;
import org.siyu.commerce.internal.store.Db;

/** Reads products and SKUs on the caller's connection. */
public final class CatalogueStore {

    private CatalogueStore() {
    }

    /** A SKU row with what orders need beside the SDK's view: its product's name and whether it is on sale. */
    public record SkuRow(Sku sku, String productName, boolean onSale, int reserved) {
    }

    public static Optional<Product> product(Connection c, long id) throws SQLException {
        return products(c, "WHERE id = ?", id).stream().findFirst();
    }

    /** Products, with their SKUs, by a WHERE (and ORDER/FETCH) clause over {@code cm_product}. */
    public static List<Product> products(Connection c, String clause, Object... args) throws SQLException {
        List<Object[]> heads = Db.query(c, "SELECT id, name, description, image_urls, on_sale FROM cm_product " + clause,
                rs -> new Object[] {rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                        rs.getString("image_urls"), rs.getBoolean("on_sale")}, args);
        if (heads.isEmpty()) {
            return List.of();
        }
        String ids = heads.stream().map(h -> String.valueOf(h[0])).collect(Collectors.joining(","));
        Map<Long, List<Sku>> skus = new LinkedHashMap<>();
        for (Sku sku : Db.query(c, "SELECT * FROM cm_sku WHERE product_id IN (" + ids + ") ORDER BY id",
                CatalogueStore::sku)) {
            skus.computeIfAbsent(sku.productId(), k -> new ArrayList<>()).add(sku);
        }
        List<Product> products = new ArrayList<>();
        for (Object[] h : heads) {
            long id = (Long) h[0];
            products.add(new Product(id, (String) h[1], (String) h[2], lines((String) h[3]), (Boolean) h[4],
                    skus.getOrDefault(id, List.of())));
        }
        return products;
    }

    public static Optional<SkuRow> skuRow(Connection c, String code) throws SQLException {
        return Db.one(c, "SELECT s.*, p.name AS product_name, p.on_sale FROM cm_sku s"
                + " JOIN cm_product p ON p.id = s.product_id WHERE s.code = ?",
                rs -> new SkuRow(sku(rs), rs.getString("product_name"), rs.getBoolean("on_sale"), rs.getInt("reserved")),
                code);
    }

    /** {@code LIKE} of {@link #contains}: the backslash escapes. */
    static final String LIKE = " LIKE ? ESCAPE '\\'";

    /**
     * The {@code LIKE} pattern of "contains {@code text}, ignoring case": {@code _} and {@code %} are literal, since
     * SKU codes hold underscores ({@code CAT_1} must not find {@code CAT-1}).
     */
    static String contains(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Stock levels of the SKUs whose code, name or product name contain {@code text}, by code. */
    public static List<StockLevel> levels(Connection c, String text, int offset, int limit) throws SQLException {
        String like = contains(text);
        return Db.query(c, "SELECT s.code, s.name, s.product_id, p.name AS product_name, s.on_hand, s.reserved"
                + " FROM cm_sku s JOIN cm_product p ON p.id = s.product_id"
                + " WHERE LOWER(s.code)" + LIKE + " OR LOWER(s.name)" + LIKE + " OR LOWER(p.name)" + LIKE
                + " ORDER BY s.code OFFSET " + Math.max(0, offset) + " ROWS FETCH NEXT " + Math.max(1, limit)
                + " ROWS ONLY",
                rs -> new StockLevel(rs.getString("code"), rs.getString("name"), rs.getLong("product_id"),
                        rs.getString("product_name"), rs.getInt("on_hand"), rs.getInt("reserved")), like, like, like);
    }

    public static long countLevels(Connection c, String text) throws SQLException {
        String like = contains(text);
        return Db.count(c, "SELECT COUNT(*) FROM cm_sku s JOIN cm_product p ON p.id = s.product_id"
                + " WHERE LOWER(s.code)" + LIKE + " OR LOWER(s.name)" + LIKE + " OR LOWER(p.name)" + LIKE, like, like, like);
    }

    static Sku sku(ResultSet rs) throws SQLException {
        return new Sku(rs.getLong("id"), rs.getLong("product_id"), rs.getString("code"), rs.getString("name"),
                rs.getLong("price_fen"), Json.stringMap(rs.getString("attributes")), rs.getInt("on_hand"));
    }

    static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.stream(text.split("\n")).filter(s -> !s.isBlank()).toList();
    }
}
