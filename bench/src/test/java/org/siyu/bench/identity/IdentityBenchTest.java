package org.siyu.bench.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.siyu.bench.Mismatch;
import org.siyu.bench.Postgres;
import org.siyu.kernel.identity.internal.graph.GraphRebuild;

class IdentityBenchTest {

    @Test
    void shouldGenerateTheSameDataFromTheSameSeed() {
        IdentityData a = IdentityData.generate(5_000, 7);
        IdentityData b = IdentityData.generate(5_000, 7);
        assertEquals(a.recordCount(), b.recordCount());
        for (int r = 0; r < a.recordCount(); r++) {
            assertArrayEquals(a.record(r), b.record(r));
            assertEquals(a.person(r), b.person(r));
        }
        IdentityData c = IdentityData.generate(5_000, 8);
        assertTrue(c.recordCount() != a.recordCount() || !Arrays.equals(c.record(0), a.record(0)));
    }

    @Test
    void shouldShapeTheDataAsDocumented() {
        IdentityData data = IdentityData.generate(20_000, 2026);
        Set<String> poison = Set.of(data.poison());
        Map<Integer, Integer> recordsOf = new HashMap<>();
        Map<String, Set<Integer>> peopleOf = new HashMap<>();
        for (int r = 0; r < data.recordCount(); r++) {
            recordsOf.merge(data.person(r), 1, Integer::sum);
            for (String key : data.record(r)) {
                peopleOf.computeIfAbsent(key, k -> new HashSet<>()).add(data.person(r));
            }
        }
        assertEquals(20_000, recordsOf.size(), "every person has a record");
        assertTrue(recordsOf.values().stream().allMatch(n -> n >= 1 && n <= 3));
        double perPerson = (data.identities() - poison.size()) / 20_000.0;
        assertTrue(perPerson > 2.2 && perPerson < 2.8, "identities per person: " + perPerson);
        assertEquals(Math.round((data.identities() - poison.size()) * 0.001), poison.size());
        // only poison identifiers are shared between people
        peopleOf.forEach((key, people) -> assertTrue(people.size() == 1 || poison.contains(key), key));
        for (int j = 0; j < poison.size(); j++) {
            assertTrue(data.poisonClaims(j) >= 5 && data.poisonClaims(j) <= 500);
        }
    }

    @Test
    void shouldFindThePeopleByRebuildingTheGraphAndCountJoinsThroughPoisonOtherwise() {
        IdentityData data = IdentityData.generate(10_000, 3);
        GraphRebuild graph = new GraphRebuild(IdentityData.THRESHOLD, GraphRebuild.mergeChannels("wechat", "phone"));
        for (int r = 0; r < data.recordCount(); r++) {
            graph.add(data.record(r));
        }
        GraphRebuild.Partition p = graph.run();
        assertEquals(10_000, p.components());
        assertEquals(new IdentityData.Joins(0, 0, 1), data.joins(p.component()));
        assertEquals(data.poison().length, p.poison().length);

        // without the poison rule, the shared identifiers join people: the count must see it
        GraphRebuild naive = new GraphRebuild(Integer.MAX_VALUE, k -> true);
        for (int r = 0; r < data.recordCount(); r++) {
            naive.add(data.record(r));
        }
        IdentityData.Joins joins = data.joins(naive.run().component());
        assertTrue(joins.people() > 100 && joins.customers() > 0 && joins.largest() > 5, joins.toString());
    }

    @Test
    void shouldEndInTheSamePartitionOnEveryOnlineSide() throws Exception {
        IdentityData stream = IdentityData.generate(800, 11);
        Online.Side siyu = Online.siyu(stream, 1);
        Online.Side batches = Online.siyuBatches(stream);
        Online.Side peer = Online.peer(stream, 1);
        Online.same(stream, siyu, batches);
        Online.same(stream, siyu, peer);
        assertTrue(siyu.poison() > 0, "the stream must exercise the poison rule");
        assertEquals(siyu.poison(), peer.poison());
        assertEquals(siyu.merges(), peer.merges());
        assertEquals(siyu.joins(), peer.joins());
        // the graph check lists the merges made through poison, and undoing them separates those people
        Online.Check check = siyu.check();
        assertTrue(siyu.joins().people() > 0, "the stream must join people through poison online");
        assertTrue(check.result().mergesThroughPoison() > 0, check.result().summary());
        assertEquals(check.result().mergesThroughPoison(), check.undone());
        assertEquals(0, check.refused());
        // then it lists the identities linked through poison without a merge, and splitting them off separates more
        assertTrue(check.second().groupsAstray() > 0, check.second().summary());
        assertEquals(check.second().splits().size(), check.split());
        assertEquals(0, check.splitRefused());
        assertEquals(check.second().joins().size(), check.joined());
        assertEquals(0, check.joinRefused());
        // and then the customers are the people: nobody joined to another, nobody spread over two customers
        assertEquals(0, check.after().people(), check.after() + " vs " + siyu.joins());
        assertEquals(0, check.spreadBefore());
        assertEquals(0, check.spreadAfter());

        int[] moved = siyu.label().clone();
        int r = moved.length - 1;
        moved[r] = moved[r] == r ? 0 : r;
        Online.Side wrong = new Online.Side("a broken side", null, null, moved, siyu.joins(), 0, 0, null, 0, null);
        Mismatch m = assertThrows(Mismatch.class, () -> Online.same(stream, siyu, wrong));
        assertTrue(m.getMessage().startsWith("a broken side and Siyu: OneID `resolve` disagree on record " + r),
                m.getMessage());
    }

    /** The CTE against GraphRebuild on PostgreSQL, when {@code -Dsiyu.test.postgres} names a server. */
    @Test
    void shouldGiveTheSamePartitionWithTheRecursiveCte() throws Exception {
        String server = System.getProperty("siyu.test.postgres", "");
        org.junit.jupiter.api.Assumptions.assumeFalse(server.isBlank(), "no -Dsiyu.test.postgres");
        IdentityData data = IdentityData.generate(3_000, 5);
        GraphRebuild graph = new GraphRebuild(IdentityData.THRESHOLD, GraphRebuild.mergeChannels("wechat", "phone"));
        for (int r = 0; r < data.recordCount(); r++) {
            graph.add(data.record(r));
        }
        int[] siyu = graph.run().component();
        try (Postgres pg = Postgres.create(server, Postgres.uniqueName("siyu_bench_identity_test"))) {
            Connection c = pg.connection();
            CteRebuild.load(c, data);
            CteRebuild.rebuild(c, IdentityData.THRESHOLD);
            assertArrayEquals(siyu, CteRebuild.partition(c, data.recordCount()));
            assertEquals(data.poison().length, CteRebuild.poisonCount(c, IdentityData.THRESHOLD));
        }
    }

    @Test
    void shouldNameCustomersByTheirFirstRecord() {
        assertArrayEquals(new int[] {0, 1, 0, 3, 1}, Online.canonical(new int[] {17, 4, 17, 9, 4}));
        assertEquals(List.of(), List.of(Arrays.stream(Online.canonical(new int[0])).boxed().toArray()));
    }
}
