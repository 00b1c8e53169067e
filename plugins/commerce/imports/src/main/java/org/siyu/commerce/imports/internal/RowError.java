package org.siyu.commerce.imports.internal;

/**
 * Why a row was rejected, as the user finds it in the file.
 *
 * @param row    the row number as Excel shows it (the header is row 1)
 * @param column the column's name, or {@code ""} when the whole row or order is meant
 * @param value  the cell as given, phone numbers masked, at most 100 characters; {@code ""} for none
 * @param detail what is wrong, in plain words
 */
public record RowError(int row, String column, String value, String detail) {

    static final int MAX_VALUE = 100;

    public RowError {
        column = column == null ? "" : column;
        value = value == null ? "" : value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE - 1) + "…" : value;
    }
}
