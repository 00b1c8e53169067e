package org.siyu.kernel.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;
import org.siyu.api.rest.RestException;
import org.siyu.api.security.Role;
import org.siyu.testkit.FakeRestRequest;
import org.siyu.testkit.TestPersistenceUnit;

class EventsResourceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private TestPersistenceUnit unit;
    private EventBusService bus;
    private Delivery delivery;
    private FakeIdentityService identities;
    private EventsResource resource;

    @BeforeEach
    void setUp() throws Exception {
        unit = TestPersistenceUnit.inMemory(new EventsEntities());
        unit.execute("CREATE TABLE test_link (identity VARCHAR(200) PRIMARY KEY, customer_id INTEGER NOT NULL)");
        OutboxTransactions transactions = new OutboxTransactions();
        Settings settings = new Settings(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(10),
                Duration.ofMinutes(5), Duration.ofMillis(50), 100);
        bus = new EventBusService(unit, transactions, settings, Clock.systemUTC());
        delivery = new Delivery(unit, transactions, settings, Clock.systemUTC());
        identities = new FakeIdentityService(unit);
        resource = new EventsResource(bus, delivery, new Ingestion(unit, bus, identities),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        delivery.deactivate();
        unit.close();
    }

    @Test
    void shouldKeepValidEventsAndReportEachInvalidOneWithIndexAndField() throws Exception {
        String body = """
                [
                  {"id":"ok-1","type":"order.paid","source":"pos","identities":["wechat:u1"],"data":{"total":12.5}},
                  {"type":"order.paid","source":"pos","data":{}},
                  {"id":"bad-type","type":"Order Paid","source":"pos","data":{}},
                  {"id":"bad-data","type":"order.paid","source":"pos","data":[1,2]},
                  {"id":"bad-time","type":"order.paid","source":"pos","time":"yesterday","data":{}},
                  {"id":"bad-ids","type":"order.paid","source":"pos","identities":["nocolon"],"data":{}},
                  {"id":"both","type":"order.paid","source":"pos","subject":3,"identities":["wechat:u1"]},
                  {"id":"bad-subject","type":"order.paid","source":"pos","subject":-4},
                  "not an object",
                  {"id":"ok-2","type":"order.shipped","source":"pos","subject":7,"time":"2026-11-23T18:15:30+08:00"},
                  {"id":"no-source","type":"order.paid","data":{}}
                ]""";
        FakeRestRequest call = new FakeRestRequest("POST").as(Role.OPERATOR).json(body);

        Map<?, ?> answer = (Map<?, ?>) resource.handle(call, call);

        assertEquals(200, call.status());
        assertEquals(2, answer.get("accepted"));
        assertEquals(0, answer.get("duplicates"));
        List<String> rejected = ((List<?>) answer.get("rejected")).stream()
                .map(r -> ((Map<?, ?>) r).get("index") + ":" + ((Map<?, ?>) r).get("field")).toList();
        assertEquals(List.of("1:id", "2:type", "3:data", "4:time", "5:identities", "6:subject", "7:subject",
                "8:event", "10:source"), rejected);
        List<Event> events = bus.read(0, 10);
        assertEquals(List.of("ok-1", "ok-2"), events.stream().map(Event::id).toList());
        assertEquals(101, events.get(0).subject(), "identities resolved to the customer");
        assertEquals("{\"total\":12.5}", events.get(0).data());
        assertEquals(NOW, events.get(0).time(), "time defaults to now");
        assertEquals(7, events.get(1).subject());
        assertEquals(Instant.parse("2026-11-23T10:15:30Z"), events.get(1).time());
        assertEquals("{}", events.get(1).data(), "data defaults to an empty object");
    }

    @Test
    void shouldCountIdsAlreadyOnTheBusAsDuplicatesAndNotResolveThemAgain() throws Exception {
        FakeRestRequest first = new FakeRestRequest("POST").as(Role.OPERATOR).json("""
                [{"id":"d1","type":"a.b","source":"s","identities":["wechat:x"]},
                 {"id":"d1","type":"a.b","source":"s","identities":["wechat:x"]}]""");
        Map<?, ?> one = (Map<?, ?>) resource.handle(first, first);
        assertEquals(1, one.get("accepted"));
        assertEquals(1, one.get("duplicates"), "repeated inside the request");
        assertEquals(1, identities.resolved.get());

        FakeRestRequest again = new FakeRestRequest("POST").as(Role.OPERATOR).json("""
                [{"id":"d1","type":"a.b","source":"s","identities":["wechat:x"]},
                 {"id":"d2","type":"a.b","source":"s"}]""");
        Map<?, ?> two = (Map<?, ?>) resource.handle(again, again);

        assertEquals(200, again.status());
        assertEquals(1, two.get("accepted"));
        assertEquals(1, two.get("duplicates"));
        assertEquals(1, identities.resolved.get(), "a duplicate is not applied, not even its identities");
        assertEquals(2, bus.read(0, 10).size());
    }

    @Test
    void shouldRejectAnEventWhoseIdentitiesAreRefusedAndCommitTheRestTogether() throws Exception {
        FakeRestRequest call = new FakeRestRequest("POST").as(Role.OPERATOR).json("""
                [{"id":"r0","type":"a.b","source":"s","identities":["wechat:first"]},
                 {"id":"r1","type":"a.b","source":"s","identities":["tmall:buyer"]},
                 {"id":"r2","type":"a.b","source":"s","identities":["phone:+8613800000000"]}]""");

        Map<?, ?> answer = (Map<?, ?>) resource.handle(call, call);

        assertEquals(2, answer.get("accepted"));
        Map<?, ?> refusal = (Map<?, ?>) ((List<?>) answer.get("rejected")).getFirst();
        assertEquals(1, refusal.get("index"));
        assertEquals("identities", refusal.get("field"));
        assertTrue(String.valueOf(refusal.get("detail")).contains("unknown channel 'tmall'"), refusal.toString());
        assertEquals(List.of("r0", "r2"), bus.read(0, 10).stream().map(Event::id).toList());
        assertEquals(2, count("SELECT COUNT(*) FROM test_link"), "the refused attempt left no customer behind");
    }

    @Test
    void shouldAnswer400WhenEveryEventIsRejected() throws Exception {
        FakeRestRequest call = new FakeRestRequest("POST").as(Role.OPERATOR).json("[{\"id\":\"x\"},{\"type\":\"a.b\"}]");

        Map<?, ?> answer = (Map<?, ?>) resource.handle(call, call);

        assertEquals(400, call.status());
        assertEquals(0, answer.get("accepted"));
        assertEquals(2, ((List<?>) answer.get("rejected")).size());
        assertTrue(bus.read(0, 10).isEmpty());
    }

    @Test
    void shouldRefuseViewersAndMalformedRequests() {
        FakeRestRequest viewer = new FakeRestRequest("POST").as(Role.VIEWER).json("[{\"id\":\"v\",\"type\":\"a.b\",\"source\":\"s\"}]");
        RestException forbidden = assertThrows(RestException.class, () -> resource.handle(viewer, viewer));
        assertEquals(403, forbidden.status());
        assertTrue(bus.read(0, 10).isEmpty());

        FakeRestRequest notArray = new FakeRestRequest("POST").as(Role.OPERATOR).json("{\"id\":\"v\"}");
        assertEquals(400, assertThrows(RestException.class, () -> resource.handle(notArray, notArray)).status());
        FakeRestRequest empty = new FakeRestRequest("POST").as(Role.OPERATOR).json("[]");
        assertEquals(400, assertThrows(RestException.class, () -> resource.handle(empty, empty)).status());
        FakeRestRequest badLimit = new FakeRestRequest("GET").as(Role.OPERATOR).query("limit", "5000");
        RestException limit = assertThrows(RestException.class, () -> resource.handle(badLimit, badLimit));
        assertTrue(limit.detail().contains("'limit'"), limit.detail());
        FakeRestRequest wrongMethod = new FakeRestRequest("DELETE").as(Role.OPERATOR);
        assertEquals(405, assertThrows(RestException.class, () -> resource.handle(wrongMethod, wrongMethod)).status());
    }

    @Test
    void shouldPageThroughEventsByOffset() throws Exception {
        bus.publishAll(Recorder.events("p", 5, "a.b", 9));

        FakeRestRequest first = new FakeRestRequest("GET").as(Role.OPERATOR).query("limit", "3");
        Map<?, ?> page = (Map<?, ?>) resource.handle(first, first);
        List<?> events = (List<?>) page.get("events");
        assertEquals(3, events.size());
        assertEquals(Map.of("n", 0), ((Map<?, ?>) events.getFirst()).get("data"), "data as an object, not a string");

        FakeRestRequest second = new FakeRestRequest("GET").as(Role.OPERATOR).query("after", String.valueOf(page.get("next")));
        List<?> rest = (List<?>) ((Map<?, ?>) resource.handle(second, second)).get("events");
        assertEquals(List.of("p3", "p4"), rest.stream().map(e -> ((Map<?, ?>) e).get("id")).toList());

        FakeRestRequest timeline = new FakeRestRequest("GET").as(Role.OPERATOR).query("subject", "9").query("limit", "2");
        List<?> newest = (List<?>) ((Map<?, ?>) resource.handle(timeline, timeline)).get("events");
        assertEquals(List.of("p4", "p3"), newest.stream().map(e -> ((Map<?, ?>) e).get("id")).toList());
    }

    @Test
    void shouldListAndReplayDeadLettersOverRest() throws Exception {
        Recorder picky = new Recorder();
        picky.failWhen = e -> true;
        delivery.addSubscriber(picky, Recorder.props("test.rest", "*"));
        bus.publish(Event.of("a.b", "s", 1, "{}"));
        assertTrue(Recorder.await(Duration.ofSeconds(10), () -> !delivery.deadLetters(false, 10).isEmpty()));

        FakeRestRequest list = new FakeRestRequest("GET", "dead-letters").as(Role.OPERATOR);
        List<?> letters = (List<?>) resource.handle(list, list);
        assertEquals(1, letters.size());
        Object id = ((Map<?, ?>) letters.getFirst()).get("id");

        FakeRestRequest failing = new FakeRestRequest("POST", "dead-letters", String.valueOf(id), "replay").as(Role.OPERATOR);
        assertEquals(409, assertThrows(RestException.class, () -> resource.handle(failing, failing)).status());

        picky.failWhen = e -> false;
        FakeRestRequest replay = new FakeRestRequest("POST", "dead-letters", String.valueOf(id), "replay").as(Role.OPERATOR);
        assertEquals(Map.of("id", id, "replayed", true), resource.handle(replay, replay));
        assertEquals(1, picky.received.size());

        FakeRestRequest missing = new FakeRestRequest("POST", "dead-letters", "999", "replay").as(Role.OPERATOR);
        assertEquals(404, assertThrows(RestException.class, () -> resource.handle(missing, missing)).status());
        FakeRestRequest viewer = new FakeRestRequest("POST", "dead-letters", String.valueOf(id), "replay").as(Role.VIEWER);
        assertEquals(403, assertThrows(RestException.class, () -> resource.handle(viewer, viewer)).status());
    }

    private int count(String sql) throws Exception {
        try (var c = unit.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
