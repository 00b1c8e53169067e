package org.siyu.bench.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siyu.api.search.SearchDocument;

/**
 * Which documents a query matches, by the rules of the host's {@code SearchQueries} (see platform/launcher's
 * README): a document matches when any of these holds — every query gram is among its grams (the last one also as
 * a prefix when it is a Latin or digit word of two or more characters); every SmartCN word of two or more
 * characters of the query is among its words; a keyword equals the query, or starts with it (two or more
 * characters); the title equals it. The terms come from the host's own analysers ({@link HostAnalysis}).
 *
 * <p>Used twice: as the oracle every side's hits are checked against (each document's terms, evaluated in Java while
 * the data is generated), and to write the peer's documents and queries (the same grams and words as
 * {@code tsvector}s and {@code tsquery}s).
 */
final class Matching {

    private final HostAnalysis analysis;

    Matching(HostAnalysis analysis) {
        this.analysis = analysis;
    }

    /** A document's terms: what the host's index holds of it, field by field. */
    record DocTerms(Set<String> titleGrams, Set<String> grams, Set<String> words, Set<String> keywords, String title) {
    }

    /** A query's terms. */
    record QueryTerms(String normalized, List<String> grams, boolean lastIsPrefix, List<String> words) {
    }

    DocTerms document(SearchDocument d) {
        Set<String> titleGrams = new LinkedHashSet<>(HostAnalysis.terms(analysis.documentGrams, HostAnalysis.ALL,
                d.title()));
        Set<String> grams = new LinkedHashSet<>(titleGrams);
        Set<String> words = new LinkedHashSet<>(HostAnalysis.terms(analysis.smart, HostAnalysis.BODY_WORDS, d.title()));
        List<String> body = new ArrayList<>();
        if (d.detail() != null && !d.detail().isBlank()) {
            body.add(d.detail());
        }
        for (Map.Entry<String, String> e : d.text().entrySet()) {
            if (e.getValue() != null && !e.getValue().isBlank()) {
                body.add(e.getValue());
            }
        }
        for (String b : body) {
            grams.addAll(HostAnalysis.terms(analysis.documentGrams, HostAnalysis.ALL, b));
            words.addAll(HostAnalysis.terms(analysis.smart, HostAnalysis.BODY_WORDS, b));
        }
        Set<String> keywords = new LinkedHashSet<>();
        for (String k : d.keywords()) {
            if (k != null && !k.isBlank()) {
                keywords.add(HostAnalysis.normalize(k));
                grams.addAll(HostAnalysis.terms(analysis.documentGrams, HostAnalysis.ALL, k));
            }
        }
        return new DocTerms(titleGrams, grams, words, keywords, HostAnalysis.normalize(d.title()));
    }

    QueryTerms query(String text) {
        String q = HostAnalysis.normalize(text);
        List<String> grams = HostAnalysis.terms(analysis.queryGrams, HostAnalysis.ALL, q);
        String last = grams.isEmpty() ? "" : grams.getLast();
        boolean prefix = last.length() >= 2 && HostAnalysis.isWord(last);
        List<String> words = HostAnalysis.terms(analysis.smart, HostAnalysis.BODY_WORDS, q).stream()
                .filter(w -> w.codePointCount(0, w.length()) > 1).toList();
        return new QueryTerms(q, grams, prefix, words);
    }

    static boolean matches(QueryTerms q, DocTerms d) {
        return gramsMatch(q, d) || wordsMatch(q, d) || d.keywords().contains(q.normalized())
                || (q.normalized().length() >= 2 && d.keywords().stream().anyMatch(k -> k.startsWith(q.normalized())))
                || (!q.normalized().isEmpty() && d.title().equals(q.normalized()));
    }

    /** Whether only the gram and word clauses make the match (what the peer's two {@code tsquery}s express). */
    static boolean matchesByTerms(QueryTerms q, DocTerms d) {
        return gramsMatch(q, d) || wordsMatch(q, d);
    }

    private static boolean gramsMatch(QueryTerms q, DocTerms d) {
        List<String> grams = q.grams();
        if (grams.isEmpty()) {
            return false;
        }
        for (int i = 0; i < grams.size(); i++) {
            String g = grams.get(i);
            boolean ok = d.grams().contains(g)
                    || (i == grams.size() - 1 && q.lastIsPrefix() && d.grams().stream().anyMatch(t -> t.startsWith(g)));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean wordsMatch(QueryTerms q, DocTerms d) {
        return !q.words().isEmpty() && d.words().containsAll(q.words());
    }

    // --- PostgreSQL's text forms -----------------------------------------------------------------------------

    /** The grams as a {@code tsvector} literal; the title's grams weighted A (PostgreSQL's stand-in for the boost). */
    static String gramsVector(DocTerms d) {
        StringBuilder b = new StringBuilder();
        int position = 1;
        for (String g : d.titleGrams()) {
            lexeme(b, g).append(':').append(position++).append('A');
        }
        for (String g : d.grams()) {
            if (!d.titleGrams().contains(g)) {
                lexeme(b, g);
            }
        }
        return b.toString();
    }

    static String wordsVector(DocTerms d) {
        StringBuilder b = new StringBuilder();
        for (String w : d.words()) {
            lexeme(b, w);
        }
        return b.toString();
    }

    /** {@code 'g1' & 'g2' & 'g3':*}, or null without grams. */
    static String gramsQuery(QueryTerms q) {
        if (q.grams().isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < q.grams().size(); i++) {
            if (i > 0) {
                b.append(" & ");
            }
            quote(b, q.grams().get(i));
            if (i == q.grams().size() - 1 && q.lastIsPrefix()) {
                b.append(":*");
            }
        }
        return b.toString();
    }

    /** {@code 'w1' & 'w2'}, or null without words of two or more characters. */
    static String wordsQuery(QueryTerms q) {
        if (q.words().isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (String w : q.words()) {
            if (!b.isEmpty()) {
                b.append(" & ");
            }
            quote(b, w);
        }
        return b.toString();
    }

    private static StringBuilder lexeme(StringBuilder b, String term) {
        if (!b.isEmpty()) {
            b.append(' ');
        }
        return quote(b, term);
    }

    /** A lexeme in tsvector/tsquery syntax: in single quotes, quotes and backslashes doubled. */
    private static StringBuilder quote(StringBuilder b, String term) {
        b.append('\'');
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '\'' || c == '\\') {
                b.append(c);
            }
            b.append(c);
        }
        return b.append('\'');
    }
}
