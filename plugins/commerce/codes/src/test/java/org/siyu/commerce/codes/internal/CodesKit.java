package org.siyu.commerce.codes.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;
import org.siyu.testkit.FakeIdentity;
import org.siyu.testkit.FakeJobs;
import org.siyu.testkit.TestPersistenceUnit;

/** The codes' unit and the faked OneID, event bus, catalogue and jobs, for the tests of this and other packages. */
public final class CodesKit implements AutoCloseable {

    public static final String SCAN = "https://pets.example/s?c={code}";

    final TestPersistenceUnit unit = TestPersistenceUnit.of(new CodeEntities());
    final TestPersistenceUnit fakes = TestPersistenceUnit.of(new Fakes());
    FakeIdentity identity;
    FakeEvents events;
    FakeJobs jobs;
    final FakeCatalogue catalogue = new FakeCatalogue().add(1, "冻干鸡肉猫粮 1.5kg", "CAT-FD-1500", "CAT-FD-3000")
            .add(2, "磨牙棒", "DOG-CHEW-6");

    private CodesKit() {
    }

    public static CodesKit open() {
        return new CodesKit();
    }

    public void empty() throws Exception {
        unit.deleteAll("cmc_code", "cmc_batch");
        fakes.deleteAll("fakes_link", "fakes_trait", "fakes_event");
        BatchRun.ACTIVE.clear();
        identity = new FakeIdentity(fakes);
        events = new FakeEvents(fakes);
        jobs = new FakeJobs();
    }

    public CodeService service(boolean withCommerce, boolean withJobs) {
        return service(withCommerce, withJobs, new SecureRandom());
    }

    CodeService service(boolean withCommerce, boolean withJobs, Random random) {
        return new CodeService(unit, identity, events, withCommerce ? catalogue.service() : null,
                withJobs ? jobs : null, SCAN, random, Clock.systemUTC());
    }

    public long count(String sql) throws Exception {
        return unit.queryLong(sql);
    }

    public long fakes(String sql) throws Exception {
        return fakes.queryLong(sql);
    }

    @Override
    public void close() {
        unit.close();
        fakes.close();
    }
}
