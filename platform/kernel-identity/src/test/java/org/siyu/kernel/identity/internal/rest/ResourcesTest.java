package org.siyu.kernel.identity.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestResource;
import org.siyu.api.security.Role;
import org.siyu.kernel.identity.internal.Fixtures;
import org.siyu.kernel.identity.internal.OneId;
import org.siyu.kernel.identity.internal.RecordingBus;
import org.siyu.kernel.identity.internal.graph.GraphCheck;
import org.siyu.kernel.identity.internal.graph.GraphChecks;
import org.siyu.kernel.identity.internal.store.IdentityEntities;
import org.siyu.support.jobs.Jobs;
import org.siyu.testkit.FakeRestRequest;
import org.siyu.testkit.TestPersistenceUnit;

/** The identities, customers and merges resources over the real service and H2. */
class ResourcesTest {

    private static TestPersistenceUnit unit;

    private OneId oneId;
    private IdentitiesResource identities;
    private MergesResource merges;
    private GraphChecks checks;
    private final FakeTags tags = new FakeTags();

    @BeforeAll
    static void open() {
        unit = TestPersistenceUnit.inMemory(new IdentityEntities());
    }

    @AfterAll
    static void close() {
        unit.close();
    }

    @BeforeEach
    void empty() throws Exception {
        Fixtures.empty(unit);
        oneId = new OneId(unit, new RecordingBus(), Fixtures.channels(), Fixtures.config(3, 5));
        checks = new GraphChecks(unit, new Jobs(null), oneId::poisonThreshold, oneId);
        identities = new IdentitiesResource(oneId, checks);
        merges = new MergesResource(oneId);
    }

    private static Object call(RestResource resource, String method, String path, Role role, Object body)
            throws Exception {
        FakeRestRequest request = FakeRestRequest.of(method, path).as(role).json(body);
        return resource.handle(request, request);
    }

    private static RestException refused(RestResource resource, String method, String path, Role role, Object body) {
        return assertThrows(RestException.class, () -> call(resource, method, path, role, body));
    }

    private IdentitiesResource.Resolved resolve(Object body) throws Exception {
        return (IdentitiesResource.Resolved) call(identities, "POST", "resolve", Role.OPERATOR, body);
    }

    @Test
    void shouldResolveAndAnswerTheCustomer() throws Exception {
        var created = resolve(Map.of("identities", List.of("wecom:wm1", "phone:13800000000"),
                "traits", Map.of("name", "小王", "age", 31)));
        var merged = resolve(Map.of("identities", List.of("tmall:t1")));
        var again = resolve(Map.of("identities", List.of("tmall:t1", "phone:+8613800000000")));

        assertTrue(created.created());
        assertEquals(new IdentitiesResource.Resolved(created.customerId(), false, List.of(merged.customerId()), List.of()),
                again);
        assertEquals(Map.of("name", "小王", "age", "31"), oneId.customer(created.customerId()).orElseThrow().traits());
        assertEquals(new IdentitiesResource.Found("tmall:t1", created.customerId()),
                call(identities, "GET", "tmall:t1", Role.VIEWER, null));
    }

    @Test
    void shouldRefuseABadResolveNamingTheField() {
        assertEquals("field 'identities' is required",
                refused(identities, "POST", "resolve", Role.OPERATOR, Map.of("traits", Map.of())).detail());
        assertEquals("field 'identities' must be a list of strings",
                refused(identities, "POST", "resolve", Role.OPERATOR, Map.of("identities", "wecom:x")).detail());
        assertEquals("field 'identities' must list at least one value",
                refused(identities, "POST", "resolve", Role.OPERATOR, Map.of("identities", List.of())).detail());
        assertEquals("field 'identities[1]' must be a string",
                refused(identities, "POST", "resolve", Role.OPERATOR, Map.of("identities", List.of("wecom:x", 5))).detail());
        assertEquals("field 'traits' must be an object of names and text values",
                refused(identities, "POST", "resolve", Role.OPERATOR,
                        Map.of("identities", List.of("wecom:x"), "traits", List.of())).detail());
        RestException bad = refused(identities, "POST", "resolve", Role.OPERATOR,
                Map.of("identities", List.of("wecom:x", "phone:12345")));
        assertEquals(400, bad.status());
        assertTrue(bad.detail().startsWith("identity 'phone:12345' is refused"), bad.detail());
        assertEquals("the request needs a JSON body", refused(identities, "POST", "resolve", Role.OPERATOR, null).detail());
        assertEquals(0, oneId.count());
    }

