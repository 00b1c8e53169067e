package org.siyu.kernel.events.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON rules of event data: a JSON object of at most {@value #MAX_DATA} characters. */
final class EventJson {

    /** The size of the {@code data} column. */
    static final int MAX_DATA = 1_000_000;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private EventJson() {
    }

    /**
     * @throws IllegalArgumentException saying why {@code data} is not a JSON object text, or is too long
     */
    static void requireObject(String data) {
        if (data.length() > MAX_DATA) {
            throw new IllegalArgumentException("data is " + data.length() + " characters long; at most " + MAX_DATA);
        }
        // Streaming: checks the whole text without building a tree.
        try (JsonParser parser = JSON.createParser(data)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("data must be a JSON object, such as {\"orderId\":\"A1\"}");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("data has more after its JSON object");
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("data is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A parsed JSON value (maps, lists, strings, numbers) as JSON text. */
    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** Event data as a map, for answers that embed it as an object rather than a string. */
    static Map<String, Object> toMap(String data) {
        try {
            return JSON.readValue(data, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (JacksonException e) {
            return Map.of("_unreadable", data);
        }
    }
}
