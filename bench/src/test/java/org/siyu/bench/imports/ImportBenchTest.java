package org.siyu.bench.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siyu.bench.Mismatch;

/**
 * The import benchmark's data and its oracle, and both sides held to it on a few thousand rows: Siyu's import on the
 * node's parts and the naive Hibernate loop must end where the rows say, and a side that lost an identity fails.
 */
class ImportBenchTest {

    @TempDir
    Path dir;

    @Test
    void shouldGenerateTheSameRowsFromTheSameSeedWithAboutTwoAndAHalfIdentitiesPerRow() {
        List<String> a = lines(new ImportData(20_000, 7), 20_000);
        assertEquals(a, lines(new ImportData(20_000, 7), 20_000));
        assertTrue(!a.equals(lines(new ImportData(20_000, 8), 20_000)), "another seed, other rows");
        long identities = 0;
        Map<ImportData.Kind, Integer> kinds = new HashMap<>();
        Iterator<ImportData.Row> rows = new ImportData(20_000, 7).rows(20_000);
        while (rows.hasNext()) {
            ImportData.Row row = rows.next();
            identities += row.identities().size();
            kinds.merge(row.kind(), 1, Integer::sum);
        }
        assertTrue(identities > 2.35 * 20_000 && identities < 2.65 * 20_000, "identities per row: " + identities);
        assertTrue(kinds.get(ImportData.Kind.BRIDGE) > 100, "merging rows: " + kinds);
    }

    /**
     * The oracle works from the rows' groups; here the same numbers come from a plain union-find over the identities
     * (any identity two rows share joins them, which is OneID's rule for this data: only phones and unionids repeat).
     */
    @Test
    void shouldExpectWhatAUnionOfRowsSharingAnIdentityGives() {
        ImportData data = new ImportData(30_000, 2026);
        for (int prefix : new int[] {30_000, 7_777}) {
            ImportData.Expected expected = data.expect(prefix, 200);
            Map<String, Integer> owner = new HashMap<>();
            List<Integer> parent = new ArrayList<>();
            long created = 0;
            long merges = 0;
            Iterator<ImportData.Row> rows = data.rows(prefix);
            while (rows.hasNext()) {
                Set<Integer> roots = new TreeSet<>();
                List<String> identities = rows.next().identities();
                for (String identity : identities) {
                    Integer o = owner.get(identity);
                    if (o != null) {
                        roots.add(find(parent, o));
                    }
                }
                int root;
                if (roots.isEmpty()) {
                    root = parent.size();
                    parent.add(root);
                    created++;
                } else {
                    root = roots.iterator().next();
                    for (int other : roots) {
                        if (other != root) {
                            parent.set(other, root);
                            merges++;
                        }
                    }
                }
                for (String identity : identities) {
                    owner.putIfAbsent(identity, root);
                }
            }
            assertEquals(owner.size(), expected.identities(), "identities at " + prefix);
            assertEquals(created, expected.customers(), "customers at " + prefix);
            assertEquals(merges, expected.merges(), "merges at " + prefix);
            for (Map.Entry<String, Set<String>> sample : expected.samples().entrySet()) {
                int root = find(parent, owner.get(sample.getKey()));
                Set<String> members = new TreeSet<>();
                owner.forEach((identity, o) -> {
                    if (find(parent, o) == root) {
                        members.add(identity);
                    }
                });
                assertEquals(members, sample.getValue(), "customer of " + sample.getKey());
            }
            assertEquals(200, expected.samples().size());
        }
    }

    @Test
    void shouldEndBothSidesWhereTheRowsSayAndFailASideThatLostAnIdentity() throws Exception {
        ImportData data = new ImportData(4_000, 2026);
        Path csv = data.write(dir.resolve("customers.csv"), 4_000);
        ImportData.Expected expected = data.expect(4_000, 300);
        assertTrue(expected.merges() > 0, "the file merges customers");

        Outcome siyu;
        try (SiyuNode node = new SiyuNode(Files.createDirectories(dir.resolve("siyu")))) {
            SiyuNode.Run run = node.importFile(csv, "customers.csv");
            assertEquals(4_000, run.record().rowsImported());
            assertEquals(0, run.record().rowsRejected());
            assertEquals(expected.customers(), run.record().customersCreated());
            siyu = node.outcome(expected.samples().keySet());
        }
        siyu.check("Siyu", expected);
        assertEquals(expected.customers(), siyu.events().get("customer.created"));
        assertEquals(expected.merges(), siyu.events().get("customer.merged"));

        Outcome naive;
        try (NaiveImport peer = new NaiveImport(Files.createDirectories(dir.resolve("naive")))) {
            peer.run(csv, 4_000, 100);
            naive = peer.outcome(expected.samples().keySet());
        }
        naive.check("naive", expected);
        Outcome.same("Siyu", siyu, "naive", naive);

        Map<String, Set<String>> lost = new LinkedHashMap<>(naive.samples());
        String identity = lost.keySet().iterator().next();
        Set<String> fewer = new HashSet<>(lost.get(identity));
        fewer.remove(identity);
        lost.put(identity, fewer);
        Outcome broken = new Outcome(naive.identities(), naive.customers(), naive.live(), naive.merges(), lost,
                Map.of());
        Mismatch mismatch = assertThrows(Mismatch.class, () -> broken.check("naive", expected));
        assertTrue(mismatch.getMessage().contains("the customer holding " + identity), mismatch.getMessage());
        assertThrows(Mismatch.class, () -> Outcome.same("Siyu", siyu, "naive", broken));
        Outcome oneShort = new Outcome(naive.identities() - 1, naive.customers(), naive.live(), naive.merges(),
                naive.samples(), Map.of());
        assertEquals("naive: identities linked " + (expected.identities() - 1) + ", the rows make "
                + expected.identities(), assertThrows(Mismatch.class, () -> oneShort.check("naive", expected))
                .getMessage());
    }

    private static int find(List<Integer> parent, int x) {
        while (parent.get(x) != x) {
            x = parent.get(x);
        }
        return x;
    }

    private static List<String> lines(ImportData data, int rows) {
        List<String> lines = new ArrayList<>();
        Iterator<ImportData.Row> it = data.rows(rows);
        while (it.hasNext()) {
            lines.add(String.join(",", it.next().cells()));
        }
        return lines;
    }
}
