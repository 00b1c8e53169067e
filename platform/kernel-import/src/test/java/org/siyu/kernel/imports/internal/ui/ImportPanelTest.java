package org.siyu.kernel.imports.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siyu.kernel.imports.internal.ImportTestKit;
import org.siyu.kernel.imports.internal.RowError;
import org.siyu.support.csv.CsvSource;
import org.siyu.kernel.imports.internal.mapping.Target;

/** The panel's server side: what a user's upload, choices and clicks lead to (the browser part is Vaadin's). */
class ImportPanelTest {

    private static ImportTestKit kit;

    @BeforeAll
    static void open() {
        kit = ImportTestKit.open();
    }

    @AfterAll
    static void close() {
        kit.close();
    }

    @BeforeEach
    void empty() throws Exception {
        kit.empty();
        notices.clear();
    }

    private final List<String> notices = new java.util.ArrayList<>();

    @Test
    void anUploadIsGuessedDryRunInChineseAndImported(@TempDir Path dir) throws Exception {
        Path upload = dir.resolve("upload.tmp");
        Files.write(upload, "手机号,姓名,客户标签,下单时间\n13800000001,张三,VIP|猫主人,2026-01-01\n12345,坏,VIP,x\n"
                .getBytes(Charset.forName("GB18030")));
        ImportPanel panel = new ImportPanel(kit.importer(true), Locale.SIMPLIFIED_CHINESE, "operator1",
                notices::add, () -> { });
        panel.load(CsvSource.temporary("客户.csv", upload));
        assertTrue(panel.fileText().startsWith("客户.csv · GB18030 · 分隔符 , · 4 列"), panel.fileText());
        assertEquals(List.of(Target.identity("phone"), Target.trait("name"), Target.TAGS, Target.IGNORE),
                panel.targets());

        panel.dryRun();
        assertEquals("共 2 行：1 行无误，1 行有错误；新客户 1 位，已有客户 0 位；重复行 0 行", panel.reportText());

        panel.setTarget(1, Target.IGNORE);
        assertEquals(Map.of("手机号", "phone", "客户标签", "tags"), panel.chosen());
        panel.startImport();
        assertTrue(notices.getLast().matches("导入 \\d+ 已开始（任务 \\d+）"), notices.toString());
        assertEquals(1L, kit.imports());
        assertEquals(1L, kit.links());
        assertFalse(Files.exists(upload), "the job deleted the temporary file when it ended");
    }

    @Test
    void theErrorsDownloadIsCsvThatExcelReads() {
        byte[] csv = ErrorCsv.write(List.of(new RowError(3, "手机", "1****5", "not a valid phone: \"x\", y")));
        String text = new String(csv, StandardCharsets.UTF_8);
        assertEquals("\uFEFFrow 行,column 列,value 值,problem 问题\r\n3,手机,1****5,\"not a valid phone: \"\"x\"\", y\"\r\n",
                text);
    }
}