    @Test
    void shouldLetOnlyOperatorsWrite() {
        RestException forbidden = refused(identities, "POST", "resolve", Role.VIEWER,
                Map.of("identities", List.of("wecom:x")));
        assertEquals(403, forbidden.status());
        assertEquals("this needs the role operator; viewer1 is viewer", forbidden.detail());
        assertEquals(405, refused(identities, "GET", "resolve", Role.OPERATOR, null).status());
    }

    @Test
    void shouldShowTheProfileWithTagsAndLevel() throws Exception {
        int id = resolve(Map.of("identities", List.of("wecom:wm2"), "traits", Map.of("campaign", "c9"))).customerId();
        CustomersResource customers = new CustomersResource(oneId, unit, tags);

        var assigned = call(customers, "POST", id + "/tags", Role.OPERATOR, Map.of("tags", List.of("VIP", "engaged")));
        var profile = (CustomersResource.CustomerView) call(customers, "GET", String.valueOf(id), Role.VIEWER, null);

        assertEquals(List.of("VIP", "engaged"), ((Map<?, ?>) assigned).get("assigned"));
        assertEquals(List.of("assign " + id + " VIP manual operator1", "assign " + id + " engaged manual operator1"),
                tags.calls);
        assertEquals(List.of("wecom:wm2"), profile.identities());
        assertEquals("c9", profile.campaign());
        assertEquals("wecom", profile.firstChannel());
        assertEquals("engaged", profile.level());
        assertEquals(List.of("VIP", "engaged"), profile.tags().stream().map(CustomersResource.TagView::tag).toList());

        assertNull(call(customers, "DELETE", id + "/tags/VIP", Role.OPERATOR, null));
        assertEquals("unassign " + id + " VIP operator1", tags.calls.getLast());
    }

    @Test
    void shouldWorkWithoutTaggingButRefuseTagWrites() throws Exception {
        int id = resolve(Map.of("identities", List.of("wecom:wm3"))).customerId();
        CustomersResource customers = new CustomersResource(oneId, unit, null);

        var profile = (CustomersResource.CustomerView) call(customers, "GET", String.valueOf(id), Role.VIEWER, null);
        RestException unavailable = refused(customers, "POST", id + "/tags", Role.OPERATOR, Map.of("tags", List.of("VIP")));

        assertEquals(List.of(), profile.tags());
        assertNull(profile.level());
        assertEquals(503, unavailable.status());
        assertEquals(503, refused(customers, "DELETE", id + "/tags/VIP", Role.OPERATOR, null).status());
    }

    @Test
    void shouldAnswer404And400ForCustomersThatCannotExist() {
        CustomersResource customers = new CustomersResource(oneId, unit, tags);

        assertEquals("there is no customer 424242", refused(customers, "GET", "424242", Role.VIEWER, null).detail());
        assertEquals(404, refused(customers, "POST", "424242/tags", Role.OPERATOR, Map.of("tags", List.of("x"))).status());
        assertEquals("customer id 'abc' is not a positive number",
                refused(customers, "GET", "abc", Role.VIEWER, null).detail());
        assertEquals(403, refused(customers, "POST", "1/tags", Role.VIEWER, Map.of("tags", List.of("x"))).status());
    }

    @Test
    void shouldListAndUndoMerges() throws Exception {
        int a = resolve(Map.of("identities", List.of("phone:13800000000"))).customerId();
        int b = resolve(Map.of("identities", List.of("wecom:wm4"))).customerId();
        resolve(Map.of("identities", List.of("wecom:wm4", "phone:13800000000")));
        CustomersResource customers = new CustomersResource(oneId, unit, tags);

        @SuppressWarnings("unchecked")
        var history = (List<MergesResource.MergeView>) call(customers, "GET", a + "/merges", Role.VIEWER, null);
        long mergeId = history.getFirst().id();
        assertEquals("phone:+86138****0000", history.getFirst().evidence());
        assertEquals(403, refused(merges, "POST", mergeId + "/undo", Role.VIEWER, null).status());

        var undone = (MergesResource.MergeView) call(merges, "POST", mergeId + "/undo", Role.OPERATOR, null);

        assertTrue(undone.undone());
        assertEquals(2, oneId.count());
        assertEquals(b, ((CustomersResource.CustomerView) call(customers, "GET", String.valueOf(b), Role.VIEWER, null)).id());
        assertEquals(409, refused(merges, "POST", mergeId + "/undo", Role.OPERATOR, null).status());
        assertEquals(404, refused(merges, "POST", "999999/undo", Role.OPERATOR, null).status());
    }

