package org.siyu.commerce.internal.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.siyu.api.commerce.CommerceException;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;

/** What the commerce resources share: permissions, refusals in the kernel's error shape, parameters. */
final class Rest {

    private Rest() {
    }

    static void require(RestRequest request, String permission) throws RestException {
        if (!request.user().isPermitted(permission)) {
            throw RestException.forbidden("this needs the permission " + permission + "; "
                    + request.user().username() + " does not hold it");
        }
    }

    /** Runs a commerce call, turning its refusal into the status its reason stands for. */
    static <T> T call(Callable<T> call) throws Exception {
        try {
            return call.call();
        } catch (CommerceException e) {
            throw refusal(e);
        }
    }

    static RestException refusal(CommerceException e) {
        return switch (e.reason()) {
            case INVALID -> RestException.badRequest(e.getMessage());
            case NOT_FOUND -> RestException.notFound(e.getMessage());
            case CONFLICT -> RestException.conflict(e.getMessage());
            case OUT_OF_STOCK -> new RestException(409, "out of stock", e.getMessage());
            case PAYMENT_FAILED -> new RestException(402, "payment failed", e.getMessage());
        };
    }

    static long id(String segment, String what) throws RestException {
        try {
            long id = Long.parseLong(segment);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw RestException.badRequest("'" + segment + "' is not a " + what + " id (a positive whole number)");
    }

    static int intParam(RestRequest request, String name, int fallback, int min, int max) throws RestException {
        Optional<String> value = request.query(name).filter(s -> !s.isBlank());
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.get().strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw RestException.badRequest(name + ": must be a whole number between " + min + " and " + max + ", was '"
                + value.get() + "'");
    }

    /**
     * A date ({@code 2026-11-01}, in the server's time zone; {@code endOfDay} takes the day after it, for an
     * exclusive upper bound) or an instant ({@code 2026-11-01T08:00:00Z}).
     */
    static Instant time(RestRequest request, String name, boolean endOfDay) throws RestException {
        Optional<String> value = request.query(name).filter(s -> !s.isBlank()).map(String::strip);
        if (value.isEmpty()) {
            return null;
        }
        String s = value.get();
        try {
            if (s.length() == 10) {
                LocalDate day = LocalDate.parse(s);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneId.systemDefault()).toInstant();
            }
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw RestException.badRequest(name + ": '" + s + "' is not a date (2026-11-01) or a time"
                    + " (2026-11-01T08:00:00Z)");
        }
    }

    /** The body bound to {@code type}, or {@code null} when the request has none (optional bodies). */
    static <T> T optionalBody(RestRequest request, Class<T> type) throws RestException {
        return request.bytes().length == 0 ? null : request.body(type);
    }
}
