package org.siyu.api.search;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One document in the index. {@code type} + {@code id} identify it; writing it again replaces it.
 *
 * @param type     the record type, as an {@link org.siyu.api.ui.EditorContribution} knows it ({@code customer}, …)
 * @param id       the record id
 * @param title    the main line of a hit; searched
 * @param detail   the second line of a hit, or {@code null}; searched
 * @param text     further searchable text by field name ({@code remark}, {@code nickname}, …); values are analysed
 * @param keywords exact-match terms ({@code tags}, a masked phone, a code); matched whole and by prefix
 */
public record SearchDocument(String type, String id, String title, String detail, Map<String, String> text,
        List<String> keywords) {

    public SearchDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        text = text == null ? Map.of() : Map.copyOf(text);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
