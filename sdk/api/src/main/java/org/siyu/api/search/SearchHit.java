package org.siyu.api.search;

import java.util.Objects;

/**
 * One search result. Choosing it opens the editor for {@code type}/{@code id}.
 *
 * @param type   the record type, as an {@link org.siyu.api.ui.EditorContribution} knows it
 * @param id     the record id
 * @param title  the main line
 * @param detail a second line, or {@code null}
 * @param score  relevance; higher is better, comparable only within one provider
 */
public record SearchHit(String type, String id, String title, String detail, float score) {

    public SearchHit {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }
}
