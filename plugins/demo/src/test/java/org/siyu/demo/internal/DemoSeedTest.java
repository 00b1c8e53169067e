package org.siyu.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.EventBus;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.jobs.JobService;
import org.siyu.api.jobs.JobWork;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.testkit.TestPersistenceUnit;

/** When the demo seeds: the switch, an empty home, a started or finished seed. */
class DemoSeedTest {

    /** A service that fails the test if anything is asked of it. */
    @SuppressWarnings("unchecked")
    private static <T> T untouchable(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            throw new AssertionError(type.getSimpleName() + "." + method.getName() + " called with SIYU_DEMO=off");
        });
    }

    /** Records the jobs started, without running them. */
    private static final class Jobs implements JobService {
        final List<String> started = new ArrayList<>();

        @Override
        public JobInfo start(String kind, String title, String actor, JobWork work) {
            started.add(kind + " by " + actor);
            return new JobInfo(7, kind, title, actor, JobInfo.State.RUNNING, -1, 0, "", Instant.now(), null);
        }

        @Override
        public Optional<JobInfo> job(long id) {
            return Optional.empty();
        }

        @Override
        public List<JobInfo> recent(int limit) {
            return List.of();
        }

        @Override
        public boolean cancel(long id, String actor) {
            return true;
        }
    }

    @Test
    void shouldReadTheSwitch() {
        assertTrue(DemoSeed.switchedOff("off", null));
        assertTrue(DemoSeed.switchedOff(" OFF ", null));
        assertTrue(DemoSeed.switchedOff(null, "false"));
        assertTrue(DemoSeed.switchedOff("0", "on"));
        assertFalse(DemoSeed.switchedOff(null, null));
        assertFalse(DemoSeed.switchedOff("on", ""));
    }

    @Test
    void shouldSkipEverythingWhenSwitchedOff() throws Exception {
        Jobs jobs = new Jobs();
        DemoSeed seed = new DemoSeed(untouchable(PersistenceUnit.class), untouchable(IdentityService.class),
                untouchable(EventBus.class), null, null, jobs, Map.of("SIYU_DEMO", "off")::get, name -> null);
        seed.start();
        seed.decideAndSeedIfStarted();
        assertEquals(List.of(), jobs.started);

        DemoSeed byProperty = new DemoSeed(untouchable(PersistenceUnit.class), untouchable(IdentityService.class),
                untouchable(EventBus.class), null, null, jobs, name -> null, Map.of("siyu.demo", "off")::get);
        byProperty.start();
        byProperty.decideAndSeedIfStarted();
        assertEquals(List.of(), jobs.started);
    }

    @Test
    void shouldDecideFromTheMarkerAndTheCustomers() {
        SeedBatch plan = new SeedBatch(0, DemoPlan.Settings.standard(Instant.now()), 3, 0, 0, Instant.now());
        assertEquals(DemoSeed.Decision.SEED, DemoSeed.decide(new Seeder.State(null, Set.of()), 0));
        assertEquals(DemoSeed.Decision.NOT_EMPTY, DemoSeed.decide(new Seeder.State(null, Set.of()), 12));
        assertEquals(DemoSeed.Decision.RESUME, DemoSeed.decide(new Seeder.State(plan, Set.of(1)), 5_000));
        assertEquals(DemoSeed.Decision.DONE, DemoSeed.decide(new Seeder.State(plan, new HashSet<>(Set.of(1, 2, 3))), 9));
    }

    @Test
    void shouldStartAJobOnAnEmptyHomeAndNotOnAHomeWithCustomers() throws Exception {
        try (TestPersistenceUnit unit = TestPersistenceUnit.of(new DemoEntities())) {
            SqlFakes empty = new SqlFakes(unit);
            Jobs jobs = new Jobs();
            new DemoSeed(unit, empty.identity, empty.bus, empty.tags, new NoOrg(), jobs, name -> null, name -> null)
                    .decideAndSeed();
            assertEquals(List.of("demo.seed by demo"), jobs.started);

            unit.execute("INSERT INTO fake_customer (id) VALUES (1)");
            Jobs later = new Jobs();
            new DemoSeed(unit, empty.identity, empty.bus, empty.tags, new NoOrg(), later, name -> null, name -> null)
                    .decideAndSeed();
            assertEquals(List.of(), later.started);
        }
    }

    /** Present, so the start does not wait for it; the seed is not run here. */
    private static final class NoOrg implements org.siyu.api.org.OrgService {
        @Override
        public List<org.siyu.api.org.OrgUnit> units() {
            return List.of();
        }

        @Override
        public Optional<org.siyu.api.org.OrgUnit> unit(String id) {
            return Optional.empty();
        }

        @Override
        public org.siyu.api.org.OrgUnit saveUnit(org.siyu.api.org.OrgUnit unit, String actor) {
            return unit;
        }

        @Override
        public List<org.siyu.api.org.Staff> staff(String unitId, boolean includeBelow) {
            return List.of();
        }

        @Override
        public Optional<org.siyu.api.org.Staff> staffMember(String id) {
            return Optional.empty();
        }

        @Override
        public org.siyu.api.org.Staff saveStaff(org.siyu.api.org.Staff staff, String actor) {
            return staff;
        }

        @Override
        public void linkAccount(String account, String unitId, String actor) {
        }

        @Override
        public Optional<String> accountUnit(String account) {
            return Optional.empty();
        }

        @Override
        public org.siyu.api.org.DataScope scope(String account) {
            return org.siyu.api.org.DataScope.ALL;
        }
    }
}
