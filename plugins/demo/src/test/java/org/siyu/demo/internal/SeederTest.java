package org.siyu.demo.internal;

import org.siyu.testkit.RecordingProgress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.org.DataScope;
import org.siyu.api.org.OrgService;
import org.siyu.api.org.OrgUnit;
import org.siyu.api.org.Staff;
import org.siyu.testkit.TestPersistenceUnit;

/**
 * The seed on the real demo_seed migration with identity, tags and events in the same database: batches commit
 * with their marker, a crash in a batch leaves none of it, the next run goes on and ends where an uninterrupted run
 * ends, and a finished seed writes nothing more.
 */
class SeederTest {

    /** 1,500 people: four batches, quick. */
    private static final DemoPlan.Settings SMALL = new DemoPlan.Settings(99, 1_500, Instant.parse("2026-11-20T08:00:00Z"));

    private final List<TestPersistenceUnit> units = new ArrayList<>();

    @AfterEach
    void close() {
        units.forEach(TestPersistenceUnit::close);
    }

    private SqlFakes fakes() throws SQLException {
        TestPersistenceUnit unit = TestPersistenceUnit.of(new DemoEntities());
        units.add(unit);
        return new SqlFakes(unit);
    }

    /** An org service that keeps what it is told, so owners are assigned. */
    private static final class Org implements OrgService {
        final List<OrgUnit> units = new ArrayList<>();
        final List<Staff> staff = new ArrayList<>();

        @Override
        public List<OrgUnit> units() {
            return units;
        }

        @Override
        public java.util.Optional<OrgUnit> unit(String id) {
            return units.stream().filter(u -> u.id().equals(id)).findFirst();
        }

        @Override
        public OrgUnit saveUnit(OrgUnit unit, String actor) {
            units.add(unit);
            return unit;
        }

        @Override
        public List<Staff> staff(String unitId, boolean includeBelow) {
            return staff;
        }

        @Override
        public java.util.Optional<Staff> staffMember(String id) {
            return java.util.Optional.empty();
        }

        @Override
        public Staff saveStaff(Staff s, String actor) {
            staff.add(s);
            return s;
        }

        @Override
        public void linkAccount(String account, String unitId, String actor) {
        }

        @Override
        public java.util.Optional<String> accountUnit(String account) {
            return java.util.Optional.empty();
        }

        @Override
        public DataScope scope(String account) {
            return DataScope.ALL;
        }
    }

    private static Seeder seeder(SqlFakes f, Org org) {
        return new Seeder(f.unit, f.identity, f.bus, () -> f.tags, () -> org, Clock.systemUTC());
    }

