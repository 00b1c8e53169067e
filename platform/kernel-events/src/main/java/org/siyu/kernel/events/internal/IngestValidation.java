package org.siyu.kernel.events.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks the events of one ingestion request, each on its own: a bad event is reported with its index and
 * field, and the good ones go on.
 */
final class IngestValidation {

    /** The most events one request may carry. */
    static final int MAX_EVENTS = 1000;
    static final int MAX_IDENTITIES = 20;
    private static final int MAX_TEXT = 200;
    private static final java.util.regex.Pattern TYPE_RULE = java.util.regex.Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*");

    /**
     * A valid event, before its identities are resolved.
     *
     * @param index      its position in the request
     * @param identities {@code channel:value} strings to resolve to the subject, possibly empty
     * @param subject    the customer id given directly, or {@code null}
     * @param data       the data as JSON object text
     */
    record Candidate(int index, String id, String type, String source, Instant time, List<String> identities,
            Integer subject, String data) {
    }

    /** An event refused, with the field that is wrong ({@code event} when it is not an object at all). */
    record Rejection(int index, String field, String detail) {
    }

    /** The outcome of checking a whole request. */
    record Checked(List<Candidate> valid, List<Rejection> rejected) {
    }

    private IngestValidation() {
    }

    static Checked check(List<?> items, Instant now) {
        List<Candidate> valid = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                valid.add(candidate(i, items.get(i), now));
            } catch (Invalid e) {
                rejected.add(new Rejection(i, e.field, e.getMessage()));
            }
        }
        return new Checked(valid, rejected);
    }

    private static Candidate candidate(int index, Object item, Instant now) throws Invalid {
        if (!(item instanceof Map<?, ?> map)) {
            throw new Invalid("event", "must be a JSON object with id, type, source and data");
        }
        String id = text(map, "id", true);
        String type = text(map, "type", true);
        if (!TYPE_RULE.matcher(type).matches()) {
            throw new Invalid("type", "'" + type + "' must be dotted lower-case words, e.g. order.paid");
        }
        String source = text(map, "source", true);
        Instant time = time(map.get("time"), now);
        List<String> identities = identities(map.get("identities"));
        Integer subject = subject(map.get("subject"));
        if (subject != null && !identities.isEmpty()) {
            throw new Invalid("subject", "give either subject or identities, not both");
        }
        Object data = map.containsKey("data") ? map.get("data") : Map.of();
        if (!(data instanceof Map)) {
            throw new Invalid("data", "must be a JSON object, such as {\"orderId\":\"A1\"}");
        }
        String json = EventJson.write(data);
        if (json.length() > EventJson.MAX_DATA) {
            throw new Invalid("data", "is " + json.length() + " characters as JSON; at most " + EventJson.MAX_DATA);
        }
        return new Candidate(index, id, type, source, time, identities, subject, json);
    }

    private static String text(Map<?, ?> map, String field, boolean required) throws Invalid {
        Object value = map.get(field);
        if (value == null) {
            if (required) {
                throw new Invalid(field, "is required");
            }
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw new Invalid(field, "must be a non-empty string");
        }
        if (s.length() > MAX_TEXT) {
            throw new Invalid(field, "is " + s.length() + " characters long; at most " + MAX_TEXT);
        }
        return s;
    }

    private static Instant time(Object value, Instant now) throws Invalid {
        if (value == null) {
            return now;
        }
        if (value instanceof String s) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new Invalid("time", "must be an ISO-8601 time with a zone, such as 2026-11-23T10:15:30Z or "
                + "2026-11-23T18:15:30+08:00");
    }

    private static List<String> identities(Object value) throws Invalid {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new Invalid("identities", "must be an array of strings such as \"wechat:o6_bmjrPTlm6_2sgVt7hMZOPfL2M\"");
        }
        if (list.size() > MAX_IDENTITIES) {
            throw new Invalid("identities", "has " + list.size() + " entries; at most " + MAX_IDENTITIES);
        }
        List<String> result = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object o = list.get(i);
            int colon = o instanceof String s ? s.indexOf(':') : -1;
            if (colon <= 0 || colon == ((String) o).length() - 1) {
                throw new Invalid("identities", "entry " + i + " must be <channel>:<value>, such as wechat:u1");
            }
            result.add((String) o);
        }
        return result;
    }

    private static Integer subject(Object value) throws Invalid {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer i && i > 0) {
            return i;
        }
        if (value instanceof Long l && l > 0 && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        throw new Invalid("subject", "must be a positive whole number (a customer id)");
    }

    /** A field that breaks a rule. */
    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final String field;

        Invalid(String field, String detail) {
            super(detail);
            this.field = field;
        }
    }
}
