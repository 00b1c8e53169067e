package org.siyu.commerce.imports.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.siyu.support.csv.CsvFile;
import org.siyu.support.csv.CsvSource;
import org.siyu.support.csv.Delimiter;
import org.siyu.support.csv.Encoding;
import org.siyu.testkit.FakeIdentity;
import org.siyu.testkit.FakeJobs;
import org.siyu.testkit.TestPersistenceUnit;

/** The import's unit and the faked OneID, commerce and jobs, for the tests of this and other packages. */
public final class ImportKit implements AutoCloseable {

    final TestPersistenceUnit unit = TestPersistenceUnit.of(new ImportEntities());
    final TestPersistenceUnit fakes = TestPersistenceUnit.of(new Fakes());
    FakeIdentity identity;
    FakeCommerce commerce;
    FakeJobs jobs;

    private ImportKit() {
    }

    public static ImportKit open() {
        return new ImportKit();
    }

    /** Empties every table and makes new fakes. */
    public void empty() throws Exception {
        unit.deleteAll("cmi_error", "cmi_import", "cmi_recorded", "cmi_source");
        fakes.deleteAll("fakes_link", "fakes_trait", "fakes_line", "fakes_order", "fakes_sku");
        ImportRun.ACTIVE.clear();
        identity = new FakeIdentity(fakes);
        commerce = new FakeCommerce(fakes);
        jobs = new FakeJobs();
    }

    /** An importer over the fakes, with or without commerce and the job service. */
    public OrderImporter importer(boolean withCommerce, boolean withJobs) {
        return new OrderImporter(unit, identity, withCommerce ? commerce.service() : null, withJobs ? jobs : null,
                Clock.systemUTC());
    }

    /** The test data of {@code OrderImporterTest}: a Tmall report of five rows and four orders. */
    public static String tmallReport() {
        return OrderImporterTest.TMALL;
    }

    /** How many orders the fake commerce holds. */
    public long orders() throws Exception {
        return fakes.queryLong("select count(*) from fakes_order");
    }

    public void addSku(String code) {
        commerce.addSku(code);
    }

    public long fakes(String sql) throws Exception {
        return fakes.queryLong(sql);
    }

    public long count(String sql) throws Exception {
        return unit.queryLong(sql);
    }

    public static CsvFile file(String name, String text) throws Exception {
        return CsvFile.open(CsvSource.of(name, text.getBytes(StandardCharsets.UTF_8)), Encoding.AUTO, Delimiter.AUTO);
    }

    @Override
    public void close() {
        unit.close();
        fakes.close();
    }
}