    private static Set<String> eventIds(SqlFakes f) throws SQLException {
        Set<String> ids = new TreeSet<>();
        try (var c = f.unit.connect(); var s = c.createStatement(); var rs = s.executeQuery("SELECT id FROM fake_event")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    @Test
    void shouldSeedEveryBatchWithItsMarkerAndThenNothingMore() throws Exception {
        SqlFakes f = fakes();
        Org org = new Org();
        DemoPlan plan = DemoPlan.of(SMALL);
        RecordingProgress progress = new RecordingProgress();
        String summary = seeder(f, org).run(SMALL, progress, () -> false);

        assertTrue(summary.startsWith("毛孩食堂 demo brand seeded in "), summary);
        assertEquals(plan.batches(), progress.total());
        assertEquals(plan.batches(), progress.done());
        assertEquals(plan.batches() + 1, f.count("demo_seed"));
        Seeder.State state = seeder(f, org).state();
        assertTrue(state.complete());
        assertEquals(plan.touches().size(), f.unit.queryLong("SELECT SUM(resolved) FROM demo_seed"));
        long events = f.count("fake_event");
        assertEquals(events, f.unit.queryLong("SELECT SUM(events) FROM demo_seed"));
        assertEquals(plan.persons().stream().mapToLong(p -> DemoEvents.of(SMALL, p).events().size()).sum(), events);
        assertEquals(plan.persons().stream().filter(p -> p.owner() != null).count(),
                f.count("fake_customer WHERE owner IS NOT NULL"));
        assertEquals(Places.REGIONS.size() + Places.STORES.size() + 1, org.units.size()); // and the renamed root
        assertEquals(plan.staff(), org.staff);
        assertTrue(f.count("fake_tag WHERE source = 'plugin:org.siyu.demo'") > 1_500);

        int calls = f.publishCalls.get();
        seeder(f, org).run(SMALL, new RecordingProgress(), () -> false);
        assertEquals(calls, f.publishCalls.get(), "a finished seed publishes nothing");
        assertEquals(events, f.count("fake_event"));
    }

    @Test
    void shouldGoOnAfterACrashInABatchAndEndLikeAnUninterruptedRun() throws Exception {
        SqlFakes clean = fakes();
        seeder(clean, new Org()).run(SMALL, new RecordingProgress(), () -> false);

        SqlFakes crashed = fakes();
        crashed.failOnPublish = 3; // batch 3 dies after resolving, owning and tagging
        IllegalStateException crash = assertThrows(IllegalStateException.class,
                () -> seeder(crashed, new Org()).run(SMALL, new RecordingProgress(), () -> false));
        assertEquals("simulated crash in publishAll call 3", crash.getMessage());
        Seeder.State after = seeder(crashed, new Org()).state();
        assertEquals(Set.of(1, 2), after.done());
        assertFalse(after.complete());
        // nothing of batch 3 is left: customers, links, tags and events are those of batches 1 and 2
        DemoPlan plan = DemoPlan.of(SMALL);
        long firstTwo = plan.batch(1).touches().size() + plan.batch(2).touches().size();
        assertEquals(firstTwo, crashed.unit.queryLong("SELECT SUM(resolved) FROM demo_seed"));
        assertEquals(crashed.unit.queryLong("SELECT SUM(events) FROM demo_seed"), crashed.count("fake_event"));

        RecordingProgress resumed = new RecordingProgress();
        seeder(crashed, new Org()).run(Settingsless.other(), resumed, () -> false);
        assertEquals(plan.batches(), resumed.done());
        assertEquals(eventIds(clean), eventIds(crashed));
        assertEquals(clean.count("fake_customer"), crashed.count("fake_customer"));
        assertEquals(clean.count("fake_link"), crashed.count("fake_link"));
        assertEquals(clean.count("fake_tag"), crashed.count("fake_tag"));
        assertEquals(clean.count("fake_customer WHERE owner IS NOT NULL"),
                crashed.count("fake_customer WHERE owner IS NOT NULL"));
    }

    @Test
    void shouldStopBetweenBatchesWhenAskedAndGoOnLater() throws Exception {
        SqlFakes f = fakes();
        RecordingProgress progress = new RecordingProgress();
        int[] asked = {0};
        String line = seeder(f, new Org()).run(SMALL, progress, () -> ++asked[0] > 2);
        assertEquals("stopped before batch 3 of " + DemoPlan.of(SMALL).batches() + "; the next start goes on there",
                line);
        assertEquals(Set.of(1, 2), seeder(f, new Org()).state().done());
        seeder(f, new Org()).run(SMALL, new RecordingProgress(), () -> false);
        assertTrue(seeder(f, new Org()).state().complete());
    }

    @Test
    void shouldRecordTheOrdersInCommerceInsteadOfPublishingThemWhenCommerceRuns() throws Exception {
        SqlFakes f = fakes();
        ShopFake shop = new ShopFake();
        DemoPlan plan = DemoPlan.of(SMALL);
        long planned = plan.persons().stream().flatMap(p -> DemoEvents.of(SMALL, p).events().stream())
                .filter(e -> e.type().equals("order.paid")).count();
        long others = plan.persons().stream().mapToLong(p -> DemoEvents.of(SMALL, p).events().size()).sum() - planned;

        String summary = new Seeder(f.unit, f.identity, f.bus, () -> f.tags, Org::new, () -> shop, Clock.systemUTC())
                .run(SMALL, new RecordingProgress(), () -> false);

        assertTrue(summary.contains(Catalog.PRODUCTS.size() + " products, " + planned + " orders recorded"), summary);
        assertEquals(Catalog.PRODUCTS.size(), shop.products.size());
        assertEquals(planned, shop.orders.size());
        assertEquals(0, f.count("fake_event WHERE type = 'order.paid'"), "commerce publishes the orders' events");
        assertEquals(others, f.count("fake_event"));
        // every order's lines are in the catalogue and add up to what the plan says was paid
        for (var o : shop.orders.values()) {
            assertTrue(o.lines().stream().allMatch(l -> shop.skus.containsKey(l.skuCode())), o.toString());
            assertEquals(o.payableFen(), o.lines().stream().mapToLong(l -> l.amountFen()).sum(), o.toString());
            assertTrue(o.customerId() > 0 && o.paidAt() != null && !o.createdAt().isAfter(o.paidAt()), o.toString());
        }
        // a second start finds the seed finished: nothing is recorded or created again
        int calls = shop.recordCalls;
        new Seeder(f.unit, f.identity, f.bus, () -> f.tags, Org::new, () -> shop, Clock.systemUTC())
                .run(SMALL, new RecordingProgress(), () -> false);
        assertEquals(calls, shop.recordCalls);
        assertEquals(Catalog.PRODUCTS.size(), shop.products.size());
    }

    /** Settings a resumed seed must ignore: it keeps those of its row 0. */
    private static final class Settingsless {
        static DemoPlan.Settings other() {
            return new DemoPlan.Settings(12345, 40_000, Instant.parse("2030-01-01T00:00:00Z"));
        }
    }
}
