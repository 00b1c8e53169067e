package org.siyu.kernel.identity.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;
import org.siyu.api.search.SearchDocument;
import org.siyu.api.search.SearchHit;
import org.siyu.api.search.SearchIndex;
import org.siyu.kernel.identity.internal.CustomerServices;
import org.siyu.kernel.identity.internal.FakeTagService;
import org.siyu.kernel.identity.internal.Fixtures;
import org.siyu.kernel.identity.internal.OneId;
import org.siyu.kernel.identity.internal.RecordingBus;
import org.siyu.kernel.identity.internal.store.IdentityEntities;
import org.siyu.testkit.TestPersistenceUnit;

/** Customer search documents: what they hold, the rebuild source, and the subscriber that keeps them current. */
class CustomerSearchTest {

    /** The index as a map, counting the calls. */
    static final class MapIndex implements SearchIndex {
        final Map<String, SearchDocument> docs = new LinkedHashMap<>();
        int puts;
        int deletes;

        @Override
        public synchronized void put(Collection<SearchDocument> documents) {
            puts++;
            documents.forEach(d -> docs.put(d.type() + "/" + d.id(), d));
        }

        @Override
        public synchronized void delete(String type, Collection<String> ids) {
            deletes++;
            ids.forEach(id -> docs.remove(type + "/" + id));
        }

        @Override
        public List<SearchHit> search(String query, Set<String> types, int limit, Locale locale) {
            return List.of();
        }

        @Override
        public long count(String type) {
            return docs.size();
        }

        @Override
        public long rebuild(String type, String actor) {
            return 0;
        }
    }

    private static TestPersistenceUnit unit;

    private final RecordingBus bus = new RecordingBus();
    private final FakeTagService tags = new FakeTagService();
    private OneId oneId;
    private CustomerServices services;

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
        oneId = Fixtures.oneId(unit, bus, Clock.systemUTC(), null);
        services = new CustomerServices(oneId, tags, bus, null);
    }

    @Test
    void shouldDescribeACustomerWithoutUnmaskedIdentities() {
        int id = oneId.resolve(List.of("wecom:wmSecret", "phone:13800001234"), Map.of("name", "小王", "nickname",
                "王王", "remark", "喜欢猫粮", "city", "上海", "gender", "f")).customerId();
        int plain = oneId.resolve(List.of("tmall:t"), Map.of()).customerId();
        tags.assign(id, "VIP", "manual", "alice");
        tags.assign(id, "猫主人", "manual", "alice");

        List<SearchDocument> docs = new ArrayList<>();
        CustomerDocuments source = new CustomerDocuments(services);
        assertEquals("customer", source.type());
        assertEquals(2, source.estimate());
        source.documents(docs::add, () -> false);

        assertEquals(new SearchDocument("customer", String.valueOf(id), "小王", "+86138****1234 · wecom",
                Map.of("name", "小王", "nickname", "王王", "remark", "喜欢猫粮", "city", "上海"),
                List.of("VIP", "猫主人", "+86138****1234")), docs.getFirst());
        assertEquals(new SearchDocument("customer", String.valueOf(plain), "客户 #" + plain, "tmall", Map.of(),
                List.of()), docs.get(1));
        assertTrue(docs.stream().noneMatch(d -> d.toString().contains("Secret") || d.toString().contains("13800001234")));

        List<SearchDocument> cancelled = new ArrayList<>();
        source.documents(cancelled::add, () -> true);
        assertEquals(List.of(), cancelled);
        assertEquals("\"say \\\"hi\\\" \\\\o/\"", CustomerDocuments.quoted("say \"hi\" \\o/"));
    }

    @Test
    void shouldPutChangedCustomersInBatchesAndDeleteMergedOnes() {
        MapIndex index = new MapIndex();
        // no timed flush during the test: the test flushes, so the batching it checks does not depend on timing
        CustomerSearchSubscriber subscriber = new CustomerSearchSubscriber(services, index, 3_600_000);
        int a = oneId.resolve(List.of("wecom:a", "phone:13800000001"), Map.of("name", "A")).customerId();
        int b = oneId.resolve(List.of("tmall:b"), Map.of("name", "B")).customerId();
        tags.assign(b, "VIP", "manual", "alice");
        oneId.resolve(List.of("tmall:b", "phone:13800000001"), Map.of()); // b merges into a
        for (Event e : bus.events()) {
            subscriber.onEvent(e);
        }
        subscriber.onEvent(Event.of("tag.assigned", "tagging", b, "{\"tag\":\"VIP\"}"));
        subscriber.flush();
        assertEquals(Set.of("customer/" + a), index.docs.keySet());
        assertEquals("A", index.docs.get("customer/" + a).title());
        assertEquals(1, index.puts, "one batch for all the events");
        assertEquals(1, index.deletes);

        oneId.undoMerge(oneId.merges(a).getFirst().id(), "ops");
        subscriber.onEvent(bus.ofType("customer.unmerged").getFirst());
        subscriber.flush();
        assertEquals(Set.of("customer/" + a, "customer/" + b), index.docs.keySet());
        assertEquals(List.of("VIP"), index.docs.get("customer/" + b).keywords());
    }

    @Test
    void shouldFlushByItselfWhenABatchIsFull() {
        MapIndex index = new MapIndex();
        CustomerSearchSubscriber subscriber = new CustomerSearchSubscriber(services, index, 3_600_000);
        List<org.siyu.api.identity.ResolveRequest> batch = new ArrayList<>();
        for (int i = 0; i < CustomerSearchSubscriber.BATCH; i++) {
            batch.add(new org.siyu.api.identity.ResolveRequest(List.of("wecom:f" + i), Map.of()));
        }
        oneId.resolveAll(batch);
        bus.events().forEach(subscriber::onEvent);
        assertEquals(CustomerSearchSubscriber.BATCH, index.docs.size());
        assertEquals(1, index.puts);
    }

    @Test
    void shouldFindTheCustomersOfAnEvent() {
        assertEquals(Set.of(1, 2), CustomerSearchSubscriber.customers(new Event(1, "x", "customer.merged", "identity",
                1, Instant.EPOCH, "{\"survivor\":1,\"merged\":2,\"mergeId\":77,\"rule\":\"shared-phone\"}")));
        assertEquals(Set.of(5), CustomerSearchSubscriber.customers(new Event(1, "y", "tag.removed", "tagging", 5,
                Instant.EPOCH, "{}")));
        assertEquals(Set.of(), CustomerSearchSubscriber.customers(new Event(1, "z", "customer.note", "x", null,
                Instant.EPOCH, "{}")));
    }

    @Test
    void shouldDoNothingWithoutAnIndex() {
        CustomerSearchSubscriber subscriber = new CustomerSearchSubscriber(services, null);
        oneId.resolve(List.of("wecom:a"), Map.of());
        bus.events().forEach(subscriber::onEvent);
        subscriber.flush(); // nothing waiting, nothing to write to
        assertEquals(1, oneId.count());
    }
}
