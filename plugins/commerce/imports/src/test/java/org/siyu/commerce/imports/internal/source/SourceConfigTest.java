package org.siyu.commerce.imports.internal.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siyu.api.commerce.OrderStatus;

/** The shipped mappings: each marketplace's report is recognised, its columns found, its statuses read. */
class SourceConfigTest {

    static final List<String> TMALL = List.of("订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家实际支付金额",
            "订单状态", "买家留言", "收货人姓名", "收货地址", "联系电话", "联系手机", "订单创建时间", "订单付款时间", "宝贝标题",
            "宝贝种类", "物流单号", "物流公司", "宝贝总数量", "商家编码", "退款金额", "确认收货时间");
    static final List<String> JD = List.of("订单号", "商品ID", "商品名称", "订购数量", "支付方式", "下单时间", "京东价",
            "订单金额", "应付金额", "订单状态", "订单类型", "下单帐号", "客户姓名", "客户地址", "联系电话", "付款确认时间",
            "商家SKU", "订单完成时间");
    static final List<String> DOUYIN = List.of("主订单编号", "子订单编号", "商品名称", "商品规格", "商品数量", "商品ID",
            "商家编码", "商品单价", "订单应付金额", "运费", "收件人", "收件人手机号", "详细地址", "订单提交时间", "支付完成时间",
            "发货时间", "订单完成时间", "订单状态", "售后状态", "退款金额");

    private static Map<Source, SourceConfig> defaults() {
        Map<Source, SourceConfig> all = new EnumMap<>(Source.class);
        for (Source s : Source.values()) {
            all.put(s, Defaults.of(s));
        }
        return all;
    }

    @Test
    void eachMarketplaceReportIsRecognisedByItsHeader() {
        assertEquals(Source.TMALL, SourceGuess.guess(defaults(), TMALL));
        assertEquals(Source.JD, SourceGuess.guess(defaults(), JD));
        assertEquals(Source.DOUYIN, SourceGuess.guess(defaults(), DOUYIN));
        assertNull(SourceGuess.guess(defaults(), List.of("手机", "姓名")), "a customer list is no order report");
    }

    @Test
    void theTmallColumnsAreFoundByTheirReportNames() {
        ColumnMapping m = ColumnMapping.guess(Defaults.of(Source.TMALL), TMALL);
        m.check(Defaults.of(Source.TMALL));
        assertEquals("订单编号", m.header(Field.ORDER_NO));
        assertEquals("买家会员名", m.header(Field.BUYER));
        assertEquals("联系手机", m.header(Field.PHONE), "the mobile column before the landline column");
        assertEquals("买家实际支付金额", m.header(Field.PAYABLE));
        assertEquals("宝贝标题", m.header(Field.TITLE));
        assertEquals("宝贝总数量", m.header(Field.QUANTITY));
        assertEquals("商家编码", m.header(Field.SKU_CODE));
        assertEquals("确认收货时间", m.header(Field.COMPLETED_AT));
        assertEquals(-1, m.column(Field.SUB_ORDER_NO));
    }

    @Test
    void theJdAndDouyinColumnsAreFoundByTheirReportNames() {
        ColumnMapping jd = ColumnMapping.guess(Defaults.of(Source.JD), JD);
        jd.check(Defaults.of(Source.JD));
        assertEquals("订单号", jd.header(Field.ORDER_NO));
        assertEquals("下单帐号", jd.header(Field.BUYER));
        assertEquals("应付金额", jd.header(Field.PAYABLE));
        assertEquals("订购数量", jd.header(Field.QUANTITY));
        assertEquals("商家SKU", jd.header(Field.SKU_CODE), "the merchant's code before JD's own product id");
        assertEquals("付款确认时间", jd.header(Field.PAID_AT));
        ColumnMapping dy = ColumnMapping.guess(Defaults.of(Source.DOUYIN), DOUYIN);
        dy.check(Defaults.of(Source.DOUYIN));
        assertEquals("主订单编号", dy.header(Field.ORDER_NO));
        assertEquals("子订单编号", dy.header(Field.SUB_ORDER_NO));
        assertEquals("收件人手机号", dy.header(Field.PHONE));
        assertEquals("订单应付金额", dy.header(Field.PAYABLE));
        assertTrue(Defaults.of(Source.DOUYIN).amountsPerLine(), "Douyin reports amounts per sub-order");
        assertFalse(Defaults.of(Source.TMALL).amountsPerLine());
    }

