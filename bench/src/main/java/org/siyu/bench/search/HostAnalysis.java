package org.siyu.bench.search;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;

/**
 * The host index's own analysers ({@code org.siyu.launcher.internal.search.Analysis}, package-private, reached
 * reflectively as the events benchmark reaches Declarative Services' bind methods): the peer's documents and queries
 * are cut into exactly the terms Siyu's index holds, so a change to the host's analysis changes both sides, and a
 * difference in what matches is a difference of the engines, not of the tokens.
 */
final class HostAnalysis {

    /** Field names of {@code Fields} (the analysers do not depend on them; kept for fidelity). */
    static final String ALL = "all";
    static final String BODY_WORDS = "body_s";

    private static final Method GRAMS;
    private static final Method SMART;
    private static final Method TERMS;
    private static final Method NORMALIZE;
    private static final Method IS_WORD;

    static {
        try {
            Class<?> analysis = Class.forName("org.siyu.launcher.internal.search.Analysis");
            GRAMS = analysis.getDeclaredMethod("grams", boolean.class);
            SMART = analysis.getDeclaredMethod("smart");
            TERMS = analysis.getDeclaredMethod("terms", Analyzer.class, String.class, String.class);
            NORMALIZE = analysis.getDeclaredMethod("normalize", String.class);
            IS_WORD = analysis.getDeclaredMethod("isWord", String.class);
            for (Method m : List.of(GRAMS, SMART, TERMS, NORMALIZE, IS_WORD)) {
                m.setAccessible(true);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the host's search analysis (org.siyu.launcher.internal.search.Analysis) "
                    + "is not what the search benchmark expects: " + e, e);
        }
    }

    /** Document grams: unigrams and bigrams of Han runs, Latin and digit words (what the {@code all} field holds). */
    final Analyzer documentGrams = (Analyzer) call(GRAMS, null, true);
    /** Query grams: bigrams only (a lone character stays a unigram). */
    final Analyzer queryGrams = (Analyzer) call(GRAMS, null, false);
    /** SmartCN words ({@code title_s}, {@code body_s}). Lucene analysers hand each thread its own token stream. */
    final Analyzer smart = (Analyzer) call(SMART, null);

    @SuppressWarnings("unchecked")
    static List<String> terms(Analyzer analyzer, String field, String text) {
        return (List<String>) call(TERMS, null, analyzer, field, text);
    }

    static String normalize(String text) {
        return (String) call(NORMALIZE, null, text);
    }

    static boolean isWord(String term) {
        return (Boolean) call(IS_WORD, null, term);
    }

    private static Object call(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