    @Test
    void shouldStartTheGraphCheckAndShowItsResult() throws Exception {
        resolve(Map.of("identities", List.of("phone:13900000000", "wecom:shop")));
        for (int i = 1; i <= 4; i++) {
            resolve(Map.of("identities", List.of("phone:13900000000", "wecom:visitor" + i)));
        }
        assertEquals(403, refused(identities, "POST", "graph-check", Role.VIEWER, null).status());
        assertEquals(403, refused(identities, "GET", "graph-check", Role.VIEWER, null).status());
        assertEquals(405, refused(identities, "DELETE", "graph-check", Role.OPERATOR, null).status());
        var before = (IdentitiesResource.CheckState) call(identities, "GET", "graph-check", Role.OPERATOR, null);
        assertEquals(new IdentitiesResource.CheckState(false, null, null, null), before);

        FakeRestRequest post = FakeRestRequest.of("POST", "graph-check").as(Role.OPERATOR);
        var started = (IdentitiesResource.CheckState) identities.handle(post, post);
        checks.current().orElseThrow().done().get(30, java.util.concurrent.TimeUnit.SECONDS);
        var after = (IdentitiesResource.CheckState) call(identities, "GET", "graph-check", Role.OPERATOR, null);

        assertEquals(202, post.status());
        assertEquals("operator1", started.startedBy());
        assertEquals(2, after.last().mergesThroughPoison());
        assertEquals(List.of("phone:+86139****0000"), after.last().suspects().getFirst().poisonKeys());
        assertEquals(false, after.running());
    }

    @Test
    void shouldSplitOffWhatTheGraphCheckLists() throws Exception {
        int shop = resolve(Map.of("identities", List.of("phone:13900000000", "wecom:shop"))).customerId();
        resolve(Map.of("identities", List.of("phone:13900000000", "tmall:x"))); // linked to the shop, no merge
        for (int i = 1; i <= 3; i++) {
            resolve(Map.of("identities", List.of("wecom:visitor" + i)));
            resolve(Map.of("identities", List.of("wecom:visitor" + i, "phone:13900000000")));
        }
        assertEquals(409, refused(identities, "POST", "graph-check/splits/0", Role.OPERATOR,
                Map.of("checkedAt", "2020-01-01T00:00:00Z")).status(), "no check has run");
        checks.start("operator1", "check").orElseThrow().done().get(30, java.util.concurrent.TimeUnit.SECONDS);
        var state = (IdentitiesResource.CheckState) call(identities, "GET", "graph-check", Role.OPERATOR, null);
        assertEquals(1, state.last().splits().size());
        assertEquals(shop, state.last().splits().getFirst().customerNow());
        assertEquals(403, refused(identities, "POST", "graph-check/splits/0", Role.VIEWER, null).status());
        assertEquals(405, refused(identities, "GET", "graph-check/splits/0", Role.OPERATOR, null).status());
        assertEquals(400, refused(identities, "POST", "graph-check/splits/first", Role.OPERATOR, null).status());
        Map<String, String> read = Map.of("checkedAt", state.last().checkedAt());
        assertEquals(404, refused(identities, "POST", "graph-check/splits/7", Role.OPERATOR, read).status());
        RestException missing = refused(identities, "POST", "graph-check/splits/0", Role.OPERATOR, Map.of());
        assertEquals(400, missing.status());
        assertTrue(missing.detail().startsWith("field 'checkedAt' is required"), missing.detail());
        assertEquals(409, refused(identities, "POST", "graph-check/splits/0", Role.OPERATOR,
                Map.of("checkedAt", "2020-01-01T00:00:00Z")).status());

        var done = (IdentitiesResource.Done) call(identities, "POST", "graph-check/splits/0", Role.OPERATOR,
                Map.of("checkedAt", state.last().checkedAt()));

        assertTrue(done.customerId() != shop);
        assertEquals(done.customerId(), oneId.find("tmall:x").orElseThrow());
        assertEquals(409, refused(identities, "POST", "graph-check/splits/0", Role.OPERATOR, read).status(),
                "done already: the identities are no longer with the shop");
    }

