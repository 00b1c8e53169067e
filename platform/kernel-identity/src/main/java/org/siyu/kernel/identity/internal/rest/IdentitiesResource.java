package org.siyu.kernel.identity.internal.rest;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResource;
import org.siyu.api.rest.RestResponse;
import org.siyu.kernel.identity.internal.OneId;

/**
 * {@code /api/v1/identities}: {@code POST resolve} (operator) and {@code GET <identity>} (the customer an identity
 * belongs to).
 */
@Component
public class IdentitiesResource implements RestResource {

    /** The answer of {@code POST resolve}; {@code poison} lists, masked, the poison identities that were left out. */
    public record Resolved(int customerId, boolean created, List<Integer> merged, List<String> poison) {
    }

    /** The answer of {@code GET <identity>}. */
    public record Found(String identity, int customerId) {
    }

    private final OneId oneId;

    @Activate
    public IdentitiesResource(@Reference OneId oneId) {
        this.oneId = oneId;
    }

    @Override
    public String name() {
        return "identities";
    }

    @Override
    public Object handle(RestRequest request, RestResponse response) throws Exception {
        List<String> path = request.segments();
        if (path.size() == 1 && path.getFirst().equals("resolve")) {
            if (!request.method().equals("POST")) {
                throw new RestException(405, "method not allowed", "use POST /api/v1/identities/resolve");
            }
            return resolve(request);
        }
        if (path.size() == 1 && request.method().equals("GET")) {
            OptionalInt customer = oneId.find(path.getFirst());
            if (customer.isEmpty()) {
                throw RestException.notFound("identity '" + path.getFirst() + "' is not linked to a customer");
            }
            return new Found(path.getFirst(), customer.getAsInt());
        }
        throw RestException.notFound("no such identities resource: use POST /api/v1/identities/resolve or "
                + "GET /api/v1/identities/<channel>:<value>");
    }

    private Resolved resolve(RestRequest request) throws RestException {
        Requests.requireOperator(request);
        Map<String, Object> body = Requests.object(request);
        List<String> identities = Requests.strings(body, "identities");
        Map<String, String> traits = Requests.stringMap(body, "traits");
        try {
            var outcome = oneId.resolveReporting(identities, traits);
            var r = outcome.resolution();
            return new Resolved(r.customerId(), r.created(), r.merged(), outcome.poison());
        } catch (IllegalArgumentException e) {
            throw RestException.badRequest(e.getMessage());
        }
    }
}
