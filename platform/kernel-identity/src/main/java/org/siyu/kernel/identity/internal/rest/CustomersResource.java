package org.siyu.kernel.identity.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.siyu.api.identity.Customer;
import org.siyu.api.org.DataScope;
import org.siyu.api.org.OrgService;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResource;
import org.siyu.api.rest.RestResponse;
import org.siyu.api.tags.TagAssignment;
import org.siyu.api.tags.TagService;
import org.siyu.kernel.identity.internal.OneId;

/**
 * {@code /api/v1/customers}: {@code GET <id>} (the profile with its tags and ownership level), {@code GET <id>/merges},
 * {@code POST <id>/tags} and {@code DELETE <id>/tags/<tag>} (operator). Tags come from the {@link TagService} when it
 * runs: without it the profile has no tags and tag writes answer 503. While the org bundle runs, a customer outside
 * the user's data scope answers 404 exactly as a customer that does not exist, so the API does not tell that it exists.
 */
@Component
public class CustomersResource implements RestResource {

    /**
     * The tag groups whose tag is the customer's ownership level (流量产权: reachable, engaged, owned): tagging's
     * system group {@code reach}, and the names brands used before it existed.
     */
    public static final Set<String> LEVEL_GROUPS = Set.of("reach", "ownership", "流量产权");

    /** A tag on the profile and why it is there. */
    public record TagView(String tag, String group, String source, String evidence, String at) {

        static TagView of(TagAssignment a) {
            return new TagView(a.tag(), a.group(), a.source(), a.evidence(), a.at() == null ? null : a.at().toString());
        }
    }

    /** The profile. {@code level} is the tag of group ownership/流量产权, or null. */
    public record CustomerView(int id, List<String> identities, Map<String, String> traits, String createdAt,
            String firstChannel, String campaign, String owner, int mergedInto, List<TagView> tags, String level) {
    }

    private final OneId oneId;
    private final PersistenceUnit unit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TagService tags;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OrgService org;

    @Activate
    public CustomersResource(@Reference OneId oneId,
            @Reference(target = "(" + PersistenceUnit.NAME_PROPERTY + "=identity)") PersistenceUnit unit) {
        this.oneId = oneId;
        this.unit = unit;
    }

    /** For tests: with or without a tag service. */
    CustomersResource(OneId oneId, PersistenceUnit unit, TagService tags) {
        this(oneId, unit);
        this.tags = tags;
    }

    /** For tests: with an org service (data scopes). */
    CustomersResource(OneId oneId, PersistenceUnit unit, TagService tags, OrgService org) {
        this(oneId, unit, tags);
        this.org = org;
    }

    @Override
    public String name() {
        return "customers";
    }

    @Override
    public Object handle(RestRequest request, RestResponse response) throws Exception {
        List<String> path = request.segments();
        String method = request.method();
        if (path.isEmpty()) {
            throw RestException.notFound("give a customer id: /api/v1/customers/<id>");
        }
        int id = Requests.customerId(path.getFirst());
        DataScope scope = scope(request);
        if (path.size() == 1 && method.equals("GET")) {
            return profile(customer(id, scope));
        }
        if (path.size() == 2 && path.get(1).equals("merges") && method.equals("GET")) {
            customer(id, scope);
            return oneId.merges(id).stream().map(MergesResource.MergeView::of).toList();
        }
        if (path.size() == 2 && path.get(1).equals("tags") && method.equals("POST")) {
            return assign(request, id, scope);
        }
        if (path.size() == 3 && path.get(1).equals("tags") && method.equals("DELETE")) {
            Requests.requireOperator(request);
            TagService service = tagService();
            customer(id, scope);
            service.unassign(id, path.get(2), request.user().username());
            return null;
        }
        throw RestException.notFound("no such customers resource: " + String.join("/", path) + " with " + method);
    }

    private DataScope scope(RestRequest request) {
        OrgService service = org;
        return service == null ? DataScope.ALL : service.scope(request.user().username());
    }

    /** The customer, if it exists and is in scope; the 404 is the same either way. */
    private Customer customer(int id, DataScope scope) throws RestException {
        return oneId.customer(id).filter(c -> scope.allowsOwner(c.owner()))
                .orElseThrow(() -> RestException.notFound("there is no customer " + id));
    }

    private CustomerView profile(Customer c) {
        TagService service = tags;
        List<TagView> assigned = service == null ? List.of() : service.tags(c.id()).stream().map(TagView::of).toList();
        String level = null;
        for (TagView tag : assigned) {
            if (LEVEL_GROUPS.contains(tag.group())) {
                level = tag.tag(); // the latest assigned wins
            }
        }
        return new CustomerView(c.id(), c.identities(), c.traits(), c.createdAt().toString(), c.firstChannel(),
                c.campaign(), c.owner(), c.mergedInto(), assigned, level);
    }

    private Object assign(RestRequest request, int id, DataScope scope) throws RestException {
        Requests.requireOperator(request);
        TagService service = tagService();
        List<String> names = Requests.strings(Requests.object(request), "tags");
        Customer customer = customer(id, scope);
        if (customer.mergedInto() != 0) {
            throw RestException.conflict("customer " + id + " was merged into customer " + customer.mergedInto()
                    + "; tag that one");
        }
        String user = request.user().username();
        List<String> added = unit.inTransaction(em -> {
            List<String> fresh = new ArrayList<>();
            for (String name : names) {
                if (service.assign(id, name, "manual", user)) {
                    fresh.add(name);
                }
            }
            return fresh;
        });
        return Map.of("customerId", id, "assigned", added,
                "tags", service.tags(id).stream().map(TagView::of).toList());
    }

    private TagService tagService() throws RestException {
        TagService service = tags;
        if (service == null) {
            throw new RestException(503, "service unavailable", "tagging is not running (bundle org.siyu.kernel.tagging)");
        }
        return service;
    }
}
