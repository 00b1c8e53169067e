package org.siyu.bench.segments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.siyu.bench.Context;
import org.siyu.bench.Mismatch;
import org.siyu.kernel.tagging.internal.TagIndex;
import org.siyu.kernel.tagging.internal.segment.Expr;
import org.siyu.kernel.tagging.internal.segment.SegmentParser;
import org.siyu.kernel.tagging.internal.segment.Segments;

/**
 * The peers' SQL must mean what Siyu's expression means, or the benchmark compares different questions: both plans
 * on H2 against the tagging bundle's count, for the 20 fixed expressions and 200 random ones (negations of groups,
 * expressions that hold for untagged customers), on a small data set of the same generator.
 */
class SegmentSqlTest {

    private static final int CUSTOMERS = 10_000;
    private static SegmentData data;
    private static TagIndex index;
    private static Connection h2;

    @BeforeAll
    static void load() throws Exception {
        data = SegmentData.generate(CUSTOMERS, 7);
        index = data.tagIndex();
        h2 = DriverManager.getConnection("jdbc:h2:mem:segment-sql;OPTIMIZE_REUSE_RESULTS=0", "sa", "");
        SqlPeers.loadH2(h2, data);
    }

    @AfterAll
    static void close() throws Exception {
        h2.close();
    }

    @Test
    void shouldCountTheFixedExpressionsLikeSiyuInBothPlans() throws Exception {
        for (String text : SegmentData.EXPRESSIONS) {
            assertBothPlansAgree(text);
        }
    }

    @Test
    void shouldCountRandomExpressionsLikeSiyuInBothPlans() throws Exception {
        Random random = new Random(11);
        int holdingWithoutTags = 0;
        for (int i = 0; i < 200; i++) {
            String text = random(random, 3);
            if (SegmentSql.holdsWithoutTags(SegmentParser.parse(text))) {
                holdingWithoutTags++;
            }
            assertBothPlansAgree(text);
        }
        assertTrue(holdingWithoutTags > 20, "the random expressions include ones untagged customers satisfy: "
                + holdingWithoutTags);
    }

    @Test
    void shouldKnowWhichExpressionsHoldForCustomersWithoutTags() {
        assertFalse(SegmentSql.holdsWithoutTags(SegmentParser.parse("tag:t1")));
        assertTrue(SegmentSql.holdsWithoutTags(SegmentParser.parse("NOT tag:t1")));
        assertFalse(SegmentSql.holdsWithoutTags(SegmentParser.parse("NOT tag:t1 AND tag:t2")));
        assertTrue(SegmentSql.holdsWithoutTags(SegmentParser.parse("NOT tag:t1 OR tag:t2")));
        assertFalse(SegmentSql.holdsWithoutTags(SegmentParser.parse("NOT (NOT tag:t1 OR tag:t2)")));
    }

    @Test
    void shouldFailLoudlyWhenAPeerCountsDifferently() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:segment-mismatch", "sa", "")) {
            SqlPeers.loadH2(c, data);
            try (Statement s = c.createStatement()) {
                // one assignment of t0 lost: the first expression (t0 AND … AND t4) may not notice, the OR of t0…t4 does
                s.execute("DELETE FROM customer_tag WHERE tag_id = 1 AND customer_id = " + data.members(0)[0]);
            }
            long[] counts = new long[SegmentData.EXPRESSIONS.size()];
            for (int e = 0; e < counts.length; e++) {
                counts[e] = siyu(SegmentData.EXPRESSIONS.get(e));
            }
            Context context = new Context("20k", CUSTOMERS, 7, Optional.empty(), Path.of("target"), true, 1);
            Mismatch mismatch = assertThrows(Mismatch.class,
                    () -> SqlPeers.runPeer("H2", "H2", List.of(), 0, c, counts, context));
            assertTrue(mismatch.getMessage().contains("H2 counted"), mismatch.getMessage());
            assertTrue(mismatch.getMessage().contains("SQL: SELECT"), mismatch.getMessage());
        }
    }

    @Test
    void shouldGenerateTheSameDataForTheSameSeedAndSkewedDensities() {
        SegmentData again = SegmentData.generate(CUSTOMERS, 7);
        for (int t = 0; t < SegmentData.TAGS; t++) {
            assertEquals(List.of(box(data.members(t))), List.of(box(again.members(t))), "tag " + t);
        }
        assertFalse(java.util.Arrays.equals(data.members(3), SegmentData.generate(CUSTOMERS, 8).members(3)),
                "another seed, other data");
        // t0 ≈ 50 %, t9 ≈ 5 %, t299 ≈ 0.17 %; t25 a contiguous block
        assertEquals(0.5, data.members(0).length / (double) CUSTOMERS, 0.02);
        assertEquals(0.05, data.members(9).length / (double) CUSTOMERS, 0.01);
        assertEquals(0.5 / 300, data.members(299).length / (double) CUSTOMERS, 0.001);
        int[] block = data.members(25);
        assertEquals(block.length - 1, block[block.length - 1] - block[0]);
    }

    private static List<Integer> box(int[] values) {
        List<Integer> list = new ArrayList<>(values.length);
        for (int v : values) {
            list.add(v);
        }
        return list;
    }

    private static void assertBothPlansAgree(String text) throws Exception {
        Expr expr = SegmentParser.parse(text);
        long expected = siyu(text);
        for (SegmentSql.Plan plan : SegmentSql.Plan.values()) {
            String sql = SegmentSql.count(expr, plan);
            assertEquals(expected, SqlPeers.query(h2, sql), plan.title() + ": " + text + "\n" + sql);
        }
    }

    private static long siyu(String text) {
        Expr expr = SegmentParser.parse(text);
        return index.read(b -> Segments.count(expr, b));
    }

    /** A random expression over a few dense, sparse and block tags: ANDs, ORs, NOTs and groups. */
    private static String random(Random random, int depth) {
        int[] tags = {0, 1, 2, 3, 4, 9, 25, 50, 120, 299};
        if (depth == 0 || random.nextInt(3) == 0) {
            String tag = "tag:t" + tags[random.nextInt(tags.length)];
            return random.nextInt(3) == 0 ? "NOT " + tag : tag;
        }
        int n = 2 + random.nextInt(2);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(random(random, depth - 1));
        }
        String joined = "(" + String.join(random.nextBoolean() ? " AND " : " OR ", parts) + ")";
        return random.nextInt(4) == 0 ? "NOT " + joined : joined;
    }
}
