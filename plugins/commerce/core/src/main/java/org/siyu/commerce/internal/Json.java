package org.siyu.commerce.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSON of event data and SKU attributes (Jackson, exported by the host). */
public final class Json {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private Json() {
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** A JSON object of strings, in its order; empty for null or blank text. */
    public static Map<String, String> stringMap(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        return JSON.readValue(text, STRING_MAP);
    }

    /** Parses any JSON text into maps, lists, strings, numbers and booleans (for tests and event readers). */
    public static Object read(String text) {
        return JSON.readValue(text, Object.class);
    }
}
