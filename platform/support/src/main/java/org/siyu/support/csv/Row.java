package org.siyu.support.csv;

/**
 * One record of the file after the header.
 *
 * @param number the row as the user sees it in Excel: the header is row 1, and a cell with line breaks inside quotes
 *               still makes one row
 * @param cells  the cells as read, not trimmed; fewer or more than the header has when the row is ragged
 */
public record Row(int number, String[] cells) {

    /** The cell at {@code index}, or {@code ""} when the row is shorter. */
    public String cell(int index) {
        return index < cells.length ? cells[index] : "";
    }

    /** Whether every cell is empty or white space (an empty line in the file, or a row of separators only). */
    public boolean blank() {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
