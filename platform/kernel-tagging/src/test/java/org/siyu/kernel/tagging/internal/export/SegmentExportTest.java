package org.siyu.kernel.tagging.internal.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siyu.api.identity.Customer;
import org.siyu.api.tags.SegmentSyntaxException;
import org.siyu.kernel.tagging.internal.FakeEventBus;
import org.siyu.kernel.tagging.internal.FakeIdentity;
import org.siyu.kernel.tagging.internal.MutableClock;
import org.siyu.kernel.tagging.internal.Stores;
import org.siyu.kernel.tagging.internal.Tagging;
import org.siyu.kernel.tagging.internal.TaggingEntities;
import org.siyu.support.jobs.Jobs;
import org.siyu.kernel.tagging.internal.scope.ScopeClosedException;
import org.siyu.kernel.tagging.internal.scope.Scopes;
import org.siyu.testkit.TestPersistenceUnit;

class SegmentExportTest {

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    @TempDir
    Path dir;

    private final TestPersistenceUnit unit = TestPersistenceUnit.of(new TaggingEntities());
    private final MutableClock clock = new MutableClock(T0);
    private final Tagging tagging = new Tagging(unit, new FakeEventBus(), clock);
    private final FakeIdentity identity = new FakeIdentity()
            .put(new Customer(1, List.of("wecom:wm-1"), Map.of("name", "张三"), T0, "wecom", null, "导购-李", 0))
            .put(new Customer(2, List.of("tmall:t-2"), Map.of("nickname", "=HYPERLINK(\"x\")"), T0, "tmall", null,
                    null, 0));

    @AfterEach
    void close() {
        tagging.deactivate();
        unit.close();
    }

    private SegmentExport export(Path folder) {
        return new SegmentExport(tagging, new Jobs(null), new Scopes(null, null), new ExportFiles(folder), clock,
                identity);
    }

