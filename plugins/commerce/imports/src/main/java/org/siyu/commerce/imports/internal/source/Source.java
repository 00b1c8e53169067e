package org.siyu.commerce.imports.internal.source;

import java.util.Locale;
import org.siyu.api.i18n.Text;

/**
 * A marketplace whose order reports the import reads. Its id is the order's channel in commerce and the channel of
 * the buyer's identity in OneID ({@code tmall:<buyer nick>}, {@code jd:<pin>}, {@code douyin:<buyer id>}); the
 * kernel registers all three channels.
 */
public enum Source {
    TMALL("tmall", Text.of("Tmall / Taobao", "天猫 / 淘宝")),
    JD("jd", Text.of("JD", "京东")),
    DOUYIN("douyin", Text.of("Douyin shop", "抖店"));

    private final String id;
    private final Text title;

    Source(String id, Text title) {
        this.id = id;
        this.title = title;
    }

    /** The channel id: {@code tmall}, {@code jd}, {@code douyin}. */
    public String id() {
        return id;
    }

    public Text title() {
        return title;
    }

    /**
     * The source with this id (or enum name), case-insensitive.
     *
     * @throws IllegalArgumentException listing the sources
     */
    public static Source of(String id) {
        String v = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (Source s : values()) {
            if (s.id.equals(v) || s.name().equalsIgnoreCase(v)) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a source: use tmall, jd or douyin");
    }
}
