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
import org.siyu.kernel.tagging.internal.Tagging;
import org.siyu.kernel.tagging.internal.TaggingEntities;
import org.siyu.kernel.tagging.internal.jobs.Jobs;
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
        return new SegmentExport(tagging, new Jobs(null), new ExportFiles(folder), clock, identity);
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
        long rows = export(dir).write("tag:猫主人", out, progress);

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
    void shouldRefuseAnExportToAnAccountWithADataScope() throws Exception {
        tagging.assign(1, "VIP", "manual", "alice");
        SegmentExport export = export(dir);
        export.org(new ScopedOrg("sh-manager", "sh-jingan"));
        SegmentExport.ScopedExportException e = assertThrows(SegmentExport.ScopedExportException.class,
                () -> export.start("tag:VIP", "expr", "export", "sh-manager"));
        assertTrue(e.getMessage().contains("sh-jingan"), e.getMessage());
        try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(0, files.count(), "nothing written for a refused export");
        }
        assertNotNull(export.start("tag:VIP", "expr", "export", "admin").job(), "an unscoped account exports");
    }

    /** One account linked to a store; everyone else unrestricted. */
    private record ScopedOrg(String account, String unit) implements org.siyu.api.org.OrgService {
        public List<org.siyu.api.org.OrgUnit> units() {
            return List.of();
        }

        public java.util.Optional<org.siyu.api.org.OrgUnit> unit(String id) {
            return java.util.Optional.empty();
        }

        public org.siyu.api.org.OrgUnit saveUnit(org.siyu.api.org.OrgUnit u, String actor) {
            throw new UnsupportedOperationException();
        }

        public List<org.siyu.api.org.Staff> staff(String unitId, boolean includeBelow) {
            return List.of();
        }

        public java.util.Optional<org.siyu.api.org.Staff> staffMember(String id) {
            return java.util.Optional.empty();
        }

        public org.siyu.api.org.Staff saveStaff(org.siyu.api.org.Staff s, String actor) {
            throw new UnsupportedOperationException();
        }

        public void linkAccount(String a, String unitId, String actor) {
            throw new UnsupportedOperationException();
        }

        public java.util.Optional<String> accountUnit(String a) {
            return a.equals(account) ? java.util.Optional.of(unit) : java.util.Optional.empty();
        }

        public org.siyu.api.org.DataScope scope(String a) {
            return a.equals(account) ? new org.siyu.api.org.DataScope(false, java.util.Set.of(unit), java.util.Set.of("g-1"))
                    : org.siyu.api.org.DataScope.ALL;
        }
    }
}
