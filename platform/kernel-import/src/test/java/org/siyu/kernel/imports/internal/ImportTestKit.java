package org.siyu.kernel.imports.internal;

import java.time.Clock;
import org.siyu.testkit.FakeIdentity;
import org.siyu.testkit.FakeJobs;
import org.siyu.testkit.TestPersistenceUnit;

/** The import's unit and the faked OneID, tagging and jobs, for tests outside this package. */
public final class ImportTestKit implements AutoCloseable {

    private final TestPersistenceUnit unit = TestPersistenceUnit.of(new ImportEntities());
    private final TestPersistenceUnit fakes = TestPersistenceUnit.of(new Fakes());

    private ImportTestKit() {
    }

    public static ImportTestKit open() {
        return new ImportTestKit();
    }

    public void empty() throws Exception {
        unit.deleteAll("imports_error", "imports_import", "imports_mapping");
        fakes.deleteAll("fakes_link", "fakes_trait", "fakes_assignment");
        ImportRun.ACTIVE.clear();
    }

    /** An importer over the fakes, with or without the job service. */
    public Importer importer(boolean withJobs) {
        return new Importer(unit, new FakeIdentity(fakes), TestChannels.registry(), new FakeTags(fakes),
                withJobs ? new FakeJobs() : null, Clock.systemUTC());
    }

    /** How many imports are recorded. */
    public long imports() throws Exception {
        return unit.queryLong("select count(*) from imports_import");
    }

    /** How many identities the fake OneID has linked. */
    public long links() throws Exception {
        return fakes.queryLong("select count(*) from fakes_link");
    }

    @Override
    public void close() {
        unit.close();
        fakes.close();
    }
}
