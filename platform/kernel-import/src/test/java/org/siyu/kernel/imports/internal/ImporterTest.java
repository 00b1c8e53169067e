package org.siyu.kernel.imports.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.jobs.JobInfo;
import org.siyu.kernel.imports.internal.mapping.Mapping;
import org.siyu.support.csv.CsvFile;
import org.siyu.support.csv.CsvSource;
import org.siyu.support.csv.Delimiter;
import org.siyu.support.csv.Encoding;
import org.siyu.testkit.FakeIdentity;
import org.siyu.testkit.FakeJobs;
import org.siyu.testkit.TestPersistenceUnit;

/** The import on the real migrations (H2, or PostgreSQL with -Dsiyu.test.postgres), OneID and tagging faked. */
class ImporterTest {

    private static TestPersistenceUnit unit;
    private static TestPersistenceUnit fakes;

    private FakeIdentity identity;
    private FakeTags tags;
    private FakeJobs jobs;
    private Importer importer;

    @BeforeAll
    static void open() {
        unit = TestPersistenceUnit.of(new ImportEntities());
        fakes = TestPersistenceUnit.of(new Fakes());
    }

    @AfterAll
    static void close() {
        unit.close();
        fakes.close();
    }

    @BeforeEach
    void empty() throws Exception {
        unit.deleteAll("imports_error", "imports_import", "imports_mapping");
        fakes.deleteAll("fakes_link", "fakes_trait", "fakes_assignment");
        ImportRun.ACTIVE.clear();
        identity = new FakeIdentity(fakes);
        tags = new FakeTags(fakes);
        jobs = new FakeJobs();
        importer = new Importer(unit, identity, TestChannels.registry(), tags, jobs, Clock.systemUTC());
    }

    private static CsvFile file(String name, String text) throws Exception {
        return CsvFile.open(CsvSource.of(name, text.getBytes(StandardCharsets.UTF_8)), Encoding.AUTO,
                Delimiter.AUTO);
    }

    /** 手机 → phone, unionid → wechat, 姓名 → name, 标签 → tags: those of them the file has. */
    private Mapping standard(CsvFile file) {
        Map<String, String> all = Map.of("手机", "phone", "unionid", "wechat", "姓名", "name", "标签", "tags");
        Map<String, String> present = new java.util.HashMap<>(all);
        present.keySet().retainAll(file.headers());
        return importer.mapping(file, present);
    }