    private static List<CSVRecord> parse(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0), "byte-order mark first");
        return CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
    }

    @Test
    void shouldWriteExcelFriendlyCsvWithChineseIntact() throws IOException {
        tagging.assign(1, "猫主人", "manual", "alice");
        tagging.assign(1, "VIP 会员", "manual", "alice");
        tagging.assign(2, "猫主人", "import", "pets.csv row 2");
        tagging.assign(3, "猫主人", "manual", "alice"); // unknown to OneID: id and tags only
        tagging.assign(4, "狗主人", "manual", "alice");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        org.siyu.testkit.RecordingProgress progress = new org.siyu.testkit.RecordingProgress();
        long rows = export(dir).write("tag:猫主人", null, out, progress);

        assertEquals(3, rows);
        byte[] bytes = out.toByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        List<CSVRecord> records = parse(bytes);
        assertEquals(List.of("customer_id", "name", "first_channel", "owner", "tags"),
                records.getFirst().getParser().getHeaderNames());
        assertEquals(List.of("1", "张三", "wecom", "导购-李", "VIP 会员; 猫主人"), records.get(0).toList());
        assertEquals(List.of("2", "'=HYPERLINK(\"x\")", "tmall", "", "猫主人"), records.get(1).toList(),
                "a nickname that Excel would run as a formula is quoted");
        assertEquals(List.of("3", "", "", "", "猫主人"), records.get(2).toList());
        assertEquals(3, progress.total());
        assertEquals(3, progress.done());
    }

    @Test
    void shouldExportAsAJobIntoTheExportsFolder() throws Exception {
        for (int c = 1; c <= 1_203; c++) { // three pages
            tagging.assign(c, "老客", "import", "row " + c);
        }
        Path exports = dir.resolve("data").resolve("exports");
        SegmentExport.Started started = export(exports).start("tag:老客", "42", "export", "alice");
        String summary = started.job().done().get(30, TimeUnit.SECONDS);

        assertEquals("1203 customers → " + started.file().getFileName(), summary);
        assertTrue(started.file().getFileName().toString().matches("segment-42-\\d{8}-\\d{6}\\.csv"),
                started.file().toString());
        assertEquals(exports, started.file().getParent());
        List<CSVRecord> records = parse(Files.readAllBytes(started.file()));
        assertEquals(1_203, records.size());
        assertEquals("1203", records.getLast().get("customer_id"));
        assertEquals(3, identity.calls, "read in pages");
        assertEquals(SegmentExport.PAGE, identity.largestPage);
        try (var files = Files.list(exports)) {
            assertEquals(1, files.count(), "no partial file left");
        }
        assertTrue(export(exports).files().find(started.file().getFileName().toString()).isPresent());
        assertTrue(export(exports).files().find("../secrets/initial-admin-password").isEmpty());
    }

    @Test
    void shouldRefuseABadExpressionBeforeStartingAJob() {
        SegmentSyntaxException e = assertThrows(SegmentSyntaxException.class,
                () -> export(dir).start("tag:", "expr", "export", "alice"));
        assertNotNull(e.getMessage());
    }

    @Test
    void shouldExportTheSegmentWithinTheActorsDataScopeAndSaySoInTheFileAndTheSummary() throws Exception {
        Stores.tag(tagging);
        SegmentExport export = new SegmentExport(tagging, new Jobs(null), Stores.scopes(), new ExportFiles(dir), clock,
                Stores.identity());

        SegmentExport.Started started = export.start("tag:VIP", "42", "export", Stores.SH_MANAGER);
        assertEquals(2, started.count());
        assertEquals("sh-jingan", started.scope().unit());
        String summary = started.job().done().get(30, TimeUnit.SECONDS);
        assertEquals("2 customers in the data scope of sh-jingan → " + started.file().getFileName(), summary);
        assertTrue(started.file().getFileName().toString().matches("segment-42-scope-sh-jingan-\\d{8}-\\d{6}\\.csv"),
                started.file().toString());
        List<CSVRecord> records = parse(Files.readAllBytes(started.file()));
        assertEquals(List.of("1", "5"), records.stream().map(r -> r.get("customer_id")).toList(),
                "the store's VIPs; not 3 (another store), 4 (nobody's)");
        assertEquals(List.of("g-1", "g-1"), records.stream().map(r -> r.get("owner")).toList());

        SegmentExport.Started all = export.start("tag:VIP", "42", "export", "admin");
        all.job().done().get(30, TimeUnit.SECONDS);
        assertEquals(4, all.count());
        assertTrue(all.file().getFileName().toString().matches("segment-42-\\d{8}-\\d{6}\\.csv"));
        assertEquals(List.of("1", "3", "4", "5"), parse(Files.readAllBytes(all.file())).stream()
                .map(r -> r.get("customer_id")).toList());
    }

    @Test
    void shouldRefuseAScopedExportWhileOneIdIsNotRunningAndWriteNothing() throws Exception {
        Stores.tag(tagging);
        SegmentExport export = new SegmentExport(tagging, new Jobs(null), new Scopes(Stores.org(), null),
                new ExportFiles(dir), clock, null);
        ScopeClosedException e = assertThrows(ScopeClosedException.class,
                () -> export.start("tag:VIP", "expr", "export", Stores.SH_MANAGER));
        assertTrue(e.getMessage().contains("sh-jingan") && e.getMessage().contains("OneID"), e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing written for a refused export");
        }
        assertEquals("4 customers", export.start("tag:VIP", "expr", "export", "admin").job().done()
                .get(30, TimeUnit.SECONDS).split(" →")[0], "an unscoped account exports, and needs no OneID");
    }

    @Test
    void shouldWriteOnlyTheCustomersWithinTheGivenBitmap() throws IOException {
        Stores.tag(tagging);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        org.siyu.testkit.RecordingProgress progress = new org.siyu.testkit.RecordingProgress();
        long rows = export(dir).write("NOT tag:猫主人", org.roaringbitmap.RoaringBitmap.bitmapOf(1, 2, 4, 99), out,
                progress);
        assertEquals(2, rows);
        assertEquals(List.of("1", "4"), parse(out.toByteArray()).stream().map(r -> r.get("customer_id")).toList(),
                "2 has the tag; 99 is no customer of tagging's");
        assertEquals(2, progress.total());
    }
}