    @Test
    void aMissingRequiredColumnIsNamedWithTheNamesTried() {
        List<String> headers = List.of("订单编号", "买家会员名", "宝贝标题", "订单创建时间");
        ColumnMapping m = ColumnMapping.guess(Defaults.of(Source.TMALL), headers);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.check(Defaults.of(Source.TMALL)));
        assertTrue(e.getMessage().contains("status (订单状态 / 状态)"), e.getMessage());
    }

    @Test
    void marketplaceStatusesMapToOrderStatuses() {
        SourceConfig tmall = Defaults.of(Source.TMALL);
        assertEquals(OrderStatus.COMPLETED, tmall.status("交易成功"));
        assertEquals(OrderStatus.PAID, tmall.status(" 等待卖家发货 "));
        assertEquals(OrderStatus.SHIPPED, tmall.status("卖家已发货，等待买家确认"));
        assertEquals(OrderStatus.CANCELLED, tmall.status("交易关闭"));
        assertEquals(OrderStatus.REFUNDED, tmall.status("退款成功"));
        assertEquals(OrderStatus.CREATED, tmall.status("等待买家付款"));
        assertEquals(OrderStatus.COMPLETED, Defaults.of(Source.JD).status("已完成"));
        assertEquals(OrderStatus.PAID, Defaults.of(Source.JD).status("等待出库"));
        assertEquals(OrderStatus.PAID, Defaults.of(Source.DOUYIN).status("待发货"));
        assertEquals(OrderStatus.CANCELLED, Defaults.of(Source.DOUYIN).status("已关闭"));
        assertEquals(OrderStatus.PAID, tmall.status("paid"), "the status names work for every source");
        assertNull(tmall.status("火星状态"));
    }

    @Test
    void aConfigurationSurvivesItsTextFormAndBadLinesAreNamed() {
        SourceConfig edited = Defaults.of(Source.JD).withHeaders(Field.BUYER, List.of("用户名", "下单帐号"));
        SourceConfig back = SourceConfig.decode(Source.JD, edited.encode());
        assertEquals(List.of("用户名", "下单帐号"), back.headers(Field.BUYER));
        assertEquals(edited.statuses(), back.statuses());
        assertEquals(edited.amountsPerLine(), back.amountsPerLine());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> SourceConfig.decode(Source.JD, edited.encode() + "status 已发货\tSENT\n"));
        assertTrue(bad.getMessage().startsWith("line "), bad.getMessage());
        assertTrue(bad.getMessage().contains("'SENT' is not an order status"), bad.getMessage());
        IllegalArgumentException required = assertThrows(IllegalArgumentException.class,
                () -> SourceConfig.decode(Source.JD, edited.withHeaders(Field.ORDER_NO, List.of()).encode()));
        assertTrue(required.getMessage().contains("orderNo is required"), required.getMessage());
    }

    @Test
    void explicitColumnsAreCheckedAgainstTheFile() {
        Map<String, String> columns = ColumnMapping.parseColumns("单号:orderNo，状态：status,时间:createdAt,品名:title,"
                + "会员:buyer,备注:ignore");
        ColumnMapping m = ColumnMapping.of(Source.TMALL, List.of("单号", "状态", "时间", "品名", "会员", "备注"), columns);
        m.check(Defaults.of(Source.TMALL));
        assertEquals(0, m.column(Field.ORDER_NO));
        assertEquals("单号:orderNo,状态:status,时间:createdAt,品名:title,会员:buyer", m.encode());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> ColumnMapping.of(
                Source.TMALL, List.of("单号"), Map.of("订单", "orderNo")));
        assertTrue(missing.getMessage().contains("no column '订单'"), missing.getMessage());
        IllegalArgumentException field = assertThrows(IllegalArgumentException.class, () -> ColumnMapping.of(
                Source.TMALL, List.of("单号"), Map.of("单号", "orderNumber")));
        assertTrue(field.getMessage().contains("'orderNumber' is not an order field"), field.getMessage());
    }
}
