package org.siyu.kernel.identity.internal.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResource;
import org.siyu.api.rest.RestResponse;
import org.siyu.kernel.identity.internal.acquisition.Acquisition;

/**
 * {@code /api/v1/acquisition}: {@code POST costs} {@code {"channel","campaign","day","costFen"}} (operator) and
 * {@code GET report?from=&to=} (any role).
 */
@Component
public class AcquisitionResource implements RestResource {

    /** The answer of {@code POST costs}. */
    public record Recorded(String channel, String campaign, String day, long costFen, boolean replaced) {
    }

    private final Acquisition acquisition;

    @Activate
    public AcquisitionResource(@Reference Acquisition acquisition) {
        this.acquisition = acquisition;
    }

    @Override
    public String name() {
        return "acquisition";
    }

    @Override
    public Object handle(RestRequest request, RestResponse response) throws Exception {
        List<String> path = request.segments();
        if (path.size() == 1 && path.getFirst().equals("costs") && request.method().equals("POST")) {
            return record(request);
        }
        if (path.size() == 1 && path.getFirst().equals("report") && request.method().equals("GET")) {
            LocalDate from = day(request.query("from").orElse(null), "from");
            LocalDate to = day(request.query("to").orElse(null), "to");
            try {
                return acquisition.report(from, to);
            } catch (IllegalArgumentException e) {
                throw RestException.badRequest(e.getMessage());
            }
        }
        throw RestException.notFound("no such acquisition resource: use POST /api/v1/acquisition/costs or "
                + "GET /api/v1/acquisition/report?from=YYYY-MM-DD&to=YYYY-MM-DD");
    }

    private Recorded record(RestRequest request) throws RestException {
        Requests.requireOperator(request);
        Map<String, Object> body = Requests.object(request);
        String channel = text(body, "channel", true);
        String campaign = text(body, "campaign", false);
        LocalDate day = day(text(body, "day", true), "day");
        long fen = fen(body.get("costFen"));
        try {
            boolean replaced = acquisition.record(channel, campaign, day, fen, request.user().username());
            return new Recorded(channel.strip(), campaign == null || campaign.isBlank() ? null : campaign.strip(),
                    day.toString(), fen, replaced);
        } catch (IllegalArgumentException e) {
            throw RestException.badRequest(e.getMessage());
        }
    }

    private static String text(Map<String, Object> body, String field, boolean required) throws RestException {
        Object value = body.get(field);
        if (value == null) {
            if (required) {
                throw RestException.badRequest("field '" + field + "' is required");
            }
            return null;
        }
        if (!(value instanceof String s)) {
            throw RestException.badRequest("field '" + field + "' must be text");
        }
        return s;
    }

    /** A day written {@code YYYY-MM-DD}; absent → null (the service names the missing field). */
    private static LocalDate day(String value, String field) throws RestException {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw RestException.badRequest("field '" + field + "' must be a day written YYYY-MM-DD, e.g. 2026-11-01; "
                    + "got '" + value + "'");
        }
    }

    private static long fen(Object value) throws RestException {
        if (value == null) {
            throw RestException.badRequest("field 'costFen' is required: the cost in fen (1 yuan = 100 fen)");
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger big && big.bitLength() < 63) {
            return big.longValue();
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 1e15) {
            return n.longValue();
        }
        throw RestException.badRequest("field 'costFen' must be a whole number of fen (1 yuan = 100 fen); got "
                + value);
    }
}
