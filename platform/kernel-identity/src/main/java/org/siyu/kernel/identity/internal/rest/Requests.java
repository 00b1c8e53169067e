package org.siyu.kernel.identity.internal.rest;

import java.util.List;
import java.util.Map;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.security.Role;

/** What the resources share: role checks, path and body fields with errors that name them. */
final class Requests {

    private Requests() {
    }

    /** Writes need the role operator (or admin). */
    static void requireOperator(RestRequest request) throws RestException {
        Role role = request.user().role();
        if (role == null || !role.includes(Role.OPERATOR)) {
            throw RestException.forbidden("this needs the role operator; " + request.user().username() + " is "
                    + (role == null ? "nobody" : role.name().toLowerCase()));
        }
    }

    static int customerId(String segment) throws RestException {
        try {
            int id = Integer.parseInt(segment);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw RestException.badRequest("customer id '" + segment + "' is not a positive number");
    }

    static long mergeId(String segment) throws RestException {
        try {
            long id = Long.parseLong(segment);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw RestException.badRequest("merge id '" + segment + "' is not a positive number");
    }

    /** The JSON object body. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(RestRequest request) throws RestException {
        Object body = request.body(Map.class);
        if (body == null) {
            throw RestException.badRequest("the request needs a JSON object body");
        }
        return (Map<String, Object>) body;
    }

    /** A required, non-empty list of strings. */
    static List<String> strings(Map<String, Object> body, String field) throws RestException {
        Object value = body.get(field);
        if (value == null) {
            throw RestException.badRequest("field '" + field + "' is required");
        }
        if (!(value instanceof List<?> list)) {
            throw RestException.badRequest("field '" + field + "' must be a list of strings");
        }
        if (list.isEmpty()) {
            throw RestException.badRequest("field '" + field + "' must list at least one value");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String)) {
                throw RestException.badRequest("field '" + field + "[" + i + "]' must be a string");
            }
        }
        @SuppressWarnings("unchecked")
        List<String> strings = (List<String>) list;
        return strings;
    }

    /** An optional object of string values (numbers and booleans are taken as their text). */
    static Map<String, String> stringMap(Map<String, Object> body, String field) throws RestException {
        Object value = body.get(field);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw RestException.badRequest("field '" + field + "' must be an object of names and text values");
        }
        Map<String, String> result = new java.util.LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object v = e.getValue();
            if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                result.put(String.valueOf(e.getKey()), String.valueOf(v));
            } else {
                throw RestException.badRequest("field '" + field + "." + e.getKey() + "' must be text");
            }
        }
        return result;
    }
}