    private static String text(String sql) throws Exception {
        try (var c = fakes.connect(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), "no row: " + sql);
            return rs.getString(1);
        }
    }

    private static final String SAMPLE = """
            手机,unionid,姓名,标签
            13800000001,,张三,VIP|猫主人
            13800000002,oU2,李四,
            12345,,坏号码,VIP
            ,,没有身份,VIP
            13800000001,,张三again,新客
            13800000003,oU3,王五,"VIP,狗主人"
            13800000003,oU3,王五,
            """;

    @Test
    void aDryRunCountsWithoutWriting() throws Exception {
        identity.resolve(List.of("phone:+8613800000002"), Map.of()); // already a customer
        CsvFile file = file("客户.csv", SAMPLE);
        DryRunReport report = importer.dryRun(file, standard(file));
        assertEquals(7, report.rows());
        assertEquals(5, report.ok());
        assertEquals(2, report.rejected());
        assertEquals(List.of(
                new RowError(4, "手机", "1****5", "not a valid phone: '1****5' is not a phone number"),
                new RowError(5, "手机 / unionid", "", "no identity: the row needs a value in at least one of the "
                        + "columns 手机, unionid")), report.errors());
        assertEquals(2, report.created(), "13800000001 and 13800000003; their repeats are the same customers");
        assertEquals(1, report.existing());
        assertEquals(2, report.duplicates(), "rows 6 and 8 repeat the identities of rows 2 and 7");
        assertEquals(0, fakes.queryLong("select count(*) from fakes_link") - 1, "only the customer made above");
        assertEquals(0, unit.queryLong("select count(*) from imports_import"), "a dry run leaves no record");
    }

    @Test
    void aRealRunImportsGoodRowsAndRecordsTheBadOnes() throws Exception {
        CsvFile file = file("客户.csv", SAMPLE);
        Importer.Started started = importer.start(file, standard(file), "operator1");
        ImportRecord r = importer.record(started.importId()).orElseThrow();
        assertEquals(ImportState.SUCCEEDED, r.state());
        assertEquals(started.jobId(), r.jobId());
        assertEquals(7, r.rowsTotal());
        assertEquals(7, r.rowsDone());
        assertEquals(5, r.rowsImported());
        assertEquals(2, r.rowsRejected());
        assertEquals(3, r.customersCreated());
        assertEquals(5, r.tagsAdded(), "VIP, 猫主人, 新客 for the first customer; VIP, 狗主人 for the third");
        assertEquals("5 of 7 rows imported, 2 rejected", r.message());
        assertEquals(List.of(4, 5), importer.errors(r.id(), 0, 100).stream().map(RowError::row).toList());
        assertEquals(JobInfo.State.SUCCEEDED, jobs.job(started.jobId()).orElseThrow().state());
        assertEquals(5, fakes.queryLong("select count(*) from fakes_link"));
        assertEquals("客户.csv row 2", text(
                "select evidence from fakes_assignment where tag = '猫主人'"));
        assertEquals(1, fakes.queryLong("select count(*) from fakes_assignment where source = 'import' and tag = "
                + "'新客' and evidence = '客户.csv row 6'"));
        assertEquals("张三again", text("select trait_value from fakes_trait t join fakes_link l on "
                + "l.customer_id = t.customer_id where l.identity = 'phone:+8613800000001' and t.name = 'name'"));
    }

    @Test
    void aFailingChunkIsRetriedRowByRowAndOnlyTheBadRowIsRejected() throws Exception {
        int chunk = ImportRun.CHUNK;
        int rows = 2 * chunk + chunk / 2;
        int bad = chunk + chunk / 2;
        StringBuilder text = new StringBuilder("手机,unionid,标签\n");
        for (int i = 0; i < rows; i++) {
            // row bad + 2 passes the checks but OneID refuses it, inside the second chunk
            text.append(String.format("138%08d,%s,导入|批次%d%n", i, i == bad ? "oBOOM" : "", i / chunk));
        }
        CsvFile file = file("big.csv", text.toString());
        Importer.Started started = importer.start(file, standard(file), "operator1");
        ImportRecord r = importer.record(started.importId()).orElseThrow();
        assertEquals(ImportState.SUCCEEDED, r.state());
        assertEquals(rows - 1, r.rowsImported());
        assertEquals(1, r.rowsRejected());
        List<RowError> errors = importer.errors(r.id(), 0, 10);
        assertEquals(1, errors.size());
        assertEquals(bad + 2, errors.get(0).row());
        assertEquals("not imported: request 0: identity 'wechat:oBOOM' is refused", errors.get(0).detail());
        assertEquals(rows - 1, fakes.queryLong("select count(*) from fakes_link"), "nothing of the bad row");
        assertEquals((rows - 1) * 2L, fakes.queryLong("select count(*) from fakes_assignment"), "its tags neither");
        assertEquals(0, fakes.queryLong("select count(*) from fakes_link where identity = 'phone:+86138"
                + String.format("%08d", bad) + "'"), "a row is all or nothing: its good phone is not linked either");
        assertEquals(3 + chunk, identity.calls(), "three chunks, then the second one row by row");
        assertEquals(List.of((long) chunk, 2L * chunk, (long) rows), jobs.doneReports());
    }

    @Test
    void aFailingTagAssignmentRollsBackItsRowsIdentitiesToo() throws Exception {
        CsvFile file = file("t.csv", "手机,标签\n13800000001,VIP\n13800000002,好|炸\n13800000003,VIP\n");
        ImportRecord r = importer.record(importer.start(file, standard(file), "op").importId()).orElseThrow();
        assertEquals(2, r.rowsImported());
        assertEquals(1, r.rowsRejected());
        assertEquals(0, fakes.queryLong("select count(*) from fakes_link where identity = 'phone:+8613800000002'"));
        assertEquals(0, fakes.queryLong("select count(*) from fakes_assignment where tag = '好'"));
    }

    @Test
    void runningTheSameFileAgainChangesNothing() throws Exception {
        CsvFile file = file("客户.csv", SAMPLE);
        importer.start(file, standard(file), "operator1");
        long links = fakes.queryLong("select count(*) from fakes_link");
        long assignments = fakes.queryLong("select count(*) from fakes_assignment");
        ImportRecord again = importer.record(importer.start(file, standard(file), "operator1").importId())
                .orElseThrow();
        assertEquals(5, again.rowsImported());
        assertEquals(0, again.customersCreated());
        assertEquals(0, again.tagsAdded());
        assertEquals(links, fakes.queryLong("select count(*) from fakes_link"));
        assertEquals(assignments, fakes.queryLong("select count(*) from fakes_assignment"));
        assertEquals(2, importer.recent(10).size());
    }

    @Test
    void cancelStopsAfterTheCurrentChunk() throws Exception {
        int chunk = ImportRun.CHUNK;
        int rows = 3 * chunk + chunk / 2;
        StringBuilder text = new StringBuilder("手机\n");
        for (int i = 0; i < rows; i++) {
            text.append(String.format("139%08d%n", i));
        }
        jobs.cancelAfterChunks(2);
        CsvFile file = file("c.csv", text.toString());
        ImportRecord r = importer.record(importer.start(file, standard(file), "op").importId()).orElseThrow();
        assertEquals(ImportState.CANCELLED, r.state());
        assertEquals(2 * chunk, r.rowsImported());
        assertEquals(2 * chunk, fakes.queryLong("select count(*) from fakes_link"));
        assertEquals(String.format("cancelled after %,d of %,d rows imported, 0 rejected", 2 * chunk, rows),
                r.message());
    }

    @Test
    void aRestartKeepsTheRecordAndMarksAnUnfinishedImportInterrupted() throws Exception {
        CsvFile file = file("客户.csv", SAMPLE);
        long done = importer.start(file, standard(file), "op").importId();
        jobs.holdBack(true); // the node stops before this job runs
        long lost = importer.start(file, standard(file), "op").importId();
        assertEquals(ImportState.QUEUED, importer.record(lost).orElseThrow().state());

        ImportRun.ACTIVE.clear(); // a new JVM: nothing runs here
        Importer restarted = new Importer(unit, identity, TestChannels.registry(), tags, new FakeJobs(),
                Clock.systemUTC());
        ImportRecord kept = restarted.record(done).orElseThrow();
        assertEquals(ImportState.SUCCEEDED, kept.state());
        assertEquals(5, kept.rowsImported());
        assertEquals(2, restarted.errors(done, 0, 100).size());
        ImportRecord interrupted = restarted.record(lost).orElseThrow();
        assertEquals(ImportState.INTERRUPTED, interrupted.state());
        assertTrue(interrupted.message().startsWith("the node stopped during the import after 0 of 0 rows"));
    }

    @Test
    void aReactivationDoesNotInterruptAnImportRunningHere() throws Exception {
        jobs.holdBack(true);
        CsvFile file = file("客户.csv", SAMPLE);
        long id = importer.start(file, standard(file), "op").importId();
        new Importer(unit, identity, TestChannels.registry(), tags, jobs, Clock.systemUTC());
        assertEquals(ImportState.QUEUED, importer.record(id).orElseThrow().state());
    }

    @Test
    void withoutJobsOrTaggingARealRunIsRefusedClearly() throws Exception {
        CsvFile file = file("客户.csv", SAMPLE);
        Importer noJobs = new Importer(unit, identity, TestChannels.registry(), tags, null, Clock.systemUTC());
        assertTrue(assertThrows(IllegalStateException.class, () -> noJobs.start(file, standard(file), "op"))
                .getMessage().startsWith("imports run as jobs and the platform's job service is not available"));
        assertEquals(7, noJobs.dryRun(file, standard(file)).rows(), "a dry run still works");
        Importer noTags = new Importer(unit, identity, TestChannels.registry(), null, jobs, Clock.systemUTC());
        assertTrue(assertThrows(IllegalStateException.class, () -> noTags.start(file, standard(file), "op"))
                .getMessage().startsWith("the file has a tags column but the tagging bundle is not running"));
        assertEquals(0, unit.queryLong("select count(*) from imports_import"));
    }

    @Test
    void errorsAreKeptUpToTheCapAndCountedBeyondIt() throws Exception {
        StringBuilder text = new StringBuilder("手机\n");
        for (int i = 0; i < ImportStore.MAX_ERRORS + 5; i++) {
            text.append("12345\n");
        }
        text.append("13800000000\n");
        CsvFile file = file("bad.csv", text.toString());
        ImportRecord r = importer.record(importer.start(file, standard(file), "op").importId()).orElseThrow();
        assertEquals(ImportStore.MAX_ERRORS + 5, r.rowsRejected());
        assertEquals(ImportStore.MAX_ERRORS, r.errorsStored());
        assertEquals(1, r.rowsImported());
        assertEquals(ImportStore.MAX_ERRORS, unit.queryLong("select count(*) from imports_error"));
    }

    @Test
    void mappingsAreSavedByNameAndAppliedToAnotherFile() throws Exception {
        CsvFile file = file("a.csv", SAMPLE);
        importer.saveMapping("淘宝导出", standard(file), "op");
        assertEquals(List.of("淘宝导出"), importer.mappingNames());
        CsvFile other = file("b.csv", "姓名,手机,标签,unionid,备注\n赵六,13800000009,VIP,,x\n");
        Mapping m = importer.savedMapping(other, "淘宝导出");
        assertEquals(Map.of("姓名", "name", "手机", "phone", "标签", "tags", "unionid", "wechat"), m.byColumn());
        CsvFile missing = file("c.csv", "电话,姓名\n13800000009,赵六\n");
        assertEquals("the saved mapping '淘宝导出' does not fit this file: column '手机' is not in the file; its "
                + "columns are 电话, 姓名", assertThrows(IllegalArgumentException.class,
                () -> importer.savedMapping(missing, "淘宝导出")).getMessage());
        assertFalse(importer.mappingNames().contains("x"));
    }

    @Test
    void aGb18030FileImportsItsChineseTagsIntact() throws Exception {
        byte[] bytes = "手机号,姓名,标签\n13800000001,张三,猫主人，VIP\n".getBytes(Charset.forName("GB18030"));
        CsvFile file = CsvFile.open(CsvSource.of("excel.csv", bytes), Encoding.AUTO, Delimiter.AUTO);
        Mapping guess = importer.guess(file);
        importer.start(file, guess, "op");
        assertEquals(1, fakes.queryLong("select count(*) from fakes_assignment where tag = '猫主人'"));
        assertEquals(1, fakes.queryLong("select count(*) from fakes_trait where trait_value = '张三'"));
    }
}
