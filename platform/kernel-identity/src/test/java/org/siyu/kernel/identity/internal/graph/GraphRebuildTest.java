package org.siyu.kernel.identity.internal.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GraphRebuildTest {

    private static GraphRebuild rebuild() {
        return new GraphRebuild(3, GraphRebuild.mergeChannels("wechat", "phone"));
    }

    @Test
    void shouldJoinRecordsThroughSharedMergeKeysAndSharedIdentities() {
        GraphRebuild graph = rebuild();
        graph.add("wecom:a", "phone:+8613800000001");          // 0
        graph.add("wechat:U1", "tmall:t1");                    // 1
        graph.add("phone:+8613800000001", "wechat:U1");        // 2: joins 0 and 1
        graph.add("jd:j1");                                    // 3: alone
        graph.add("jd:j1", "mini:m1");                         // 4: joins 3 through a non-merge identity
        GraphRebuild.Partition p = graph.run();
        assertArrayEquals(new int[] {0, 0, 0, 3, 3}, p.component());
        assertEquals(2, p.components());
        assertEquals(0, p.poison().length);
        assertEquals(6, p.identities());
        assertEquals(9, p.incidences());
    }

    @Test
    void shouldJoinNobodyThroughAMergeKeyOfMoreRecordsThanTheThreshold() {
        GraphRebuild graph = rebuild();
        for (int i = 0; i < 4; i++) {
            graph.add("wecom:w" + i, "phone:+8613900000000"); // a shop's phone: 4 records > 3
        }
        graph.add("wechat:U", "wecom:x");
        graph.add("wechat:U", "wecom:y");
        graph.add("wechat:U", "wecom:z"); // 3 records: not poison
        GraphRebuild.Partition p = graph.run();
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 4, 4}, p.component());
        assertEquals(5, p.components());
        assertEquals(1, p.poison().length);
        assertEquals("phone:+8613900000000", graph.key(p.poison()[0]));
        assertEquals(4, p.poisonClaims()[0]);
    }

    @Test
    void shouldJoinAnAttachedRecordThroughItsTieWithoutCountingIt() {
        GraphRebuild graph = rebuild();
        graph.add("phone:+8613800000003", "wecom:a");                      // 0: a person
        for (int i = 0; i < 5; i++) {
            graph.attach("phone:+8613800000003", "tmall:t" + i);           // 1-5: her visits through her phone
        }
        graph.attach("phone:+8613800000003", "wechat:S", "jd:j");          // 6: presents wechat:S, counted
        graph.add("wechat:S");                                             // 7
        graph.add("wechat:S");                                             // 8
        graph.add("wechat:S");                                             // 9: wechat:S presented by 4 records
        GraphRebuild.Partition p = graph.run();
        assertEquals(1, p.poison().length, "five visits through her phone do not make it poison");
        assertEquals("wechat:S", graph.key(p.poison()[0]));
        assertEquals(4, p.poisonClaims()[0]);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 7, 8, 9}, p.component());
    }

    @Test
    void shouldCountAKeyGivenTwiceInOneRecordOnce() {
        GraphRebuild graph = rebuild();
        graph.add("phone:+8613800000002", "phone:+8613800000002", "wecom:a");
        graph.add("phone:+8613800000002");
        graph.add("phone:+8613800000002");
        GraphRebuild.Partition p = graph.run();
        assertEquals(0, p.poison().length);
        assertEquals(1, p.components());
        assertEquals(4, p.incidences());
    }

    @Test
    void shouldNeverMakeANonMergeIdentityPoison() {
        GraphRebuild graph = rebuild();
        for (int i = 0; i < 10; i++) {
            graph.add("wecom:same", "tmall:t" + i); // one WeCom contact is one person, however many records
        }
        GraphRebuild.Partition p = graph.run();
        assertEquals(1, p.components());
        assertEquals(0, p.poison().length);
    }

    @Test
    void shouldRefuseBadRecordsNamingThemAndKeepTheGraphIntact() {
        GraphRebuild graph = rebuild();
        graph.add("wecom:a");
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, graph::add);
        assertEquals("record 1 has no identity", empty.getMessage());
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class,
                () -> graph.add("wecom:a", null));
        assertEquals("record 1: identity 1 is null", nul.getMessage());
        assertEquals("record 1: identity 0 is empty",
                assertThrows(IllegalArgumentException.class, () -> graph.add("")).getMessage());
        graph.add("wecom:a", "jd:b");
        GraphRebuild.Partition p = graph.run();
        assertArrayEquals(new int[] {0, 0}, p.component());
        assertEquals(3, p.incidences());
        assertThrows(IllegalStateException.class, graph::run);
        assertThrows(IllegalStateException.class, () -> graph.add("wecom:c"));
        assertThrows(IllegalArgumentException.class, () -> new GraphRebuild(0, k -> true));
    }

    /** Records are interned in groups; what is asked between two records counts every record added so far. */
    @Test
    void shouldCountAndNameTheIdentitiesOfEveryRecordAddedSoFar() {
        GraphRebuild graph = rebuild();
        for (int r = 0; r < GraphRebuild.GROUP + 6; r++) {
            graph.add("wecom:w" + r, "phone:+86138" + (r / 2)); // two records per phone
        }
        assertEquals(GraphRebuild.GROUP + 6, graph.records());
        assertEquals(GraphRebuild.GROUP + 6 + (GraphRebuild.GROUP + 6) / 2, graph.identities());
        assertEquals("wecom:w" + (GraphRebuild.GROUP + 5), graph.key(graph.identities() - 1)); // its phone came with the record before
        graph.add("wecom:w0", "jd:j"); // one more after the question: joins record 0's component
        GraphRebuild.Partition p = graph.run();
        assertEquals((GraphRebuild.GROUP + 6) / 2, p.components());
        assertEquals(0, p.component()[GraphRebuild.GROUP + 6]);
    }

    /** Random graphs against a breadth-first search over an explicit adjacency: the same partition and poison. */
    @Test
    void shouldGiveTheSamePartitionAsASearchOverEveryEdge() {
        SplittableRandom random = new SplittableRandom(42);
        for (int round = 0; round < 20; round++) {
            int n = 200 + random.nextInt(3_000);
            List<String[]> recs = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                int size = 1 + random.nextInt(4);
                String[] keys = new String[size];
                for (int i = 0; i < size; i++) {
                    int kind = random.nextInt(4);
                    int value = random.nextInt(n * (kind == 0 ? 4 : 2));
                    keys[i] = (kind == 0 ? "phone:+86138" : kind == 1 ? "wechat:U" : kind == 2 ? "wecom:w" : "jd:j")
                            + value;
                }
                recs.add(keys);
            }
            GraphRebuild graph = rebuild();
            recs.forEach(graph::add);
            GraphRebuild.Partition p = graph.run();
            assertArrayEquals(naive(recs, 3), p.component(), "round " + round);
            Set<String> poison = new HashSet<>();
            for (int id : p.poison()) {
                poison.add(graph.key(id));
            }
            assertEquals(naivePoison(recs, 3), poison, "round " + round);
            // no two records of one component are connected only through a poison identity: checked by naive(),
            // which never walks a poison edge; and the components are as many as the distinct labels
            assertEquals(java.util.Arrays.stream(p.component()).distinct().count(), p.components());
        }
    }

    private static Set<String> naivePoison(List<String[]> recs, int threshold) {
        Map<String, Set<Integer>> claimants = new HashMap<>();
        for (int r = 0; r < recs.size(); r++) {
            for (String k : recs.get(r)) {
                if (k.startsWith("phone:") || k.startsWith("wechat:")) {
                    claimants.computeIfAbsent(k, x -> new HashSet<>()).add(r);
                }
            }
        }
        Set<String> poison = new HashSet<>();
        claimants.forEach((k, c) -> {
            if (c.size() > threshold) {
                poison.add(k);
            }
        });
        return poison;
    }

    private static int[] naive(List<String[]> recs, int threshold) {
        Set<String> poison = naivePoison(recs, threshold);
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (int r = 0; r < recs.size(); r++) {
            for (String k : new HashSet<>(List.of(recs.get(r)))) {
                if (!poison.contains(k)) {
                    byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
                }
            }
        }
        int[] label = new int[recs.size()];
        java.util.Arrays.fill(label, -1);
        for (int r = 0; r < recs.size(); r++) {
            if (label[r] >= 0) {
                continue;
            }
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(r));
            label[r] = r; // ascending start: r is the smallest of its component
            while (!queue.isEmpty()) {
                int x = queue.poll();
                for (String k : recs.get(x)) {
                    for (int y : byKey.getOrDefault(k, List.of())) {
                        if (label[y] < 0) {
                            label[y] = r;
                            queue.add(y);
                        }
                    }
                }
            }
        }
        assertTrue(label.length == 0 || label[0] == 0);
        return label;
    }
}
