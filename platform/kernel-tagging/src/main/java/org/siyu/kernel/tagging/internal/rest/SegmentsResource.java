package org.siyu.kernel.tagging.internal.rest;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResource;
import org.siyu.api.rest.RestResponse;
import org.siyu.api.tags.SegmentSyntaxException;
import org.siyu.api.tags.TagService;
import org.siyu.kernel.tagging.internal.TaggingPermissions;

/**
 * {@code GET /api/v1/segments/count?expr=…} → {@code {"count":N,"micros":M}}, where M is the time of the evaluation
 * in microseconds. A bad expression is a 400 {@code {"error":"bad expression","detail":"… at position P ('token')"}}.
 */
@Component
public class SegmentsResource implements RestResource {

    private final TagService tags;

    @Activate
    public SegmentsResource(@Reference TagService tags) {
        this.tags = tags;
    }

    /** The answer to a count. */
    public record Count(long count, long micros) {
    }

    @Override
    public String name() {
        return "segments";
    }

    @Override
    public Object handle(RestRequest request, RestResponse response) throws RestException {
        Resources.require(request, TaggingPermissions.VIEW);
        if (!request.segments().equals(List.of("count"))) {
            throw RestException.notFound("no resource at /api/v1/segments/" + String.join("/", request.segments())
                    + "; there is GET /api/v1/segments/count?expr=…");
        }
        Resources.requireGet(request);
        String expression = request.query("expr")
                .orElseThrow(() -> RestException.badRequest("query parameter 'expr' is required, e.g. expr=tag:VIP"));
        long start = System.nanoTime();
        try {
            long count = tags.count(expression);
            return new Count(count, (System.nanoTime() - start) / 1_000);
        } catch (SegmentSyntaxException e) {
            throw new RestException(400, "bad expression", e.getMessage());
        }
    }
}