    @Test
    void shouldJoinWhatTheGraphCheckLists() throws Exception {
        resolve(Map.of("identities", List.of("phone:13900000000", "wecom:shop")));
        resolve(Map.of("identities", List.of("phone:13700000009", "phone:13900000000")));
        resolve(Map.of("identities", List.of("phone:13700000009", "wecom:x")));
        for (int i = 1; i <= 3; i++) {
            resolve(Map.of("identities", List.of("wecom:visitor" + i)));
            resolve(Map.of("identities", List.of("wecom:visitor" + i, "phone:13900000000")));
        }
        checks.start("operator1", "check").orElseThrow().done().get(30, java.util.concurrent.TimeUnit.SECONDS);
        for (GraphCheck.SuspectMerge merge : checks.last().orElseThrow().suspects()) {
            call(merges, "POST", merge.mergeId() + "/undo", Role.OPERATOR, null);
        }
        checks.start("operator1", "check").orElseThrow().done().get(30, java.util.concurrent.TimeUnit.SECONDS);
        var state = (IdentitiesResource.CheckState) call(identities, "GET", "graph-check", Role.OPERATOR, null);
        assertEquals(1, state.last().joins().size(), state.last().toString());
        List<Integer> apart = state.last().joins().getFirst().customers();
        assertEquals(405, refused(identities, "PUT", "graph-check/joins/0", Role.OPERATOR, null).status());
        Map<String, String> read = Map.of("checkedAt", state.last().checkedAt());
        assertEquals(404, refused(identities, "POST", "graph-check/joins/3", Role.OPERATOR, read).status());

        var done = (IdentitiesResource.Done) call(identities, "POST", "graph-check/joins/0", Role.OPERATOR,
                Map.of("checkedAt", state.last().checkedAt()));

        assertEquals(apart.getFirst().intValue(), done.customerId());
        assertEquals(done.customerId(), oneId.find("wecom:x").orElseThrow());
        assertEquals(409, refused(identities, "POST", "graph-check/joins/0", Role.OPERATOR, read).status(),
                "done already: the other customer was merged");
    }

    @Test
    void shouldCarryOutAWholeListAsAJob() throws Exception {
        resolve(Map.of("identities", List.of("phone:13900000000", "wecom:shop")));
        for (int i = 1; i <= 4; i++) {
            resolve(Map.of("identities", List.of("wecom:visitor" + i)));
            resolve(Map.of("identities", List.of("wecom:visitor" + i, "phone:13900000000")));
        }
        checks.start("operator1", "check").orElseThrow().done().get(30, java.util.concurrent.TimeUnit.SECONDS);
        String at = checks.last().orElseThrow().checkedAt();
        assertEquals(2, checks.last().orElseThrow().suspects().size());
        assertEquals(403, refused(identities, "POST", "graph-check/apply", Role.VIEWER,
                Map.of("checkedAt", at, "action", "undo-merges")).status());
        assertEquals(400, refused(identities, "POST", "graph-check/apply", Role.OPERATOR,
                Map.of("checkedAt", at, "action", "everything")).status());
        assertEquals(400, refused(identities, "POST", "graph-check/apply", Role.OPERATOR,
                Map.of("action", "undo-merges")).status());
        assertEquals(409, refused(identities, "POST", "graph-check/apply", Role.OPERATOR,
                Map.of("checkedAt", "2020-01-01T00:00:00Z", "action", "undo-merges")).status());

        FakeRestRequest post = FakeRestRequest.of("POST", "graph-check/apply").as(Role.OPERATOR)
                .json(Map.of("checkedAt", at, "action", "undo-merges"));
        identities.handle(post, post);
        assertEquals(202, post.status());
        assertTrue(checks.current().orElseThrow().done().get(30, java.util.concurrent.TimeUnit.SECONDS)
                .startsWith("2 merges undone"));
        assertEquals(List.of(), checks.last().orElseThrow().suspects(), "the check ran again");
    }
}
