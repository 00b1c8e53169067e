package org.siyu.membership.internal;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Event payloads (Jackson, exported by the host). */
public final class Json {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Json() {
    }

    public static String write(Map<String, ?> data) {
        return JSON.writeValueAsString(data);
    }

    /**
     * The payload of an event as a JSON object.
     *
     * @throws IllegalArgumentException if it is not a JSON object
     */
    public static JsonNode read(String data, String eventType) {
        JsonNode node;
        try {
            node = JSON.readTree(data);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(eventType + ": the data is not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(eventType + ": the data is not a JSON object");
        }
        return node;
    }

    /** A text or number field as text, or {@code null} when missing or blank. */
    public static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.isValueNode() ? node.asString() : null;
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * A whole-number field, or {@code fallback} when missing.
     *
     * @throws IllegalArgumentException naming the field when present but not a whole number
     */
    public static Long number(JsonNode data, String field, Long fallback, String eventType) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber()) {
            throw new IllegalArgumentException(eventType + ": field '" + field + "' is not a whole number (" + node + ")");
        }
        return node.asLong();
    }
}
