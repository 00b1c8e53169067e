package org.siyu.launcher.internal.search;

import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Turns what a user typed into a Lucene query over the fields {@link Fields} writes: grams for any part of a name
 * (Chinese has no spaces), SmartCN words, exact titles and keywords boosted. Thread-safe (the analyzers are).
 *
 * <p>Only the title grams and the SmartCN words are scored by BM25; the other clauses add fixed amounts. That is what
 * keeps a word found in a large share of the documents (a tag, a common remark word) fast: with a fixed score, the
 * documents that match the same clauses tie, the first {@code limit} of them fill the top, and Lucene's top-k
 * pruning (MaxScore) skips the rest. Scored by BM25, the gram field gave each such document a slightly different
 * score (its length, how often the word occurs), the best few were scattered over the whole index, and every match
 * was scored: ~190,000 of them for a tag held by 19 % of 1 M customers. Exact keywords and titles are fixed amounts for
 * the same reason: those fields index no frequencies, so Lucene's bound for their BM25 score is loose and no window
 * of documents could be skipped.
 */
final class SearchQueries {

    /**
     * What each clause adds: an exact title or keyword beats a title that contains the query (BM25 of the title
     * grams, times {@link #TITLE}), which beats a remark that does (BM25 of its words); {@link #ANYWHERE} is the floor
     * every match gets.
     */
    static final float EXACT_TITLE = 10f;
    static final float EXACT_KEYWORD = 6f;
    static final float TITLE = 3f;
    static final float KEYWORD_PREFIX = 2f;
    static final float TITLE_WORD = 2f;
    static final float ANYWHERE = 1f;

    private final Analyzer smart;
    private final Analyzer queryGrams = Analysis.grams(false);

    SearchQueries(Analyzer smart) {
        this.smart = smart;
    }

    /**
     * The query for what a user typed: any of (all its grams in the title, boosted; all its grams anywhere, a fixed
     * {@link #ANYWHERE}; all its SmartCN words in title or text; a keyword equal to it or starting with it; the title
     * equal to it — fixed amounts). The last word of letters or digits also matches as a prefix, for search as you
     * type. {@code null} if nothing is left.
     */
    Query query(String text, Set<String> types) {
        String q = Analysis.normalize(text);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        List<String> grams = Analysis.terms(queryGrams, Fields.ALL, q);
        if (!grams.isEmpty()) {
            any.add(new BoostQuery(allOf(Fields.TITLE_GRAMS, grams), TITLE), Occur.SHOULD);
            any.add(fixed(allOf(Fields.ALL, grams), ANYWHERE), Occur.SHOULD);
            clauses += 2;
        }
        // Single characters add nothing the grams do not match already, and as a conjunction over postings as long
        // as those of 猫 or 粮 they were the slowest part of a query; only real words take part.
        List<String> words = Analysis.terms(smart, Fields.BODY_WORDS, q).stream()
                .filter(w -> w.codePointCount(0, w.length()) > 1).toList();
        if (words.size() == 1) {
            // The same scores as the conjunction below, but as clauses of the top disjunction MaxScore can bound
            // each on its own (the usual case: a query that is one word).
            any.add(new BoostQuery(new TermQuery(new Term(Fields.TITLE_WORDS, words.get(0))), TITLE_WORD),
                    Occur.SHOULD);
            any.add(new TermQuery(new Term(Fields.BODY_WORDS, words.get(0))), Occur.SHOULD);
            clauses++;
        } else if (!words.isEmpty()) {
            BooleanQuery.Builder each = new BooleanQuery.Builder();
            for (String w : words) {
                each.add(new BooleanQuery.Builder()
                        .add(new BoostQuery(new TermQuery(new Term(Fields.TITLE_WORDS, w)), TITLE_WORD), Occur.SHOULD)
                        .add(new TermQuery(new Term(Fields.BODY_WORDS, w)), Occur.SHOULD).build(), Occur.MUST);
            }
            any.add(each.build(), Occur.SHOULD);
            clauses++;
        }
        if (!q.isEmpty()) {
            any.add(fixed(new TermQuery(new Term(Fields.KEYWORD, q)), EXACT_KEYWORD), Occur.SHOULD);
            any.add(fixed(new TermQuery(new Term(Fields.TITLE_EXACT, q)), EXACT_TITLE), Occur.SHOULD);
            clauses += 2;
            if (q.length() >= 2) {
                any.add(new BoostQuery(new PrefixQuery(new Term(Fields.KEYWORD, q)), KEYWORD_PREFIX), Occur.SHOULD);
            }
        }
        if (clauses == 0) {
            return null;
        }
        BooleanQuery.Builder top = new BooleanQuery.Builder().add(any.build(), Occur.MUST);
        if (types != null && !types.isEmpty()) {
            top.add(new TermInSetQuery(Fields.TYPE, types.stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        return top.build();
    }

    /** {@code score} for every match, whatever BM25 would say. */
    private static Query fixed(Query q, float score) {
        return new BoostQuery(new ConstantScoreQuery(q), score);
    }

    private static Query allOf(String field, List<String> terms) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (int i = 0; i < terms.size(); i++) {
            String t = terms.get(i);
            Query exact = new TermQuery(new Term(field, t));
            if (i == terms.size() - 1 && t.length() >= 2 && Analysis.isWord(t)) {
                exact = new BooleanQuery.Builder().add(exact, Occur.SHOULD)
                        .add(new PrefixQuery(new Term(field, t)), Occur.SHOULD).build();
            }
            b.add(exact, Occur.MUST);
        }
        return b.build();
    }
}
