package org.siyu.commerce.internal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.commerce.CommerceException;
import org.siyu.api.commerce.NewProduct;
import org.siyu.api.commerce.Product;
import org.siyu.api.search.SearchDocument;
import org.siyu.api.search.SearchHit;
import org.siyu.api.search.SearchIndex;
import org.siyu.commerce.internal.Fixture;
import org.siyu.commerce.internal.search.ProductSearch;
import org.siyu.commerce.internal.search.ProductSource;

class CatalogueTest {

    /** Keeps what was put, as the host's index would hold it. */
    static final class Index implements SearchIndex {
        final Map<String, SearchDocument> docs = new LinkedHashMap<>();

        @Override
        public void put(Collection<SearchDocument> documents) {
            documents.forEach(d -> docs.put(d.id(), d));
        }

        @Override
        public void delete(String type, Collection<String> ids) {
            ids.forEach(docs::remove);
        }

        @Override
        public List<SearchHit> search(String query, Set<String> types, int limit, Locale locale) {
            return List.of();
        }

        @Override
        public long count(String type) {
            return docs.size();
        }

        @Override
        public long rebuild(String type, String actor) {
            return 0;
        }
    }

    private static Fixture f;
    private static final Index INDEX = new Index();
    private static Catalogue catalogue;

    @BeforeAll
    static void open() {
        f = new Fixture();
        catalogue = new Catalogue(f.unit, f.clock, INDEX);
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @BeforeEach
    void empty() throws Exception {
        f.reset();
        INDEX.docs.clear();
    }

    private static Product catFood() {
        return catalogue.create(new ProductInput("冻干鸡肉猫粮", "无谷配方", List.of("https://img.example.com/cat.jpg"),
                true, List.of(new ProductInput.SkuInput("CAT-1500", "1.5kg", 5990L, 10, Map.of("规格", "1.5kg")),
                        new ProductInput.SkuInput("CAT-3000", "3kg", 9990L, 4, Map.of("规格", "3kg")))), "alice");
    }

    @Test
    void shouldCreateAProductWithSkusAttributesAndInitialStock() {
        Product p = catFood();
        assertEquals(2, p.skus().size());
        assertEquals(Map.of("规格", "1.5kg"), p.skus().getFirst().attributes());
        assertEquals(List.of("https://img.example.com/cat.jpg"), p.imageUrls());
        assertEquals(10, catalogue.available("CAT-1500"));
        assertEquals(Movement.Kind.INITIAL, catalogue.movements("CAT-1500", 5).getFirst().kind());
        assertEquals(1, catalogue.find("cat-3000", 0, 10).size(), "found by SKU code");
        assertEquals(1, catalogue.find("猫粮", 0, 10).size());
    }

    @Test
    void searchShouldTakeUnderscoresAndPercentSignsLiterally() {
        catalogue.create(new ProductInput("猫砂 A", "", List.of(), true,
                List.of(new ProductInput.SkuInput("LIT-1", null, 100L, 1, Map.of()))), "alice");
        catalogue.create(new ProductInput("猫砂 B", "", List.of(), true,
                List.of(new ProductInput.SkuInput("LIT_1", null, 100L, 1, Map.of()))), "alice");
        catalogue.create(new ProductInput("100% 鸡肉罐头", "", List.of(), true,
                List.of(new ProductInput.SkuInput("CAN-100", null, 100L, 1, Map.of()))), "alice");
        assertEquals(List.of("猫砂 B"), catalogue.find("lit_1", 0, 10).stream().map(Product::name).toList());
        assertEquals(1, catalogue.count("LIT_1"));
        assertEquals(List.of("LIT_1"), catalogue.levels("lit_", 0, 10).stream().map(StockLevel::skuCode).toList());
        assertEquals(1, catalogue.countLevels("lit_"));
        assertEquals(List.of("100% 鸡肉罐头"), catalogue.find("0%", 0, 10).stream().map(Product::name).toList());
        assertEquals(0, catalogue.countLevels("\\"));
        assertEquals(3, catalogue.count(""));
    }

    @Test
    void shouldIndexAProductAfterItCommitsAndNotWhenItRollsBack() {
        Product p = catFood();
        SearchDocument doc = INDEX.docs.get(String.valueOf(p.id()));
        assertEquals(ProductSearch.TYPE, doc.type());
        assertEquals("冻干鸡肉猫粮", doc.title());
        assertEquals(List.of("CAT-1500", "CAT-3000"), doc.keywords());
        assertTrue(doc.detail().contains("¥59.90–¥99.90"), doc.detail());

        assertThrows(IllegalStateException.class, () -> f.unit.inTransaction(em -> {
            catalogue.create(new ProductInput("猫砂", null, null, null, List.of()), "alice");
            throw new IllegalStateException("caller failed");
        }));
        assertEquals(1, INDEX.docs.size());

        List<SearchDocument> rebuilt = new ArrayList<>();
        new ProductSource(catalogue).documents(rebuilt::add, () -> false);
        assertEquals(List.of("冻干鸡肉猫粮"), rebuilt.stream().map(SearchDocument::title).toList());
    }

    @Test
    void shouldRefuseBadInputNamingTheField() {
        assertField("name", new ProductInput(" ", null, null, null, null));
        assertField("imageUrls[0]", new ProductInput("x", null, List.of("ftp://x/y.jpg"), null, null));
        assertField("skus[0].code", new ProductInput("x", null, null, null,
                List.of(new ProductInput.SkuInput("猫 粮", null, 1L, 0, null))));
        assertField("skus[0].stock", new ProductInput("x", null, null, null,
                List.of(new ProductInput.SkuInput("A", null, 1L, -1, null))));
        assertField("skus[1].code", new ProductInput("x", null, null, null,
                List.of(new ProductInput.SkuInput("A", null, 1L, 0, null), new ProductInput.SkuInput("A", null, 1L, 0,
                        null))));
        CommerceException noSku = assertThrows(CommerceException.class,
                () -> f.orders.createProduct(new NewProduct("x", null, null, List.of())));
        assertEquals("skus", noSku.field());
        catFood();
        CommerceException taken = assertThrows(CommerceException.class,
                () -> f.orders.createProduct(new NewProduct("y", null, null,
                        List.of(new NewProduct.NewSku("CAT-1500", null, 1, null, 0)))));
        assertEquals(CommerceException.Reason.CONFLICT, taken.reason());
        assertEquals("skus[0].code", taken.field());
    }

    @Test
    void shouldAdjustStockWithAReasonButNeverBelowWhatOrdersReserved() {
        catFood();
        f.order(1, "CAT-3000", 3);
        StockLevel after = catalogue.adjust("CAT-3000", 5, "delivery from warehouse", "alice");
        assertEquals(9, after.onHand());
        assertEquals(3, after.reserved());
        CommerceException below = assertThrows(CommerceException.class,
                () -> catalogue.adjust("CAT-3000", -7, "stocktake", "alice"));
        assertEquals(CommerceException.Reason.CONFLICT, below.reason());
        assertTrue(below.getMessage().contains("3 of them reserved"), below.getMessage());
        assertEquals(3, catalogue.adjust("CAT-3000", -6, "stocktake", "alice").onHand());
        assertEquals("reason", assertThrows(CommerceException.class,
                () -> catalogue.adjust("CAT-3000", 1, " ", "alice")).field());
        Movement last = catalogue.movements("CAT-3000", 1).getFirst();
        assertEquals(Movement.Kind.ADJUST, last.kind());
        assertEquals("stocktake", last.reason());
        assertEquals(-6, last.onHandDelta());
        assertEquals(3, last.onHandAfter());
    }

    private static void assertField(String field, ProductInput in) {
        CommerceException e = assertThrows(CommerceException.class, () -> catalogue.create(in, "alice"));
        assertEquals(CommerceException.Reason.INVALID, e.reason(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
    }
}
