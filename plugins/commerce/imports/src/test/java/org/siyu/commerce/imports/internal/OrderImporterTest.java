package org.siyu.commerce.imports.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.commerce.Order;
import org.siyu.api.commerce.OrderStatus;
import org.siyu.api.jobs.JobInfo;
import org.siyu.support.csv.CsvFile;
import org.siyu.support.csv.CsvSource;
import org.siyu.support.csv.Delimiter;
import org.siyu.support.csv.Encoding;
import org.siyu.commerce.imports.internal.source.ColumnMapping;
import org.siyu.commerce.imports.internal.source.Field;
import org.siyu.commerce.imports.internal.source.Source;

/**
 * The order import on the real migrations (H2, or PostgreSQL with -Dsiyu.test.postgres); OneID and commerce faked over
 * SQL tables in the caller's transaction, as their contracts describe.
 */
class OrderImporterTest {

    private static ImportKit kit;
    private OrderImporter importer;

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
        importer = kit.importer(true, true);
    }

    static final String TMALL_HEADER = "订单编号,买家会员名,买家实际支付金额,订单状态,收货人姓名,联系手机,订单创建时间,"
            + "订单付款时间,宝贝标题,宝贝总数量,商家编码,退款金额\n";

    /** Row 2: a paid order; rows 3–4: one order of two items; row 5: masked phone; row 6: closed after refund. */
    static final String TMALL = TMALL_HEADER
            + "=\"T1001\",猫奴小王,128.00,交易成功,王小明,13800000001,2024-11-11 00:01:02,2024-11-11 00:01:30,"
            + "冻干鸡肉猫粮 1.5kg,2,CAT-FD-1500,0.00\n"
            + "T1002,汪星人,259.00,等待卖家发货,李四,13800000002,2024-11-11 09:00:00,2024-11-11 09:00:10,"
            + "冻干鸡肉猫粮 1.5kg,1,CAT-FD-1500,\n"
            + "T1002,汪星人,259.00,等待卖家发货,李四,13800000002,2024-11-11 09:00:00,2024-11-11 09:00:10,"
            + "磨牙棒 6支装,2,DOG-CHEW-6,\n"
            + "T1003,布偶妈,59.90,交易成功,赵六,138****0003,2024-11-12 10:00:00,2024-11-12 10:00:05,猫砂 6L,1,,\n"
            + "T1004,退货王,99.00,交易关闭,钱七,13800000004,2024-11-13 10:00:00,2024-11-13 10:00:05,猫抓板,1,,99.00\n";

    private ColumnMapping tmall(CsvFile file) {
        ColumnMapping m = importer.guess(Source.TMALL, file);
        m.check(importer.config(Source.TMALL));
        return m;
    }

    private static ImportRecord only(OrderImporter importer) {
        List<ImportRecord> all = importer.recent(10);
        assertEquals(1, all.size());
        return all.get(0);
    }

    @Test
    void aTmallReportBecomesOrdersOfResolvedBuyers() throws Exception {
        kit.addSku("CAT-FD-1500");
        CsvFile file = ImportKit.file("tmall.csv", TMALL);
        assertEquals(Source.TMALL, importer.guessSource(file).orElseThrow());
        OrderImporter.Started started = importer.start(file, tmall(file), "op");
        ImportRecord r = importer.record(started.importId()).orElseThrow();
        assertEquals(ImportState.SUCCEEDED, r.state(), r.message());
        assertEquals(5, r.rowsTotal());
        assertEquals(4, r.ordersTotal());
        assertEquals(4, r.ordersCreated());
        assertEquals(0, r.ordersRejected());
        assertEquals(4, r.customersCreated());

        Order paid = kit.commerce.stored("tmall", "T1001").orElseThrow();
        assertEquals(OrderStatus.COMPLETED, paid.status());
        assertEquals(12_800, paid.payableFen());
        assertEquals(Instant.parse("2024-11-10T16:01:02Z"), paid.createdAt());
        assertEquals("CAT-FD-1500", paid.lines().get(0).skuCode());
        assertEquals(2, paid.lines().get(0).quantity());
        OptionalInt byNick = kit.identity.find("tmall:猫奴小王");
        assertEquals(byNick, kit.identity.find("phone:+8613800000001"), "nick and phone are one customer");
        assertEquals(byNick.getAsInt(), paid.customerId());

        Order twoLines = kit.commerce.stored("tmall", "T1002").orElseThrow();
        assertEquals(2, twoLines.lines().size(), "two rows with one order number are one order");
        assertEquals(25_900, twoLines.payableFen(), "an order-level amount repeated on each row is read once");
        assertEquals("CAT-FD-1500", twoLines.lines().get(0).skuCode());
        assertEquals(null, twoLines.lines().get(1).skuCode(), "a SKU the catalogue lacks is recorded without one");
        assertEquals("磨牙棒 6支装", twoLines.lines().get(1).title());
        assertEquals(OrderStatus.PAID, twoLines.status());

        Order closed = kit.commerce.stored("tmall", "T1004").orElseThrow();
        assertEquals(OrderStatus.REFUNDED, closed.status(), "交易关闭 after payment is a refund");
        assertEquals(9_900, closed.refundedFen());

        assertEquals(0, kit.fakes("select count(*) from fakes_link where identity like 'phone:%0003'"),
                "a masked phone is no identity");
        assertTrue(kit.identity.find("tmall:布偶妈").isPresent());
        assertEquals(4, kit.count("select count(*) from cmi_recorded"));
    }

    @Test
    void aTmallBuyerAndAWechatFollowerWithTheSamePhoneAreOneCustomer() throws Exception {
        int follower = kit.identity.resolve(List.of("wechat:unionid-1", "phone:+8613800000001"), Map.of())
                .customerId();
        CsvFile file = ImportKit.file("tmall.csv", TMALL);
        importer.start(file, tmall(file), "op");
        assertEquals(follower, kit.commerce.stored("tmall", "T1001").orElseThrow().customerId());
        assertEquals(OptionalInt.of(follower), kit.identity.find("tmall:猫奴小王"));
        assertEquals(3, only(importer).customersCreated(), "the follower was known already");
    }

    @Test
    void reImportingTheSameFileChangesNothing() throws Exception {
        CsvFile first = ImportKit.file("tmall.csv", TMALL);
        importer.start(first, tmall(first), "op");
        long orders = kit.fakes("select count(*) from fakes_order");
        long links = kit.fakes("select count(*) from fakes_link");
        int calls = kit.commerce.recordCalls.get();

        CsvFile again = ImportKit.file("tmall.csv", TMALL);
        DryRunReport dry = importer.dryRun(again, tmall(again));
        assertEquals(0, dry.newOrders());
        assertEquals(4, dry.recorded());
        OrderImporter.Started second = importer.start(again, tmall(again), "op");
        ImportRecord r = importer.record(second.importId()).orElseThrow();
        assertEquals(0, r.ordersCreated());
        assertEquals(4, r.ordersExisting());
        assertEquals(0, r.customersCreated());
        assertEquals(orders, kit.fakes("select count(*) from fakes_order"));
        assertEquals(links, kit.fakes("select count(*) from fakes_link"));
        assertEquals(calls, kit.commerce.recordCalls.get(), "recorded orders are not sent to commerce again");
        assertTrue(r.message().contains("0 orders recorded, 4 already recorded"), r.message());
    }

    @Test
    void anOrderRecordedByOtherMeansCountsAsAlreadyRecorded() throws Exception {
        CsvFile file = ImportKit.file("tmall.csv", TMALL);
        importer.start(file, tmall(file), "op");
        kit.empty(); // this bundle forgets; commerce (the fakes) is emptied too, so record again by hand:
        importer = kit.importer(true, true);
        int c = kit.identity.resolve(List.of("tmall:猫奴小王"), Map.of()).customerId();
        kit.commerce.record(new org.siyu.api.commerce.ExternalOrder("tmall", "T1001", c, OrderStatus.COMPLETED,
                List.of(new org.siyu.api.commerce.OrderLine(null, "x", 1, 100, 100)), 100, 0,
                Instant.parse("2024-11-10T16:01:02Z"), null, null, null, null, null));
        CsvFile again = ImportKit.file("tmall.csv", TMALL);
        OrderImporter.Started s = importer.start(again, tmall(again), "op");
        ImportRecord r = importer.record(s.importId()).orElseThrow();
        assertEquals(3, r.ordersCreated());
        assertEquals(1, r.ordersExisting(), "commerce's record said it had it");
    }

    @Test
    void theDryRunNamesRowAndColumnOfEachProblemAndWritesNothing() throws Exception {
        String text = TMALL_HEADER
                + "T2001,好买家,100.00,交易成功,甲,13800000011,2024-11-11 10:00:00,,猫粮,1,,\n"
                + "T2002,,50.00,交易成功,乙,139****1234,2024-11-11 10:00:00,,猫粮,1,,\n"
                + "T2003,丙买家,abc,交易成功,丙,13800000013,2024-11-11 10:00:00,,猫粮,1,,\n"
                + "T2004,丁买家,10.00,火星状态,丁,13800000014,2024-11-11,,猫粮,1,,\n"
                + "T2005,戊买家,10.00,交易成功,戊,12345,2024-11-11,,猫粮,0,,\n"
                + ",无单号,10.00,交易成功,己,,2024-11-11,,猫粮,1,,\n"
                + "T2006,庚买家,10.00,交易成功,庚,,2024-11-11,,猫粮,1,,\n"
                + "T2006,庚买家,10.00,交易成功,庚,,昨天,,猫砂,1,,\n"
                + "T2007,辛买家,10.00,交易成功,辛,,2024-11-11,,猫粮,1,,20.00\n";
        CsvFile file = ImportKit.file("bad.csv", text);
        DryRunReport r = importer.dryRun(file, tmall(file));
        assertEquals(9, r.rows());
        assertEquals(7, r.orders());
        assertEquals(1, r.ok());
        assertEquals(6, r.rejected());
        assertEquals(8, r.rejectedRows());
        assertEquals(1, r.newOrders());
        assertEquals(1, r.newCustomers());
        Map<Integer, String> byRow = new java.util.TreeMap<>();
        r.errors().forEach(e -> byRow.merge(e.row(), e.column() + ": " + e.detail(), (a, b) -> a + " | " + b));
        assertTrue(byRow.get(3).startsWith("买家会员名: no buyer identity"), byRow.get(3));
        assertTrue(byRow.get(3).contains("masked"), byRow.get(3));
        assertTrue(byRow.get(4).startsWith("买家实际支付金额: 'abc' is not an amount"), byRow.get(4));
        assertTrue(byRow.get(5).contains("订单状态: unknown tmall order status '火星状态'"), byRow.get(5));
        assertTrue(byRow.get(6).contains("联系手机: '1****5' is not a phone number"), byRow.get(6));
        assertTrue(byRow.get(6).contains("宝贝总数量: '0' is not a quantity"), byRow.get(6));
        assertTrue(byRow.get(7).startsWith("订单编号: no order number"), byRow.get(7));
        assertTrue(byRow.get(9).contains("订单创建时间: '昨天' is not a time"), byRow.get(9));
        assertTrue(byRow.get(8).contains("rejected together"), "the order's other row: " + byRow.get(8));
        assertTrue(byRow.get(10).contains("退款金额: the refund (20.00) is more than the amount paid (10.00)"),
                byRow.get(10));
        assertEquals(0, kit.fakes("select count(*) from fakes_link"));
        assertEquals(0, kit.fakes("select count(*) from fakes_order"));
        assertEquals(0, kit.count("select count(*) from cmi_import"));
    }

    @Test
    void douyinSubOrdersAreOneOrderWithTheirAmountsSummed() throws Exception {
        String text = "主订单编号,子订单编号,商品名称,商品数量,商家编码,商品单价,订单应付金额,收件人,收件人手机号,订单提交时间,"
                + "支付完成时间,订单状态,退款金额\n"
                + "'5001,'5001-1,猫粮 2kg,1,CAT-2,89.00,89.00,周,13900000001,2024/12/01 20:00,2024/12/01 20:01,已完成,\n"
                + "'5002,'5002-1,逗猫棒,1,,15.00,15.00,吴,13900000002,2024/12/02 20:00,2024/12/02 20:01,已完成,\n"
                + "'5001,'5001-2,猫罐头 12罐,2,CAT-CAN,30.00,60.00,周,13900000001,2024/12/01 20:00,2024/12/01 20:01,"
                + "退款成功,60.00\n";
        CsvFile file = ImportKit.file("douyin.csv", text);
        assertEquals(Source.DOUYIN, importer.guessSource(file).orElseThrow());
        ColumnMapping m = importer.guess(Source.DOUYIN, file);
        DryRunReport dry = importer.dryRun(file, m);
        assertEquals(2, dry.orders());
        assertEquals(1, dry.multiLine(), "rows of one order apart in the file are still one order");
        assertEquals(List.of("CAT-2", "CAT-CAN"), dry.unknownSkus());
        importer.start(file, m, "op");
        Order o = kit.commerce.stored("douyin", "5001").orElseThrow();
        assertEquals(2, o.lines().size());
        assertEquals(14_900, o.payableFen(), "per-sub-order amounts are summed");
        assertEquals(6_000, o.refundedFen());
        assertEquals(OrderStatus.COMPLETED, o.status(), "a partly refunded order keeps its status");
        assertEquals(3_000, o.lines().get(1).unitPriceFen());
        assertEquals(6_000, o.lines().get(1).amountFen());
        assertTrue(kit.identity.find("phone:+8613900000001").isPresent());
    }

    /** {@code n} one-row JD orders; the buyer of order {@code poisoned} makes OneID refuse its request. */
    private static String jdOrders(int n, int poisoned) {
        StringBuilder s = new StringBuilder("订单号,下单帐号,应付金额,订单状态,下单时间,付款确认时间,商品名称,订购数量,"
                + "客户姓名,联系电话\n");
        for (int i = 1; i <= n; i++) {
            s.append("J").append(i).append(',').append(i == poisoned ? "BOOM" : "pin" + i).append(",10.00,完成,"
                    + "2024-06-18 10:00:00,2024-06-18 10:00:01,狗粮,1,客户").append(i).append(',')
                    .append(String.format("139%08d", i)).append('\n');
        }
        return s.toString();
    }

    @Test
    void aChunkThatFailsIsWrittenAgainOrderByOrder() throws Exception {
        CsvFile file = ImportKit.file("jd.csv", jdOrders(450, 250));
        ColumnMapping m = importer.guess(Source.JD, file);
        OrderImporter.Started s = importer.start(file, m, "op");
        ImportRecord r = importer.record(s.importId()).orElseThrow();
        assertEquals(ImportState.SUCCEEDED, r.state(), r.message());
        assertEquals(449, r.ordersCreated());
        assertEquals(1, r.ordersRejected());
        assertEquals(450, r.ordersDone());
        assertEquals(449, kit.fakes("select count(*) from fakes_order"));
        assertEquals(0, kit.fakes("select count(*) from fakes_link where identity = 'phone:+8613900000250'"),
                "the refused order's other identity was rolled back with it");
        assertTrue(kit.identity.find("jd:pin251").isPresent(), "the rest of the failed chunk is written");
        List<RowError> errors = importer.errors(s.importId(), 0, 10);
        assertEquals(1, errors.size());
        assertEquals(251, errors.get(0).row());
        assertTrue(errors.get(0).detail().startsWith("order J250 not imported: "), errors.get(0).detail());
        assertEquals(List.of(200L, 400L, 450L), kit.jobs.doneReports());
    }

    @Test
    void anOrderCommerceRefusesIsRejectedNamingTheField() throws Exception {
        String text = jdOrders(3, 0).replace("J2,", "J2REFUSE,");
        CsvFile file = ImportKit.file("jd.csv", text);
        OrderImporter.Started s = importer.start(file, importer.guess(Source.JD, file), "op");
        ImportRecord r = importer.record(s.importId()).orElseThrow();
        assertEquals(2, r.ordersCreated());
        assertEquals(1, r.ordersRejected());
        RowError e = importer.errors(s.importId(), 0, 1).get(0);
        assertEquals(3, e.row());
        assertTrue(e.detail().contains("commerce refused it (externalId): order J2REFUSE is refused"), e.detail());
    }

    @Test
    void cancellingStopsAfterTheCurrentChunk() throws Exception {
        kit.jobs.cancelAfterChunks(1);
        CsvFile file = ImportKit.file("jd.csv", jdOrders(450, 0));
        OrderImporter.Started s = importer.start(file, importer.guess(Source.JD, file), "op");
        ImportRecord r = importer.record(s.importId()).orElseThrow();
        assertEquals(ImportState.CANCELLED, r.state());
        assertEquals(200, r.ordersCreated());
        assertEquals(200, kit.fakes("select count(*) from fakes_order"));
    }

    @Test
    void withoutCommerceNothingRunsAndWithoutJobsOnlyTheDryRun() throws Exception {
        CsvFile file = ImportKit.file("tmall.csv", TMALL);
        OrderImporter noCommerce = kit.importer(false, true);
        assertFalse(noCommerce.commerceAvailable());
        ColumnMapping m = noCommerce.guess(Source.TMALL, file);
        assertThrows(OrderImporter.CommerceUnavailable.class, () -> noCommerce.dryRun(file, m));
        assertThrows(OrderImporter.CommerceUnavailable.class, () -> noCommerce.start(file, m, "op"));
        OrderImporter noJobs = kit.importer(true, false);
        assertEquals(4, noJobs.dryRun(file, m).ok());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> noJobs.start(file, m, "op"));
        assertTrue(e.getMessage().contains("job service"), e.getMessage());
        assertEquals(0, kit.count("select count(*) from cmi_import"));
    }

    @Test
    void anImportRunningWhenTheNodeStoppedIsInterruptedAtTheNextStart() throws Exception {
        kit.jobs.holdBack(true);
        CsvFile file = ImportKit.file("tmall.csv", TMALL);
        OrderImporter.Started s = importer.start(file, tmall(file), "op");
        assertEquals(ImportState.QUEUED, importer.record(s.importId()).orElseThrow().state());
        kit.importer(true, true); // re-activated in this JVM: the queued job is ours, left alone
        assertEquals(ImportState.QUEUED, importer.record(s.importId()).orElseThrow().state());
        ImportRun.ACTIVE.clear(); // the node stops
        OrderImporter restarted = new OrderImporter(kit.unit, kit.identity, kit.commerce.service(), kit.jobs, Clock.systemUTC());
        ImportRecord r = restarted.record(s.importId()).orElseThrow();
        assertEquals(ImportState.INTERRUPTED, r.state());
        assertTrue(r.message().contains("Upload the file again"), r.message());
    }

    @Test
    void anEditedSourceConfigurationReadsRenamedColumns() throws Exception {
        String renamed = TMALL.replace("买家会员名", "买家账号");
        CsvFile file = ImportKit.file("tmall.csv", renamed);
        assertEquals(-1, importer.guess(Source.TMALL, file).column(Field.BUYER));
        importer.saveConfig(Source.TMALL, importer.config(Source.TMALL)
                .withHeaders(Field.BUYER, List.of("买家账号", "买家会员名")).encode(), "op");
        assertTrue(importer.customized(Source.TMALL));
        assertEquals("买家账号", importer.guess(Source.TMALL, file).header(Field.BUYER));
        importer.resetConfig(Source.TMALL, "op");
        assertEquals(-1, importer.guess(Source.TMALL, file).column(Field.BUYER));
    }

    @Test
    void aGb18030ReportFromChineseExcelIsRead() throws Exception {
        byte[] bytes = TMALL.getBytes(Charset.forName("GB18030"));
        CsvFile file = CsvFile.open(CsvSource.of("tmall.csv", bytes), Encoding.AUTO, Delimiter.AUTO);
        assertEquals("GB18030", file.charset().name());
        OrderImporter.Started s = importer.start(file, tmall(file), "op");
        assertEquals(4, importer.record(s.importId()).orElseThrow().ordersCreated());
        assertTrue(kit.identity.find("tmall:猫奴小王").isPresent());
        assertEquals(JobInfo.State.SUCCEEDED, kit.jobs.jobs().get(0).state());
    }
}
