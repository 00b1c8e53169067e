package org.siyu.commerce.codes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;

/**
 * Batches, codes and binding on the real migrations (H2, or PostgreSQL with -Dsiyu.test.postgres); OneID and the
 * event bus faked over SQL tables in the caller's transaction, the catalogue in memory.
 */
class CodeServiceTest {

    private static CodesKit kit;
    private CodeService codes;

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
        codes = kit.service(true, true);
    }

    private Batch made(long productId, String sku, int quantity) {
        CodeService.Started s = codes.createBatch(productId, sku, quantity, null, "op");
        return codes.batch(s.batchId()).orElseThrow();
    }

    @Test
    void aBatchMakesUniqueUnguessableCodesInChunksWithProgress() throws Exception {
        Batch b = made(1, "CAT-FD-1500", 12_000);
        assertEquals(BatchState.READY, b.state(), b.message());
        assertEquals(12_000, b.generated());
        assertEquals(12_000, kit.count("select count(distinct code) from cmc_code where batch_id = " + b.id()));
        assertEquals(12_000, kit.count("select max(serial) from cmc_code where batch_id = " + b.id()));
        assertEquals(List.of(0L, 5_000L, 10_000L, 12_000L), kit.jobs.doneReports());
        for (CodeInfo c : codes.codes(b.id(), 1, 200)) {
            assertEquals(c.code(), CodeFormat.normalize(c.code()), "12 characters of Crockford base32: " + c.code());
            assertEquals(1, c.productId());
            assertEquals("CAT-FD-1500", c.skuCode());
            assertFalse(c.bound());
        }
        assertEquals("冻干鸡肉猫粮 1.5kg", b.productName());
    }

    @Test
    void aCollidingChunkIsMadeAgainAndTheDatabaseNeverHoldsACodeTwice() throws Exception {
        Batch first = codes.batch(kit.service(true, true, new Random(42)).createBatch(1, null, 30, null, "op")
                .batchId()).orElseThrow();
        // the same seed replays the first batch's codes: its first chunk collides and is made again
        Batch second = codes.batch(kit.service(true, true, new Random(42)).createBatch(2, null, 30, null, "op")
                .batchId()).orElseThrow();
        assertEquals(BatchState.READY, second.state(), second.message());
        assertEquals(60, kit.count("select count(distinct code) from cmc_code"));
        assertEquals(30, kit.count("select count(*) from cmc_code where batch_id = " + second.id()));
        String taken = codes.codes(first.id(), 1, 1).get(0).code();
        assertThrows(Exception.class, () -> kit.unit.execute("insert into cmc_code (code, batch_id, serial) values ('"
                + taken + "', " + second.id() + ", 99)"), "the primary key refuses a second copy");
    }

    @Test
    void aCodeBindsOnceAndPublishesProductRegistered() throws Exception {
        Batch b = made(1, "CAT-FD-1500", 3);
        String code = codes.codes(b.id(), 1, 1).get(0).code();
        String typed = CodeFormat.display(code).toLowerCase();
        CodeInfo bound = codes.bind(typed, List.of("wechat:union-1", "phone:+8613800000001"), "tmall", "scan-page");
        assertEquals(code, bound.code());
        assertEquals(kit.identity.find("wechat:union-1").getAsInt(), bound.customerId());
        assertEquals("tmall", bound.channel());
        assertNotNull(bound.boundAt());
        List<Event> events = kit.events.read(0, 10);
        assertEquals(1, events.size());
        Event e = events.get(0);
        assertEquals("product.registered", e.type());
        assertEquals("commerce:code:" + code + ":registered", e.id());
        assertEquals(bound.customerId(), e.subject());
        assertEquals("{\"code\":\"" + code + "\",\"productId\":1,\"skuCode\":\"CAT-FD-1500\",\"batchId\":" + b.id()
                + ",\"channel\":\"tmall\"}", e.data());
        assertEquals(1, codes.batch(b.id()).orElseThrow().bound());

        long links = kit.fakes("select count(*) from fakes_link");
        CodeExceptions.AlreadyBound again = assertThrows(CodeExceptions.AlreadyBound.class,
                () -> codes.bind(code, List.of("wechat:someone-else"), "jd", "scan-page"));
        assertTrue(again.getMessage().contains("was bound on " + bound.boundAt()), again.getMessage());
        assertEquals(links, kit.fakes("select count(*) from fakes_link"), "a refused bind creates no customer");
        assertEquals(1, kit.events.read(0, 10).size());
        CodeInfo stored = codes.code(code);
        assertEquals(bound.customerId(), stored.customerId());
        assertEquals("tmall", stored.channel());
    }

    @Test
    void twoSimultaneousBindsGiveOneSuccessAndOneRefusal() throws Exception {
        Batch b = made(2, null, 5);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (CodeInfo c : codes.codes(b.id(), 1, 5)) {
                CountDownLatch go = new CountDownLatch(1);
                List<Callable<String>> binds = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    String buyer = "wechat:" + c.code() + "-" + i;
                    binds.add(() -> {
                        go.await();
                        try {
                            codes.bind(c.code(), List.of(buyer), null, "scan");
                            return "bound";
                        } catch (CodeExceptions.AlreadyBound e) {
                            return "refused";
                        }
                    });
                }
                List<Future<String>> results = new ArrayList<>();
                for (Callable<String> bind : binds) {
                    results.add(pool.submit(bind));
                }
                go.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> r : results) {
                    outcomes.add(r.get(60, TimeUnit.SECONDS));
                }
                outcomes.sort(null);
                assertEquals(List.of("bound", "refused"), outcomes, "code " + c.code());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5, kit.events.read(0, 100).size(), "one product.registered per code");
        assertEquals(5, kit.count("select count(*) from cmc_code where customer_id is not null"));
        assertEquals(5, kit.fakes("select count(*) from fakes_link"), "the losers' customers were rolled back");
    }

    @Test
    void unknownCodesAndBadInputAreRefusedNamingTheField() {
        Batch b = made(1, null, 1);
        String code = codes.codes(b.id(), 1, 1).get(0).code();
        assertThrows(CodeExceptions.UnknownCode.class, () -> codes.code("0000-0000-0000"));
        assertThrows(CodeExceptions.UnknownCode.class, () -> codes.code("not a code"));
        assertThrows(CodeExceptions.UnknownCode.class, () -> codes.bind("ZZZZZZZZZZZZ", List.of("wechat:x"), null,
                "op"));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> codes.bind(code, List.of(), null, "op"));
        assertTrue(none.getMessage().startsWith("identities:"), none.getMessage());
        IllegalArgumentException channel = assertThrows(IllegalArgumentException.class,
                () -> codes.bind(code, List.of("wechat:x"), "Tmall Store!", "op"));
        assertTrue(channel.getMessage().startsWith("channel:"), channel.getMessage());
        assertFalse(codes.code(code).bound());
    }

    @Test
    void aBatchNeedsAProductOfCommerceAndTheJobService() throws Exception {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> codes.createBatch(9, null, 10, null, "op"))
                .getMessage().startsWith("productId:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> codes.createBatch(2, "CAT-FD-1500", 10, null,
                "op")).getMessage().contains("skuCode: the SKU CAT-FD-1500 is not of product 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> codes.createBatch(1, "NOPE", 10, null, "op"))
                .getMessage().startsWith("skuCode:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> codes.createBatch(1, null, 0, null, "op"))
                .getMessage().startsWith("quantity:"));
        assertThrows(CodeExceptions.CommerceUnavailable.class,
                () -> kit.service(false, true).createBatch(1, null, 10, null, "op"));
        assertThrows(IllegalStateException.class, () -> kit.service(true, false).createBatch(1, null, 10, null, "op"));
        assertEquals(0, kit.count("select count(*) from cmc_batch"));
        // binding needs no commerce: the batch keeps its product
        Batch b = made(1, null, 1);
        String code = codes.codes(b.id(), 1, 1).get(0).code();
        assertEquals(1, kit.service(false, false).bind(code, List.of("wechat:u"), null, "op").productId());
    }

    @Test
    void aBatchCutShortByCancelOrRestartIsResumedWhereItStopped() throws Exception {
        kit.jobs.cancelAfterChunks(2); // done(0), done(5000): cancelled after the first chunk
        Batch cancelled = made(1, null, 12_000);
        assertEquals(BatchState.CANCELLED, cancelled.state());
        assertEquals(5_000, cancelled.generated());
        kit.jobs.cancelAfterChunks(-1);
        codes.resume(cancelled.id(), "op");
        Batch resumed = codes.batch(cancelled.id()).orElseThrow();
        assertEquals(BatchState.READY, resumed.state());
        assertEquals(12_000, kit.count("select count(distinct code) from cmc_code where batch_id = " + resumed.id()));
        assertEquals(12_000, kit.count("select count(distinct serial) from cmc_code where batch_id = "
                + resumed.id()));

        kit.jobs.holdBack(true);
        long held = codes.createBatch(2, null, 10, null, "op").batchId();
        kit.service(true, true); // re-activated in this JVM: the queued job is ours, left alone
        assertEquals(BatchState.GENERATING, codes.batch(held).orElseThrow().state());
        BatchRun.ACTIVE.clear(); // the node stops
        CodeService restarted = kit.service(true, true);
        assertEquals(BatchState.INTERRUPTED, restarted.batch(held).orElseThrow().state());
        kit.jobs.holdBack(false);
        restarted.resume(held, "op");
        assertEquals(BatchState.READY, restarted.batch(held).orElseThrow().state());
        assertEquals(10, restarted.batch(held).orElseThrow().generated());
        assertThrows(IllegalArgumentException.class, () -> restarted.resume(held, "op"), "a ready batch");
    }

    @Test
    void theExportsCarryEveryCodeAndTheQrScansBackToItsUrl() throws Exception {
        Batch b = made(1, "CAT-FD-1500", 1_500);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        Exports.csv(codes, b, csv);
        String[] lines = csv.toString(StandardCharsets.UTF_8).split("\r\n");
        assertEquals(1_501, lines.length);
        assertEquals("\uFEFFserial,code,printed,url,product_id,sku_code", lines[0]);
        String code = codes.codes(b.id(), 1_500, 1).get(0).code();
        assertEquals("1500," + code + "," + CodeFormat.display(code) + ",https://pets.example/s?c=" + code
                + ",1,CAT-FD-1500", lines[1_500]);

        ByteArrayOutputStream sheet = new ByteArrayOutputStream();
        Exports.sheet(codes, b, 1_001, 100, sheet);
        String html = sheet.toString(StandardCharsets.UTF_8);
        assertEquals(100, html.split("<svg ", -1).length - 1);
        assertTrue(html.contains(CodeFormat.display(codes.codes(b.id(), 1_001, 1).get(0).code())));
        assertFalse(html.contains(CodeFormat.display(codes.codes(b.id(), 1_101, 1).get(0).code())));
        assertThrows(IllegalArgumentException.class, () -> Exports.sheet(codes, b, 1, 5_000,
                new ByteArrayOutputStream()));

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Exports.png(codes, codes.code(code))));
        int[] pixels = png.getRGB(0, 0, png.getWidth(), png.getHeight(), null, 0, png.getWidth());
        String scanned = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(png.getWidth(), png.getHeight(), pixels)))).getText();
        assertEquals("https://pets.example/s?c=" + code, scanned);
        assertNull(codes.code(code).customerId());
    }
}
