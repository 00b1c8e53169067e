package org.siyu.kernel.identity.internal.rest;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResource;
import org.siyu.api.rest.RestResponse;
import org.siyu.kernel.identity.internal.OneId;
import org.siyu.kernel.identity.internal.graph.GraphCheck;
import org.siyu.kernel.identity.internal.graph.GraphChecks;

/**
 * {@code /api/v1/identities}: {@code POST resolve} (operator), {@code GET <identity>} (the customer an identity
 * belongs to), and the graph check (operator): {@code POST graph-check} starts it as a job, {@code GET graph-check}
 * says whether one runs and gives the last result, {@code POST graph-check/splits/<ref>} and {@code …/joins/<ref>}
 * carry out a split or a join the last result lists (body {@code {"checkedAt": "<the result's checkedAt>"}}; 409 if
 * another result is the last by then), {@code POST graph-check/apply} a whole list as a job (body
 * {@code {"checkedAt", "action": "undo-merges"|"splits"|"joins"}}).
 */
@Component
public class IdentitiesResource implements RestResource {

    /** The answer of {@code POST resolve}; {@code poison} lists, masked, the poison identities that were left out. */
    public record Resolved(int customerId, boolean created, List<Integer> merged, List<String> poison) {
    }

    /** The answer of {@code GET <identity>}. */
    public record Found(String identity, int customerId) {
    }

    /** The answer of {@code GET graph-check} and {@code POST graph-check}. */
    public record CheckState(boolean running, Long jobId, String startedBy, GraphCheck.Result last) {
    }

    /**
     * The answer of {@code POST graph-check/splits/<ref>} and {@code POST graph-check/joins/<ref>}: the customer the
     * identities are with now, the survivor of the join.
     */
    public record Done(int ref, int customerId) {
    }

    /** The path segment of the graph check; identities always hold a ':', so none is mistaken for it. */
    static final String GRAPH_CHECK = "graph-check";

    private final OneId oneId;
    private final GraphChecks checks;

    @Activate
    public IdentitiesResource(@Reference OneId oneId, @Reference GraphChecks checks) {
        this.oneId = oneId;
        this.checks = checks;
    }

    @Override
    public String name() {
        return "identities";
    }

    @Override
    public Object handle(RestRequest request, RestResponse response) throws Exception {
        List<String> path = request.segments();
        if (path.size() == 1 && path.getFirst().equals(GRAPH_CHECK)) {
            return graphCheck(request, response);
        }
        if (path.size() == 2 && path.getFirst().equals(GRAPH_CHECK) && path.get(1).equals("apply")) {
            return apply(request, response);
        }
        if (path.size() == 3 && path.getFirst().equals(GRAPH_CHECK)
                && (path.get(1).equals("splits") || path.get(1).equals("joins"))) {
            return carryOut(request, path.get(1), path.get(2));
        }
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
                + "GET /api/v1/identities/<channel>:<value>, GET or POST /api/v1/identities/graph-check, "
                + "POST /api/v1/identities/graph-check/splits/<ref>, joins/<ref> or apply");
    }

    /** {@code POST graph-check/apply {"checkedAt","action"}}: a whole list of the last result, as a job. */
    private CheckState apply(RestRequest request, RestResponse response) throws RestException {
        Requests.requireOperator(request);
        if (!request.method().equals("POST")) {
            throw new RestException(405, "method not allowed", "use POST /api/v1/identities/" + GRAPH_CHECK + "/apply");
        }
        Map<String, Object> body = Requests.object(request);
        if (!(body.get("checkedAt") instanceof String at) || at.isBlank()) {
            throw RestException.badRequest("field 'checkedAt' is required: the checkedAt of the result whose list to "
                    + "carry out (GET /api/v1/identities/" + GRAPH_CHECK + ")");
        }
        GraphChecks.Action action = switch (String.valueOf(body.get("action"))) {
            case "undo-merges" -> GraphChecks.Action.UNDO_MERGES;
            case "splits" -> GraphChecks.Action.SPLITS;
            case "joins" -> GraphChecks.Action.JOINS;
            default -> throw RestException.badRequest("field 'action' must be undo-merges, splits or joins, not '"
                    + body.get("action") + "'");
        };
        boolean zh = request.header("Accept-Language").map(l -> l.strip().startsWith("zh")).orElse(false);
        try {
            if (checks.carryOut(action, at, request.user().username(), zh ? "身份图谱检查：批量处理"
                    : "Identity graph check: carry out a list").isEmpty()) {
                throw RestException.conflict("a graph check is running already; GET /api/v1/identities/"
                        + GRAPH_CHECK + " says when it ends");
            }
        } catch (IllegalStateException e) {
            throw RestException.conflict(e.getMessage());
        }
        response.status(202);
        return state();
    }

    private Done carryOut(RestRequest request, String kind, String ref) throws RestException {
        Requests.requireOperator(request);
        if (!request.method().equals("POST")) {
            throw new RestException(405, "method not allowed", "use POST /api/v1/identities/" + GRAPH_CHECK
                    + "/" + kind + "/<ref>");
        }
        int number;
        try {
            number = Integer.parseInt(ref);
        } catch (NumberFormatException e) {
            throw RestException.badRequest("the ref must be a number from the last result's " + kind + ", not '"
                    + ref + "'");
        }
        Object checkedAt = Requests.object(request).get("checkedAt");
        if (!(checkedAt instanceof String at) || at.isBlank()) {
            throw RestException.badRequest("field 'checkedAt' is required: the checkedAt of the result the " + kind
                    + " is from (GET /api/v1/identities/" + GRAPH_CHECK + ")");
        }
        String actor = request.user().username();
        try {
            return new Done(number, kind.equals("splits") ? checks.split(number, at, actor)
                    : checks.join(number, at, actor));
        } catch (NoSuchElementException e) {
            throw RestException.notFound(e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw RestException.conflict(e.getMessage());
        }
    }

    private CheckState graphCheck(RestRequest request, RestResponse response) throws RestException {
        Requests.requireOperator(request);
        switch (request.method()) {
            case "GET" -> {
                return state();
            }
            case "POST" -> {
                // the job's title is what the shell's job list shows, in the starter's language
                boolean zh = request.header("Accept-Language").map(l -> l.strip().startsWith("zh")).orElse(false);
                String title = zh ? "身份图谱检查" : "Identity graph check";
                if (checks.start(request.user().username(), title).isEmpty()) {
                    throw RestException.conflict("a graph check is running already; GET /api/v1/identities/"
                            + GRAPH_CHECK + " says when it ends");
                }
                response.status(202);
                return state();
            }
            default -> throw new RestException(405, "method not allowed",
                    "use GET or POST /api/v1/identities/" + GRAPH_CHECK);
        }
    }

    private CheckState state() {
        var run = checks.current();
        return new CheckState(checks.running(), run.map(r -> r.job() == null ? null : r.job().id()).orElse(null),
                run.map(GraphChecks.Run::actor).orElse(null), checks.last().orElse(null));
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
