package org.siyu.kernel.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;
import org.siyu.api.identity.Customer;
import org.siyu.api.identity.Resolution;
import org.siyu.api.identity.ResolveRequest;
import org.siyu.kernel.identity.internal.store.IdentityEntities;
import org.siyu.testkit.TestPersistenceUnit;

/** {@code resolveAll}: the batch path gives what one {@code resolve} per request gives, atomically. */
class ResolveAllTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

    private static ResolveRequest req(Map<String, String> traits, String... identities) {
        return new ResolveRequest(List.of(identities), traits);
    }

    private static ResolveRequest req(String... identities) {
        return req(Map.of(), identities);
    }

    /** Creations, links, merges through phone and unionid, a trait update, a poison key, in one order. */
    private static List<ResolveRequest> mixedBatch() {
        List<ResolveRequest> batch = new ArrayList<>();
        batch.add(req(Map.of("name", "小王", "campaign", "double-11"), "wecom:A", "phone:13800000001"));
        batch.add(req(Map.of("city", "上海"), "tmall:B"));
        batch.add(req("tmall:B", "phone:13800000001"));                  // B merges into A through the phone
        batch.add(req("jd:C", "wechat:U1"));
        batch.add(req("douyin:D"));
        batch.add(req("douyin:D", "wechat:U1", "mini:new"));              // D and C merge (lowest id survives)
        batch.add(req(Map.of("name", "老李", "owner", "g-1"), "jd:C"));  // traits on a merged customer's identity
        for (int i = 0; i < 5; i++) {                                      // a shared phone: becomes poison
            batch.add(req("store-card:S" + i));
            batch.add(req("store-card:S" + i, "phone:13900000000"));
        }
        // someone else's shared key: each collides with a channel the holder got earlier in this batch
        batch.add(req(Map.of("name", "店"), "phone:13900000099", "wecom:shop"));
        batch.add(req("phone:13900000099", "wecom:guest1"));               // a second WeCom contact: claim, merge
        batch.add(req("phone:13900000099", "mini:m1"));                    // a channel the shop lacks: linked
        batch.add(req("phone:13900000099", "mini:m2"));                    // collides with m1: claim, merge
        batch.add(req("phone:13900000099", "wecom:guest2"));               // the fourth claimant: poison, apart
        batch.add(req("wecom:A", "jd:C"));                                 // two customers, no merge key: no merge
        return batch;
    }

    @Test
    void shouldGiveTheSameResultsAndStateAsOneResolvePerRequest() {
        List<ResolveRequest> batch = mixedBatch();
        try (TestPersistenceUnit one = TestPersistenceUnit.of(new IdentityEntities());
                TestPersistenceUnit all = TestPersistenceUnit.of(new IdentityEntities())) {
            RecordingBus busOne = new RecordingBus();
            OneId byOne = new OneId(one, busOne, Fixtures.channels(), Fixtures.config(3, 5), CLOCK);
            List<Resolution> expected = batch.stream().map(r -> byOne.resolve(r.identities(), r.traits())).toList();

            RecordingBus busAll = new RecordingBus();
            OneId byAll = new OneId(all, busAll, Fixtures.channels(), Fixtures.config(3, 5), CLOCK);
            List<Resolution> actual = byAll.resolveAll(batch);

            assertEquals(expected, actual);
            assertTrue(expected.stream().anyMatch(r -> !r.merged().isEmpty()), "the batch merges");
            int[] ids = new int[60];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = i + 1;
            }
            assertEquals(byOne.customers(ids), byAll.customers(ids));
            assertEquals(byOne.count(), byAll.count());
            assertEquals(busOne.events().stream().map(e -> e.type() + " " + e.subject() + " " + e.data()).toList(),
                    busAll.events().stream().map(e -> e.type() + " " + e.subject() + " " + e.data()).toList());
            assertEquals(2, all.inTransaction(em -> em.createQuery("select count(p) from PoisonRow p", Long.class)
                    .getSingleResult()).intValue());
            assertTrue(actual.get(actual.size() - 2).created(), "the fourth claimant of the shop's phone stays apart");
            IndexCheck.assertMatches(all, byAll);
            assertEquals(toList(byOne.ids()), toList(byAll.ids()));
        }
    }

    /**
     * Requests that nothing else in their batch touches are written with JDBC (BatchInserts), the others as entities;
     * interleaved, over two batches in one transaction and a third that merges into JDBC-written customers, the ids,
     * customers (traits, attribution, creation time), events, index and live ids must be those of one resolve each.
     */
    @Test
    void shouldGiveOneByOneResultsWhenUntouchedNewCustomersAreWrittenWithoutEntities() {
        List<ResolveRequest> first = new ArrayList<>();
        first.add(req(Map.of("name", "独立一", "campaign", "c-1", "owner", "g-9", "city", "上海"), "wecom:solo1",
                "phone:13800000071", "tmall:solo1"));
        first.add(req("wecom:A", "phone:13800000001"));
        first.add(req(Map.of("name", "独立二"), "wechat:solo2"));
        first.add(req("tmall:B", "phone:13800000001"));                  // links to the customer of wecom:A
        first.add(req("jd:solo3"));
        List<ResolveRequest> second = List.of(req(Map.of("name", "独立四"), "mini:solo4", "phone:13800000074"),
                req("wecom:A", "douyin:E"));
        List<ResolveRequest> third = List.of(
                req(Map.of("name", "合并"), "phone:13800000071", "wechat:solo2"),  // merges solo2 into solo1
                req("phone:13800000074", "jd:solo3"),                              // links to solo4, no merge
                req("wechat:solo5"));
        try (TestPersistenceUnit one = TestPersistenceUnit.of(new IdentityEntities());
                TestPersistenceUnit all = TestPersistenceUnit.of(new IdentityEntities())) {
            RecordingBus busOne = new RecordingBus();
            OneId byOne = new OneId(one, busOne, Fixtures.channels(), Fixtures.config(3, 5), CLOCK);
            List<Resolution> expected = new ArrayList<>();
            for (List<ResolveRequest> batch : List.of(first, second, third)) {
                batch.forEach(r -> expected.add(byOne.resolve(r.identities(), r.traits())));
            }

            RecordingBus busAll = new RecordingBus();
            OneId byAll = new OneId(all, busAll, Fixtures.channels(), Fixtures.config(3, 5), CLOCK);
            List<Resolution> actual = new ArrayList<>(all.inTransaction(em -> {
                List<Resolution> r = new ArrayList<>(byAll.resolveAll(first));
                r.addAll(byAll.resolveAll(second));
                return r;
            }));
            actual.addAll(byAll.resolveAll(third));

            assertEquals(expected, actual);
            assertTrue(actual.stream().anyMatch(r -> !r.merged().isEmpty()), "the third batch merges");
            int[] ids = new int[12];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = i + 1;
            }
            assertEquals(byOne.customers(ids), byAll.customers(ids));
            assertEquals(Map.of("name", "合并", "city", "上海"), byAll.customer(1).orElseThrow().traits());
            assertEquals(busOne.events().stream().map(e -> e.type() + " " + e.subject() + " " + e.data()).toList(),
                    busAll.events().stream().map(e -> e.type() + " " + e.subject() + " " + e.data()).toList());
            IndexCheck.assertMatches(all, byAll);
            assertEquals(toList(byOne.ids()), toList(byAll.ids()));
            assertEquals(byOne.idsOwnedBy(List.of("g-9")).length, byAll.idsOwnedBy(List.of("g-9")).length);
        }
    }

    @Test
    void shouldRefuseTheWholeBatchNamingTheBadRequestAndItsIdentity() {
        try (TestPersistenceUnit unit = TestPersistenceUnit.of(new IdentityEntities())) {
            RecordingBus bus = new RecordingBus();
            OneId oneId = new OneId(unit, bus, Fixtures.channels(), Fixtures.config(3, 5), CLOCK);
            List<ResolveRequest> batch = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                batch.add(req("wecom:w" + i));
            }
            batch.add(req("wecom:w7", "phone:12345"));
            batch.add(req("wecom:w8"));

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> oneId.resolveAll(batch));
            assertTrue(e.getMessage().startsWith("request 7: identity 'phone:12345' is refused"), e.getMessage());

            List<ResolveRequest> badTrait = List.of(req("wecom:x"), req(Map.of("name", " "), "wecom:y"));
            assertEquals("request 1: trait 'name' has no value",
                    assertThrows(IllegalArgumentException.class, () -> oneId.resolveAll(badTrait)).getMessage());
            assertEquals("request 0: identity 'nochannel' is not <channel>:<value>, e.g. phone:13800000000",
                    assertThrows(IllegalArgumentException.class,
                            () -> oneId.resolveAll(List.of(req("nochannel"))).getFirst()).getMessage());

            assertEquals(0, oneId.count());
            assertEquals(List.of(), bus.events());
            assertEquals(OptionalInt.empty(), oneId.find("wecom:w0"));
            assertEquals(0, oneId.indexed());
        }
    }

    @Test
    void shouldLeaveNothingWhenTheCallersTransactionRollsBack() {
        try (TestPersistenceUnit unit = TestPersistenceUnit.of(new IdentityEntities())) {
            OneId oneId = new OneId(unit, new RecordingBus(), Fixtures.channels(), Fixtures.config(3, 5), CLOCK);
            assertThrows(IllegalStateException.class, () -> unit.inTransaction(em -> {
                List<Resolution> r = oneId.resolveAll(List.of(req("wecom:r1"), req("wecom:r2")));
                assertEquals(2, r.size());
                // inside the transaction the writer reads its own links from the database
                assertEquals(OptionalInt.of(r.getFirst().customerId()), oneId.find("wecom:r1"));
                throw new IllegalStateException("caller fails");
            }));
            assertEquals(0, oneId.count());
            assertEquals(0, oneId.indexed());
            assertEquals(List.of(), toList(oneId.ids()));
        }
    }

    @Test
    void shouldSeeLinksTheSameTransactionMadeBeforeTheBatch() {
        try (TestPersistenceUnit unit = TestPersistenceUnit.of(new IdentityEntities())) {
            OneId oneId = new OneId(unit, new RecordingBus(), Fixtures.channels(), Fixtures.config(3, 5), CLOCK);
            int existing = oneId.resolve(List.of("wechat:U9"), Map.of()).customerId();
            List<Resolution> r = unit.inTransaction(em -> {
                int before = oneId.resolve(List.of("wecom:t1", "phone:13800000009"), Map.of()).customerId();
                List<Resolution> batch = oneId.resolveAll(List.of(req("phone:13800000009", "jd:t2"),
                        req("wecom:t1", "wechat:U9")));
                assertEquals(before, batch.getFirst().customerId());
                return batch;
            });
            assertEquals(new Resolution(Math.min(existing, r.getFirst().customerId()), false,
                    List.of(Math.max(existing, r.getFirst().customerId()))), r.get(1));
            assertEquals(1, oneId.count());
            IndexCheck.assertMatches(unit, oneId);
        }
    }

    @Test
    void shouldAnswerAKnownBatchFromTheIndexWithoutWriting() {
        try (TestPersistenceUnit unit = TestPersistenceUnit.of(new IdentityEntities())) {
            RecordingBus bus = new RecordingBus();
            OneId oneId = new OneId(unit, bus, Fixtures.channels(), Fixtures.config(3, 5), CLOCK);
            List<Resolution> created = oneId.resolveAll(List.of(req("wecom:k1", "mini:k1"), req("wecom:k2")));
            assertEquals(List.of(true, true), created.stream().map(Resolution::created).toList());
            bus.clear();

            List<Resolution> again = oneId.resolveAll(List.of(req("mini:k1"), req("wecom:k2"), req("wecom:k1")));
            int first = created.get(0).customerId();
            int second = created.get(1).customerId();
            assertEquals(List.of(new Resolution(first, false, List.of()), new Resolution(second, false, List.of()),
                    new Resolution(first, false, List.of())), again);
            assertEquals(List.of(), bus.events());
            assertEquals(List.of(), oneId.resolveAll(List.of()));
        }
    }

    @Test
    void shouldPublishOneUpdateWhenABatchLinksOrChangesAnExistingCustomer() {
        try (TestPersistenceUnit unit = TestPersistenceUnit.of(new IdentityEntities())) {
            RecordingBus bus = new RecordingBus();
            OneId oneId = new OneId(unit, bus, Fixtures.channels(), Fixtures.config(3, 5), CLOCK);
            int id = oneId.resolve(List.of("wecom:u1"), Map.of("name", "A")).customerId();
            oneId.resolveAll(List.of(req(Map.of("name", "A", "city", "杭州"), "wecom:u1", "jd:u1"),
                    req(Map.of("name", "A"), "wecom:u1")));
            List<Event> updated = bus.ofType("customer.updated");
            assertEquals(1, updated.size(), "an unchanged repeat publishes nothing");
            assertEquals(id, updated.getFirst().subject());
            assertEquals("{\"identities\":[\"jd:u1\"],\"traits\":[\"city\"]}", updated.getFirst().data());
            Customer c = oneId.customer(id).orElseThrow();
            assertEquals(Map.of("name", "A", "city", "杭州"), c.traits());
        }
    }

    static List<Integer> toList(java.util.PrimitiveIterator.OfInt ids) {
        List<Integer> list = new ArrayList<>();
        ids.forEachRemaining((int id) -> list.add(id));
        return list;
    }
}
