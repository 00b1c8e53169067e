package org.siyu.kernel.identity.internal.rest;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.identity.Merge;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResource;
import org.siyu.api.rest.RestResponse;
import org.siyu.kernel.identity.internal.OneId;

/** {@code /api/v1/merges}: {@code GET <id>} and {@code POST <id>/undo} (operator). */
@Component
public class MergesResource implements RestResource {

    /** A merge as the API shows it. */
    public record MergeView(long id, int survivor, int merged, String rule, String evidence, String actor, String at,
            boolean undone) {

        static MergeView of(Merge m) {
            return new MergeView(m.id(), m.survivor(), m.merged(), m.rule(), m.evidence(), m.actor(),
                    m.at().toString(), m.undone());
        }
    }

    private final OneId oneId;

    @Activate
    public MergesResource(@Reference OneId oneId) {
        this.oneId = oneId;
    }

    @Override
    public String name() {
        return "merges";
    }

    @Override
    public Object handle(RestRequest request, RestResponse response) throws Exception {
        List<String> path = request.segments();
        if (path.isEmpty()) {
            throw RestException.notFound("give a merge id: /api/v1/merges/<id>");
        }
        long id = Requests.mergeId(path.getFirst());
        if (path.size() == 1 && request.method().equals("GET")) {
            return MergeView.of(merge(id));
        }
        if (path.size() == 2 && path.get(1).equals("undo") && request.method().equals("POST")) {
            Requests.requireOperator(request);
            if (merge(id).undone()) {
                throw RestException.conflict("merge " + id + " was already undone");
            }
            try {
                oneId.undoMerge(id, request.user().username());
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw RestException.conflict(e.getMessage());
            }
            return MergeView.of(merge(id));
        }
        throw RestException.notFound("no such merges resource: " + String.join("/", path) + " with " + request.method());
    }

    private Merge merge(long id) throws RestException {
        return oneId.merge(id).orElseThrow(() -> RestException.notFound("there is no merge " + id));
    }
}
