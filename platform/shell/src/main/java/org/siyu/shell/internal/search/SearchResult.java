package org.siyu.shell.internal.search;

/**
 * One line of the global search's results.
 *
 * @param viewId set when choosing it opens a view; otherwise it opens the editor for {@code type}/{@code id}
 */
public record SearchResult(String viewId, String type, String id, String title, String detail) {

    public boolean isView() {
        return viewId != null;
    }

    /** A stable key for the results list. */
    public String key() {
        return isView() ? "view:" + viewId : type + ":" + id;
    }
}
