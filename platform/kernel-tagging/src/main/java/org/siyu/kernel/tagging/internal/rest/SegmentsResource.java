package org.siyu.kernel.tagging.internal.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResource;
import org.siyu.api.rest.RestResponse;
import org.siyu.api.rest.StreamedBody;
import org.siyu.api.tags.SegmentSyntaxException;
import org.siyu.kernel.tagging.internal.Tagging;
import org.siyu.kernel.tagging.internal.TaggingPermissions;
import org.siyu.kernel.tagging.internal.export.SegmentExport;
import org.siyu.kernel.tagging.internal.saved.SavedSegment;
import org.siyu.kernel.tagging.internal.saved.SavedSegments;
import org.siyu.kernel.tagging.internal.saved.SegmentFieldException;
import org.siyu.kernel.tagging.internal.saved.SegmentInput;
import org.siyu.kernel.tagging.internal.scope.Scope;
import org.siyu.kernel.tagging.internal.scope.Scopes;

/**
 * {@code /api/v1/segments}: counts, saved segments and CSV exports.
 *
 * <ul>
 *   <li>{@code GET count?expr=…} → {@code {"count":N,"micros":M}} (M: the evaluation in microseconds); a bad
 *       expression is a 400 {@code {"error":"bad expression","detail":"… at position P ('token')"}};</li>
 *   <li>{@code GET} → the saved segments with their counts; {@code POST} {@code {"name","expression","description"}}
 *       → 201 with the segment and {@code Location};</li>
 *   <li>{@code GET|PUT|DELETE {id}};</li>
 *   <li>{@code GET export?expr=…} and {@code GET {id}/export} → the customers as CSV (UTF-8 with BOM), streamed.</li>
 * </ul>
 * Reading needs {@code tagging.view}, changing {@code tagging.edit}, exporting {@code tagging.export}. Field errors
 * are 400s whose detail starts with the field ({@code "name: is required"}), a taken name a 409.
 *
 * <p>Counts and exports are of the caller's data scope ({@link Scopes}): an account linked to a store counts and
 * exports the customers of the segment that its store's staff own, and the answers name the unit in {@code scope}.
 * When a scoped account's customers cannot be worked out (OneID is not running) every answer that would show
 * customers is a 503 naming what is missing, before anything is written.
 */
@Component
public class SegmentsResource implements RestResource {

    private final Tagging tagging;
    private final SavedSegments saved;
    private final SegmentExport export;
    private final Scopes scopes;

    @Activate
    public SegmentsResource(@Reference Tagging tagging, @Reference SavedSegments saved,
            @Reference SegmentExport export, @Reference Scopes scopes) {
        this.tagging = tagging;
        this.saved = saved;
        this.export = export;
        this.scopes = scopes;
    }

    /**
     * The answer to a count.
     *
     * @param scope the org unit whose customers were counted, {@code null} for all customers
     */
    public record Count(long count, long micros, String scope) {
    }

    /**
     * A saved segment as the API shows it; {@code count} is -1 and {@code error} set when it no longer evaluates;
     * {@code scope} the org unit whose customers were counted, {@code null} for all customers.
     */
    public record Segment(int id, String name, String expression, String description, String createdBy,
            String createdAt, String updatedAt, long count, String error, String scope) {

        static Segment of(SavedSegments.Counted c, Scope scope) {
            SavedSegment s = c.segment();
            return new Segment(s.id(), s.name(), s.expression(), s.description(), s.createdBy(),
                    s.createdAt().toString(), s.updatedAt().toString(), c.count(), c.error(), scope.unit());
        }
    }

    @Override
    public String name() {
        return "segments";
    }

    @Override
    public Object handle(RestRequest request, RestResponse response) throws RestException {
        Resources.require(request, TaggingPermissions.VIEW);
        List<String> path = request.segments();
        if (path.isEmpty()) {
            return collection(request, response);
        }
        if (path.equals(List.of("count"))) {
            Resources.requireGet(request);
            return count(expression(request), scope(request));
        }
        if (path.equals(List.of("export"))) {
            Resources.requireGet(request);
            return csv(request, response, expression(request), "expr");
        }
        int id = id(path.getFirst());
        if (path.size() == 2 && path.get(1).equals("export")) {
            Resources.requireGet(request);
            SavedSegment segment = saved.get(id).orElseThrow(() -> missing(id));
            return csv(request, response, segment.expression(), String.valueOf(id));
        }
        if (path.size() != 1) {
            throw notFound(path);
        }
        return one(request, response, id);
    }

