package org.siyu.support.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The character encoding of an uploaded file. {@link #AUTO} reads a byte-order mark if there is one (UTF-8 or
 * UTF-16, as Excel's "Unicode text" export writes), else takes UTF-8 when every byte of the file is valid UTF-8 and
 * GB18030 otherwise: Excel on Chinese Windows saves "CSV" in GBK, which GB18030 contains, and such bytes are almost
 * never valid UTF-8.
 */
public enum Encoding {
    AUTO(null),
    UTF_8(StandardCharsets.UTF_8),
    GB18030(Charset.forName("GB18030"));

    private final Charset charset;

    Encoding(Charset charset) {
        this.charset = charset;
    }

    /** The charset, or {@code null} for {@link #AUTO}. */
    public Charset charset() {
        return charset;
    }

    /**
     * Reads a user's choice: {@code auto}, {@code utf-8}/{@code utf8}, {@code gb18030}, {@code gbk} or
     * {@code gb2312} (both read as GB18030, their superset).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Encoding parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace("_", "-");
        return switch (v) {
            case "", "auto" -> AUTO;
            case "utf-8", "utf8" -> UTF_8;
            case "gb18030", "gbk", "gb2312", "cp936" -> GB18030;
            default -> throw new IllegalArgumentException("encoding '" + value
                    + "' is not supported: use auto, utf-8 or gb18030 (gbk)");
        };
    }
}
