package org.siyu.kernel.tagging.internal;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of event payloads (Jackson, exported by the host). */
public final class EventJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventJson() {
    }

    static String write(Map<String, ?> data) {
        return JSON.writeValueAsString(data);
    }

    public static JsonNode read(String data) {
        return JSON.readTree(data);
    }

    /**
     * A required number field.
     *
     * @throws IllegalArgumentException naming the field if it is missing or not a number
     */
    public static long number(JsonNode data, String field, String eventType) {
        JsonNode node = data.get(field);
        if (node == null || !node.isIntegralNumber()) {
            throw new IllegalArgumentException(eventType + ": field '" + field + "' is missing or not a whole number");
        }
        return node.asLong();
    }
}
