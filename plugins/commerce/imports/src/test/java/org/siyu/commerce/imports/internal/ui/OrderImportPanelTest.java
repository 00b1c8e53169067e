package org.siyu.commerce.imports.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.commerce.imports.internal.ImportKit;
import org.siyu.support.csv.CsvSource;
import org.siyu.commerce.imports.internal.source.Source;

/** The panel's server side: what an upload and the clicks lead to (the browser part is Vaadin's). */
class OrderImportPanelTest {

    private static ImportKit kit;
    private final List<String> notices = new ArrayList<>();

    @BeforeAll
    static void open() {
        kit = ImportKit.open();
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

    @Test
    void anUploadIsRecognisedDryRunInChineseAndImported() throws Exception {
        OrderImportPanel panel = new OrderImportPanel(kit.importer(true, true), Locale.SIMPLIFIED_CHINESE, "op",
                notices::add, () -> { });
        assertFalse(panel.unavailableShown());
        panel.load(CsvSource.of("tmall.csv", ImportKit.tmallReport().getBytes(StandardCharsets.UTF_8)));
        assertEquals(Source.TMALL, panel.chosenSource());
        panel.dryRun();
        assertTrue(panel.reportText().startsWith("共 5 行、4 个订单：4 个无误（新订单 4，已存在 0，多商品订单 1）"),
                panel.reportText());
        assertTrue(panel.reportText().contains("1 个打码手机号未使用"), panel.reportText());
        panel.startImport();
        assertTrue(notices.get(0).startsWith("导入 "), notices.toString());
        assertEquals(4L, kit.orders());
    }

    @Test
    void withoutCommerceThePanelSaysSo() {
        OrderImportPanel panel = new OrderImportPanel(kit.importer(false, true), Locale.ENGLISH, "op", notices::add,
                () -> { });
        assertTrue(panel.unavailableShown());
    }
}
