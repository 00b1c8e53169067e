package org.siyu.api.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the user has selected: a record by type and id, a label, and the properties the inspector lists.
 *
 * @param type       the record type, such as {@code notes.note}
 * @param id         the record's id
 * @param label      a short human label
 * @param properties name → value, in display order
 */
public record Selection(String type, String id, String label, Map<String, String> properties) {

    public Selection {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        label = label == null ? id : label;
        properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}
