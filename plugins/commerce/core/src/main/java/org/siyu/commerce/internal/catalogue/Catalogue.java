package org.siyu.commerce.internal.catalogue;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.hibernate.Session;
import org.hibernate.resource.transaction.spi.TransactionStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.siyu.api.commerce.NewProduct;
import org.siyu.api.commerce.Product;
import org.siyu.api.commerce.Sku;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.api.search.SearchIndex;
import org.siyu.commerce.internal.CommerceEntities;
import org.siyu.commerce.internal.Errors;
import org.siyu.commerce.internal.Json;
import org.siyu.commerce.internal.catalogue.ProductInput.SkuInput;
import org.siyu.commerce.internal.search.ProductSearch;
import org.siyu.commerce.internal.store.Db;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Products, SKUs and stock adjustments: what the catalogue and inventory views and {@code /api/v1/products} change.
 * Every write is one transaction (joining the caller's); after it commits, the product's search document is replaced
 * in the host's index, if the index runs (else a rebuild from {@link org.siyu.commerce.internal.search.ProductSource}
 * catches up).
 */
@Component(service = Catalogue.class)
public class Catalogue {

    static final int MAX_IMAGES = 20;
    static final int MAX_ATTRIBUTES = 30;
    static final int MAX_STOCK = 100_000_000;
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final Logger LOG = LoggerFactory.getLogger(Catalogue.class);

    private final PersistenceUnit unit;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SearchIndex index;

    @Activate
    public Catalogue(@Reference(target = CommerceEntities.TARGET) PersistenceUnit unit) {
        this(unit, Clock.systemUTC(), null);
    }

    /** For tests: a clock, and an index or {@code null}. */
    public Catalogue(PersistenceUnit unit, Clock clock, SearchIndex index) {
        this.unit = unit;
        this.clock = clock;
        this.index = index;
    }

    // --- writes ------------------------------------------------------------------------------------------------

    /** {@link org.siyu.api.commerce.CommerceService#createProduct}: at least one SKU. */
    public Product create(NewProduct product, String actor) {
        if (product == null) {
            throw Errors.invalid(null, "the request needs a product");
        }
        if (product.skus().isEmpty()) {
            throw Errors.invalid("skus", "a product needs at least one SKU");
        }
        List<SkuInput> skus = new ArrayList<>();
        for (NewProduct.NewSku s : product.skus()) {
            skus.add(s == null ? null : new SkuInput(s.code(), s.name(), s.priceFen(), s.stock(), s.attributes()));
        }
        return create(new ProductInput(product.name(), product.description(), product.imageUrls(), true, skus), actor);
    }

