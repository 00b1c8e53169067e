package org.siyu.bench.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siyu.api.search.SearchDocument;
import org.siyu.api.search.SearchHit;
import org.siyu.bench.Mismatch;
import org.siyu.launcher.internal.search.HostSearch;

/** The search benchmark's data, its oracle against the host's index, and the checks that fail a run. */
class SearchBenchTest {

    private static final long SEED = 2026;

    @TempDir
    Path dir;

    @Test
    void shouldGenerateTheSameDocumentsFromTheSameSeed() {
        assertEquals(SearchData.document(SEED, 4711), SearchData.document(SEED, 4711));
        assertNotEquals(SearchData.document(SEED, 4711), SearchData.document(SEED + 1, 4711));
        assertEquals(SearchData.queries(SEED, 50_000), SearchData.queries(SEED, 50_000));
        SearchDocument d = SearchData.document(SEED, 1);
        assertEquals("customer", d.type());
        assertTrue(d.keywords().getLast().matches("1\\d\\d\\*\\*\\*\\*\\d{4}"), d.toString());
        assertTrue(d.detail().startsWith(d.keywords().getLast() + " · "), d.toString());
    }

    @Test
    void shouldWritePostgresLexemesWithQuotesDoubledAndThePrefixOnTheLastWord() {
        Matching matching = new Matching(new HostAnalysis());
        Matching.QueryTerms vip = matching.query("ＶＩＰ");   // full width: normalised as the host does
        assertEquals("'vip':*", Matching.gramsQuery(vip));
        Matching.QueryTerms name = matching.query("王小明");
        assertEquals("'王小' & '小明'", Matching.gramsQuery(name));
        Matching.DocTerms doc = matching.document(new SearchDocument("customer", "1", "O'Neil", null, null,
                List.of()));
        assertTrue(Matching.gramsVector(doc).contains("'o''neil':1A"), Matching.gramsVector(doc));
    }

    @Test
    void shouldAgreeWithTheHostIndexOnEveryQuery() throws Exception {
        int n = 3_000;
        Matching matching = new Matching(new HostAnalysis());
        List<SearchBench.QueryCase> cases = new ArrayList<>();
        for (SearchData.Query q : SearchData.queries(SEED, n)) {
            cases.add(new SearchBench.QueryCase(q, matching.query(q.text())));
        }
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            SearchDocument d = SearchData.document(SEED, i);
            docs.add(d);
            Matching.DocTerms terms = matching.document(d);
            for (SearchBench.QueryCase c : cases) {
                if (Matching.matches(c.terms, terms)) {
                    c.matches.add(i);
                }
            }
        }
        HostSearch siyu = new HostSearch(dir.resolve("search"), null);
        try {
            siyu.openInBackground();
            siyu.put(docs);
            siyu.refresh();
            int exact = 0;
            for (SearchBench.QueryCase c : cases) {
                List<Integer> ids = new ArrayList<>();
                for (SearchHit h : siyu.search(c.query.text(), Set.of("customer"), 100, Locale.CHINA)) {
                    ids.add(Integer.parseInt(h.id()));
                }
                // with room for every match, the index must return exactly the oracle's documents
                if (c.matches.getCardinality() <= 100) {
                    assertEquals(c.matches.getCardinality(), ids.size(), c.query + " " + ids);
                    ids.forEach(id -> assertTrue(c.matches.contains(id), c.query + " returned " + id));
                    exact++;
                }
                SearchBench.check("Siyu", SEED, c, ids.subList(0, Math.min(10, ids.size())));
            }
            assertTrue(exact >= 25, "most queries are selective enough to compare whole answers: " + exact);
        } finally {
            siyu.close();
        }
    }

    @Test
    void shouldFailARunWhoseSideReturnsANonMatchOrTooFewHits() {
        Matching matching = new Matching(new HostAnalysis());
        SearchBench.QueryCase c = new SearchBench.QueryCase(new SearchData.Query("full name", "王小明"),
                matching.query("王小明"));
        c.matches.add(new int[] {3, 5, 8});
        SearchBench.check("PostgreSQL", SEED, c, List.of(5, 3, 8));
        Mismatch wrong = assertThrows(Mismatch.class, () -> SearchBench.check("PostgreSQL", SEED, c, List.of(5, 3, 9)));
        assertTrue(wrong.getMessage().contains("returned document 9 for '王小明'"), wrong.getMessage());
        Mismatch few = assertThrows(Mismatch.class, () -> SearchBench.check("Siyu", SEED, c, List.of(5, 3)));
        assertTrue(few.getMessage().contains("returned 2 hits"), few.getMessage());
        assertFalse(c.matches.contains(9));
    }
}