    private Object collection(RestRequest request, RestResponse response) throws RestException {
        switch (request.method()) {
            case "GET" -> {
                Scope scope = scope(request);
                return saved.list(scope.within()).stream().map(c -> Segment.of(c, scope)).toList();
            }
            case "POST" -> {
                Resources.require(request, TaggingPermissions.EDIT);
                SegmentInput input = request.body(SegmentInput.class);
                Scope scope = scope(request);
                try {
                    SavedSegment created = saved.create(input, request.user().username());
                    response.status(201);
                    response.header("Location", "/api/v1/segments/" + created.id());
                    return Segment.of(saved.counted(created, scope.within()), scope);
                } catch (SegmentFieldException e) {
                    throw fieldError(e);
                }
            }
            default -> throw new RestException(405, "method not allowed",
                    request.method() + " is not supported here; use GET or POST");
        }
    }

    private Object one(RestRequest request, RestResponse response, int id) throws RestException {
        switch (request.method()) {
            case "GET" -> {
                Scope scope = scope(request);
                return Segment.of(saved.counted(saved.get(id).orElseThrow(() -> missing(id)), scope.within()), scope);
            }
            case "PUT" -> {
                Resources.require(request, TaggingPermissions.EDIT);
                SegmentInput input = request.body(SegmentInput.class);
                Scope scope = scope(request);
                try {
                    SavedSegment updated = saved.update(id, input, request.user().username())
                            .orElseThrow(() -> missing(id));
                    return Segment.of(saved.counted(updated, scope.within()), scope);
                } catch (SegmentFieldException e) {
                    throw fieldError(e);
                }
            }
            case "DELETE" -> {
                Resources.require(request, TaggingPermissions.EDIT);
                if (!saved.delete(id, request.user().username())) {
                    throw missing(id);
                }
                response.status(204);
                return null;
            }
            default -> throw new RestException(405, "method not allowed",
                    request.method() + " is not supported here; use GET, PUT or DELETE");
        }
    }

    private Count count(String expression, Scope scope) throws RestException {
        long start = System.nanoTime();
        try {
            long count = tagging.count(expression, scope.within());
            return new Count(count, (System.nanoTime() - start) / 1_000, scope.unit());
        } catch (SegmentSyntaxException e) {
            throw new RestException(400, "bad expression", e.getMessage());
        }
    }

    private Scope scope(RestRequest request) throws RestException {
        return Resources.scope(scopes, request);
    }

    /**
     * The export as a streamed body, of the customers of the segment in the caller's data scope; the scope and the
     * expression are checked before anything is written.
     */
    private StreamedBody csv(RestRequest request, RestResponse response, String expression, String label)
            throws RestException {
        Resources.require(request, TaggingPermissions.EXPORT);
        Scope scope = scope(request);
        count(expression, scope);
        String user = request.user().username();
        response.header("Content-Disposition", "attachment; filename=\"segment-"
                + SegmentExport.fileLabel(label, scope) + ".csv\"");
        return new StreamedBody() {
            @Override
            public String contentType() {
                return "text/csv; charset=UTF-8";
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                export.stream(expression, scope, user, out);
            }
        };
    }

    private static String expression(RestRequest request) throws RestException {
        return request.query("expr")
                .orElseThrow(() -> RestException.badRequest("query parameter 'expr' is required, e.g. expr=tag:VIP"));
    }

    private static int id(String segment) throws RestException {
        try {
            return Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            throw RestException.notFound("no resource at /api/v1/segments/" + segment + "; there are count, export"
                    + " and the saved segments by numeric id");
        }
    }

    private static RestException missing(int id) {
        return RestException.notFound("no saved segment " + id);
    }

    private static RestException notFound(List<String> path) {
        return RestException.notFound("no resource at /api/v1/segments/" + String.join("/", path)
                + "; there are count, export, {id} and {id}/export");
    }

    private static RestException fieldError(SegmentFieldException e) {
        return e.conflict() ? RestException.conflict(e.getMessage()) : RestException.badRequest(e.getMessage());
    }
}