    /**
     * Creates a product with its SKUs and their initial stock.
     *
     * @throws org.siyu.api.commerce.CommerceException {@code INVALID} naming the field ({@code skus[1].priceFen}),
     *         {@code CONFLICT} for a SKU code that is taken
     */
    public Product create(ProductInput in, String actor) {
        Header header = header(in);
        List<SkuInput> skus = in.skus() == null ? List.of() : in.skus();
        Set<String> codes = new HashSet<>();
        List<CheckedSku> checked = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            CheckedSku sku = checkSku(skus.get(i), "skus[" + i + "]", true);
            if (!codes.add(sku.code())) {
                throw Errors.invalid("skus[" + i + "].code", "'" + sku.code() + "' appears twice in this product");
            }
            checked.add(sku);
        }
        Instant now = clock.instant();
        return write(c -> {
            for (int i = 0; i < checked.size(); i++) {
                requireFree(c, checked.get(i).code(), "skus[" + i + "].code");
            }
            long id = Db.insert(c, "INSERT INTO cm_product (name, description, image_urls, on_sale, created_at,"
                    + " updated_at) VALUES (?, ?, ?, ?, ?, ?)", header.name, header.description, header.images,
                    header.onSale, now, now);
            for (CheckedSku sku : checked) {
                insertSku(c, id, sku, actor, now);
            }
            return id;
        });
    }

    /** Changes a product's name, description, images and whether it is on sale; its SKUs stay as they are. */
    public Product update(long productId, ProductInput in, String actor) {
        Header header = header(in);
        return write(c -> {
            int n = Db.update(c, "UPDATE cm_product SET name = ?, description = ?, image_urls = ?, on_sale = ?,"
                    + " updated_at = ? WHERE id = ?", header.name, header.description, header.images, header.onSale,
                    clock.instant(), productId);
            if (n == 0) {
                throw Errors.notFound("productId", "there is no product " + productId);
            }
            return productId;
        });
    }

    /** Adds a SKU to a product. */
    public Sku addSku(long productId, SkuInput in, String actor) {
        CheckedSku sku = checkSku(in, "sku", true);
        write(c -> {
            if (Db.count(c, "SELECT COUNT(*) FROM cm_product WHERE id = ?", productId) == 0) {
                throw Errors.notFound("productId", "there is no product " + productId);
            }
            requireFree(c, sku.code(), "sku.code");
            insertSku(c, productId, sku, actor, clock.instant());
            return productId;
        });
        return sku(sku.code()).orElseThrow();
    }

    /** Changes a SKU's name, price and attributes (its code is its identity; its stock moves by {@link #adjust}). */
    public Sku updateSku(String code, SkuInput in, String actor) {
        CheckedSku sku = checkSku(new SkuInput(code, in.name(), in.priceFen(), null, in.attributes()), "sku", false);
        long productId = write(c -> {
            CatalogueStore.SkuRow row = CatalogueStore.skuRow(c, code)
                    .orElseThrow(() -> Errors.notFound("code", "there is no SKU " + code));
            Db.update(c, "UPDATE cm_sku SET name = ?, price_fen = ?, attributes = ? WHERE id = ?", sku.name(),
                    sku.priceFen(), Json.write(sku.attributes()), row.sku().id());
            Db.update(c, "UPDATE cm_product SET updated_at = ? WHERE id = ?", clock.instant(), row.sku().productId());
            return row.sku().productId();
        }).id();
        LOG.debug("SKU {} of product {} changed by {}", code, productId, actor);
        return sku(code).orElseThrow();
    }

    /**
     * Adds ({@code delta > 0}) or takes ({@code delta < 0}) units on hand, with a reason for the ledger.
     *
     * @throws org.siyu.api.commerce.CommerceException {@code INVALID} for a zero delta or a blank reason,
     *         {@code NOT_FOUND}, {@code CONFLICT} if it would leave fewer units than unpaid orders reserved
     */
    public StockLevel adjust(String code, int delta, String reason, String actor) {
        if (delta == 0) {
            throw Errors.invalid("delta", "must not be 0");
        }
        if (Math.abs((long) delta) > MAX_STOCK) {
            throw Errors.invalid("delta", "must be between -" + MAX_STOCK + " and " + MAX_STOCK);
        }
        String why = Errors.text(reason, "reason", 500);
        return Db.inTransaction(unit, (c, s) -> {
            CatalogueStore.SkuRow row = CatalogueStore.skuRow(c, code)
                    .orElseThrow(() -> Errors.notFound("code", "there is no SKU " + code));
            if (!InventoryStore.move(c, row.sku().id(), delta, Movement.Kind.ADJUST, why, null, actor, clock.instant())) {
                StockLevel now = level(c, code);
                throw Errors.conflict("delta", "cannot take " + (-delta) + " of " + code + ": " + now.onHand()
                        + " on hand, " + now.reserved() + " of them reserved by unpaid orders");
            }
            return level(c, code);
        });
    }

    // --- reads -------------------------------------------------------------------------------------------------

    public Optional<Product> product(long id) {
        return Db.inTransaction(unit, (c, s) -> CatalogueStore.product(c, id));
    }

    public Optional<Sku> sku(String code) {
        return Db.inTransaction(unit, (c, s) -> CatalogueStore.skuRow(c, code).map(CatalogueStore.SkuRow::sku));
    }

    /** Products whose name or SKU codes contain {@code text} (all for a blank text), by name. */
    public List<Product> find(String text, int offset, int limit) {
        String like = like(text);
        return Db.inTransaction(unit, (c, s) -> CatalogueStore.products(c, "WHERE LOWER(name)" + CatalogueStore.LIKE
                + " OR id IN (SELECT product_id FROM cm_sku WHERE LOWER(code)" + CatalogueStore.LIKE + ")"
                + " ORDER BY name, id OFFSET " + Math.max(0, offset) + " ROWS FETCH NEXT " + Math.max(1, limit) + " ROWS ONLY", like, like));
    }

    public long count(String text) {
        String like = like(text);
        return Db.inTransaction(unit, (c, s) -> Db.count(c, "SELECT COUNT(*) FROM cm_product WHERE LOWER(name)"
                + CatalogueStore.LIKE + " OR id IN (SELECT product_id FROM cm_sku WHERE LOWER(code)"
                + CatalogueStore.LIKE + ")", like, like));
    }

    public int available(String code) {
        return Db.inTransaction(unit, (c, s) -> CatalogueStore.skuRow(c, code)
                .map(r -> r.sku().stock() - r.reserved())
                .orElseThrow(() -> Errors.notFound("skuCode", "there is no SKU " + code)));
    }

    public StockLevel level(String code) {
        return Db.inTransaction(unit, (c, s) -> level(c, code));
    }

    public List<StockLevel> levels(String text, int offset, int limit) {
        return Db.inTransaction(unit, (c, s) -> CatalogueStore.levels(c, text, offset, limit));
    }

    public long countLevels(String text) {
        return Db.inTransaction(unit, (c, s) -> CatalogueStore.countLevels(c, text));
    }

    public List<Movement> movements(String code, int limit) {
        return Db.inTransaction(unit, (c, s) -> InventoryStore.movements(c, code, limit));
    }

    public long productCount() {
        return Db.inTransaction(unit, (c, s) -> Db.count(c, "SELECT COUNT(*) FROM cm_product"));
    }

    /** Every product, 200 per transaction, for a search rebuild. */
    public void each(Consumer<Product> sink, BooleanSupplier cancel) {
        long after = 0;
        while (!cancel.getAsBoolean()) {
            long from = after;
            List<Product> batch = Db.inTransaction(unit, (c, s) -> CatalogueStore.products(c,
                    "WHERE id > ? ORDER BY id FETCH FIRST 200 ROWS ONLY", from));
            if (batch.isEmpty()) {
                return;
            }
            batch.forEach(sink);
            after = batch.getLast().id();
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static StockLevel level(Connection c, String code) throws SQLException {
        return CatalogueStore.skuRow(c, code)
                .map(r -> new StockLevel(code, r.sku().name(), r.sku().productId(), r.productName(), r.sku().stock(),
                        r.reserved()))
                .orElseThrow(() -> Errors.notFound("code", "there is no SKU " + code));
    }

    /** Runs a catalogue write that answers a product id; indexes the product once the transaction commits. */
    private Product write(Write work) {
        return unit.inTransaction(em -> {
            Session session = em.unwrap(Session.class);
            long id = session.doReturningWork(work::run);
            Product product = session.doReturningWork(c -> CatalogueStore.product(c, id)).orElseThrow();
            session.getTransaction().runAfterCompletion(status -> {
                if (status == TransactionStatus.COMMITTED) {
                    indexed(product);
                }
            });
            return product;
        });
    }

    /** A catalogue write on the transaction's connection; answers the product it changed. */
    @FunctionalInterface
    private interface Write {
        long run(Connection c) throws SQLException;
    }

    private void indexed(Product product) {
        SearchIndex search = index;
        if (search == null) {
            return;
        }
        try {
            search.put(List.of(ProductSearch.document(product)));
        } catch (RuntimeException e) { // the product is stored; a rebuild of the type repairs the index
            LOG.warn("Product {} could not be indexed for search: {}", product.id(), e.toString());
        }
    }

    private void insertSku(Connection c, long productId, CheckedSku sku, String actor, Instant now) throws SQLException {
        long skuId = Db.insert(c, "INSERT INTO cm_sku (product_id, code, name, price_fen, attributes, on_hand,"
                + " reserved, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)", productId, sku.code(), sku.name(),
                sku.priceFen(), Json.write(sku.attributes()), sku.stock(), now);
        if (sku.stock() > 0) {
            InventoryStore.initial(c, skuId, sku.stock(), actor, now);
        }
    }

    private static void requireFree(Connection c, String code, String field) throws SQLException {
        Optional<String> owner = Db.one(c, "SELECT p.name FROM cm_sku s JOIN cm_product p ON p.id = s.product_id"
                + " WHERE s.code = ?", rs -> rs.getString(1), code);
        if (owner.isPresent()) {
            throw Errors.conflict(field, field + ": SKU code '" + code + "' is taken by product '" + owner.get() + "'");
        }
    }

    private record Header(String name, String description, String images, boolean onSale) {
    }

    private static Header header(ProductInput in) {
        if (in == null) {
            throw Errors.invalid(null, "the request needs a product");
        }
        String name = Errors.text(in.name(), "name", 200);
        String description = Errors.optionalText(in.description(), "description", 10_000);
        List<String> urls = in.imageUrls() == null ? List.of() : in.imageUrls();
        if (urls.size() > MAX_IMAGES) {
            throw Errors.invalid("imageUrls", "at most " + MAX_IMAGES + " images, were " + urls.size());
        }
        List<String> images = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            images.add(imageUrl(urls.get(i), "imageUrls[" + i + "]"));
        }
        return new Header(name, description, String.join("\n", images), in.onSale() == null || in.onSale());
    }

    static String imageUrl(String url, String field) {
        String value = Errors.text(url, field, 1000);
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw Errors.invalid(field, "'" + value + "' is not an http(s) URL");
    }

    private record CheckedSku(String code, String name, long priceFen, int stock, Map<String, String> attributes) {
    }

    private static CheckedSku checkSku(SkuInput in, String at, boolean withStock) {
        if (in == null) {
            throw Errors.invalid(at, "is missing");
        }
        String code = Errors.text(in.code(), at + ".code", 64);
        if (!CODE.matcher(code).matches()) {
            throw Errors.invalid(at + ".code", "'" + code + "' may hold only letters, digits, '.', '_' and '-'");
        }
        String name = in.name() == null || in.name().isBlank() ? code : Errors.text(in.name(), at + ".name", 200);
        if (in.priceFen() == null) {
            throw Errors.invalid(at + ".priceFen", "is required (the price in fen, 1 yuan = 100 fen)");
        }
        if (in.priceFen() < 0 || in.priceFen() > 100_000_000_00L) {
            throw Errors.invalid(at + ".priceFen", "must be between 0 and 10000000000 fen, was " + in.priceFen());
        }
        int stock = 0;
        if (withStock && in.stock() != null) {
            if (in.stock() < 0 || in.stock() > MAX_STOCK) {
                throw Errors.invalid(at + ".stock", "must be between 0 and " + MAX_STOCK + ", was " + in.stock());
            }
            stock = in.stock();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (in.attributes() != null) {
            if (in.attributes().size() > MAX_ATTRIBUTES) {
                throw Errors.invalid(at + ".attributes", "at most " + MAX_ATTRIBUTES + " attributes");
            }
            for (Map.Entry<String, String> e : in.attributes().entrySet()) {
                String key = Errors.text(e.getKey(), at + ".attributes", 50);
                attributes.put(key, Errors.text(e.getValue(), at + ".attributes." + key, 200));
            }
        }
        return new CheckedSku(code, name, in.priceFen(), stock, attributes);
    }

    private static String like(String text) {
        return CatalogueStore.contains(text);
    }
}
