package org.siyu.membership.internal.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.membership.internal.MembershipException;

/** What the resources share: permission checks, the error shape, parsing path segments and times. */
final class Rest {

    private Rest() {
    }

    /** Work that may be refused with a {@link MembershipException}. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws RestException;
    }

    /** Runs {@code call}, turning a refusal into the kernel's error shape with a 4xx that names the field. */
    static <T> T call(Call<T> call) throws RestException {
        try {
            return call.run();
        } catch (MembershipException e) {
            throw refusal(e);
        }
    }

    static RestException refusal(MembershipException e) {
        String detail = e.getMessage();
        if (e.field() != null && !detail.startsWith(e.field())) {
            detail = e.field() + ": " + detail;
        }
        return switch (e.reason()) {
            case INVALID -> RestException.badRequest(detail);
            case NOT_FOUND -> RestException.notFound(detail);
            case CONFLICT -> RestException.conflict(detail);
        };
    }

    static void require(RestRequest request, String permission) throws RestException {
        if (!request.user().isPermitted(permission)) {
            throw RestException.forbidden("this needs the permission " + permission + "; " + request.user().username()
                    + " does not hold it");
        }
    }

    static RestException methodNotAllowed(RestRequest request, String allowed) {
        return new RestException(405, "method not allowed", request.method() + " is not supported here; use " + allowed);
    }

    static RestException noRoute(RestRequest request, String resource) {
        return RestException.notFound("no such path: /api/v1/" + resource + "/" + String.join("/", request.segments()));
    }

    /** A positive integer id in a path segment. */
    static int intId(List<String> segments, int index, String field) throws RestException {
        long id = longId(segments, index, field);
        if (id > Integer.MAX_VALUE) {
            throw RestException.notFound(field + " " + id + " does not exist");
        }
        return (int) id;
    }

    static long longId(List<String> segments, int index, String field) throws RestException {
        String text = segments.get(index);
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw RestException.badRequest(field + " must be a positive whole number, was '" + text + "'");
    }

    /** An ISO-8601 instant ({@code 2026-12-31T16:00:00Z}), or {@code null}. */
    static Instant instant(String text, String field) throws RestException {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw RestException.badRequest(field + " must be an ISO-8601 time such as 2026-12-31T16:00:00Z, was '" + text
                    + "'");
        }
    }

    /** A required field. */
    static <T> T required(T value, String field) throws RestException {
        if (value == null) {
            throw RestException.badRequest(field + " is required");
        }
        return value;
    }
}
