package org.siyu.commerce.codes.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.commerce.codes.internal.CodeService;
import org.siyu.commerce.codes.internal.CodesKit;
import org.siyu.commerce.codes.internal.Exports;

/** The panel's server side: a lookup in both languages (the browser part is Vaadin's). */
class CodesPanelTest {

    private static CodesKit kit;

    @BeforeAll
    static void open() {
        kit = CodesKit.open();
    }

    @AfterAll
    static void close() {
        kit.close();
    }

    @BeforeEach
    void empty() throws Exception {
        kit.empty();
    }

    @Test
    void aCodeIsLookedUpBeforeAndAfterItIsBound() {
        CodeService codes = kit.service(true, true);
        long batch = codes.createBatch(1, null, 2, null, "op").batchId();
        String code = codes.codes(batch, 1, 1).get(0).code();
        CodesPanel zh = new CodesPanel(codes, Locale.SIMPLIFIED_CHINESE, "op", true, m -> { });
        zh.lookUp(Exports.display(code).toLowerCase());
        assertEquals(Exports.display(code) + "：批次 " + batch + " 第 1 个，尚未绑定", zh.foundText());
        codes.bind(code, List.of("wechat:u1"), "jd", "op");
        CodesPanel en = new CodesPanel(codes, Locale.ENGLISH, "op", true, m -> { });
        en.lookUp(code);
        assertTrue(en.foundText().contains("bound to customer") && en.foundText().endsWith("(jd)"), en.foundText());
        en.lookUp("nonsense");
        assertEquals("No such code", en.foundText());
    }
}
