package org.siyu.launcher.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The index's analysers. Words are segmented by {@link SmartChineseAnalyzer} ("喜欢猫粮" → 喜欢, 猫, 粮), which ranks
 * well but cannot find a part of a name it keeps whole ("王小明" is one word to it, so "小明" would miss). The gram
 * fields therefore also hold every single Han character and every pair of neighbours (王, 王小, 小, 小明, 明); a query is
 * cut into pairs only (小明), so any run of two or more characters of a name finds it, and a lone character matches its
 * unigram. Latin words and digits stay whole words there ("138****5678" → 138, 5678).
 */
final class Analysis {

    private Analysis() {
    }

    /** Unigrams and bigrams of Han/kana/hangul runs; Latin and digits as words; lower case, half width. */
    static Analyzer grams(boolean unigrams) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = new CJKWidthFilter(source);
                s = new LowerCaseFilter(s);
                s = new CJKBigramFilter(s, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA
                        | CJKBigramFilter.HANGUL, unigrams);
                return new TokenStreamComponents(source, s);
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new LowerCaseFilter(new CJKWidthFilter(in));
            }
        };
    }

    /** What the index writer uses: the gram analyser for the gram fields, SmartCN for the rest. */
    static Analyzer indexing(Analyzer smart, Analyzer gramsWithUnigrams) {
        return new PerFieldAnalyzerWrapper(smart,
                Map.of(Fields.ALL, gramsWithUnigrams, Fields.TITLE_GRAMS, gramsWithUnigrams));
    }

    static Analyzer smart() {
        return new SmartChineseAnalyzer();
    }

    /** The terms {@code analyzer} makes of {@code text}, in order, without repeats. */
    static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (!t.isEmpty() && !terms.contains(t)) {
                    terms.add(t);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a StringReader does not fail
        }
        return terms;
    }

    /** Keywords and exact titles compare after NFKC (full-width digits become ASCII) and lower case. */
    static String normalize(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Whether {@code term} is a word of letters or digits (prefix-matched as the user types), not a Han gram. */
    static boolean isWord(String term) {
        return term.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(cp) == Character.UnicodeScript.KATAKANA
                || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL);
    }
}
