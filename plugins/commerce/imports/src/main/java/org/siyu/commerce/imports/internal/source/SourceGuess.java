package org.siyu.commerce.imports.internal.source;

import java.util.List;
import java.util.Map;

/**
 * Which marketplace a file comes from, by its header: each source scores the fields its header names find, the
 * required ones counting double; the best score wins if it is strictly ahead. The reports differ enough (Tmall's
 * 买家会员名 and 宝贝标题, JD's 下单帐号 and 订购数量, Douyin's 主订单编号 and 子订单编号) that a real export is never a tie.
 */
public final class SourceGuess {

    private SourceGuess() {
    }

    /**
     * @param configs the current configuration of every source
     * @return the source, or {@code null} when no source finds its required fields or two score the same
     */
    public static Source guess(Map<Source, SourceConfig> configs, List<String> headers) {
        Source best = null;
        int bestScore = 0;
        boolean tie = false;
        for (Source source : Source.values()) {
            SourceConfig config = configs.get(source);
            ColumnMapping mapping = ColumnMapping.guess(config, headers);
            try {
                mapping.check(config);
            } catch (IllegalArgumentException incomplete) {
                continue;
            }
            int score = 0;
            for (Field f : mapping.columns().keySet()) {
                // a name the source shares with the others (订单状态) says less than one only it uses
                score += (f.required() ? 2 : 1) * 10 + (exactFirst(config, f, mapping) ? 5 : 0);
            }
            if (score > bestScore) {
                best = source;
                bestScore = score;
                tie = false;
            } else if (score == bestScore) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    /** Whether the column was found by the source's first (most characteristic) name for the field. */
    private static boolean exactFirst(SourceConfig config, Field f, ColumnMapping mapping) {
        List<String> names = config.headers(f);
        return !names.isEmpty() && ColumnMapping.key(names.get(0)).equals(ColumnMapping.key(mapping.header(f)));
    }
}
