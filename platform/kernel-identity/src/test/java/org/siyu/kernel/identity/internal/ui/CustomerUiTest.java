package org.siyu.kernel.identity.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.siyu.api.identity.Customer;
import org.siyu.api.tags.TagAssignment;
import org.siyu.api.ui.chart.ChartSpec;
import org.siyu.kernel.identity.internal.acquisition.Acquisition;

/** The readable why of a tag, levels, titles, and the money of the acquisition form. */
class CustomerUiTest {

    private static TagAssignment tag(String name, String group, String source, String evidence, String at) {
        return new TagAssignment(name, group, source, evidence, at == null ? null : Instant.parse(at));
    }

    @Test
    void shouldSayWhyACustomerHasATag() {
        assertEquals("rule 复购客户 from event evt-123",
                CustomerUi.why(tag("复购", "rules", "rule:复购客户", "evt-123", null), Locale.ENGLISH));
        assertEquals("规则 复购客户，事件 evt-123",
                CustomerUi.why(tag("复购", "rules", "rule:复购客户", "evt-123", null), Locale.CHINESE));
        assertEquals("manual by alice", CustomerUi.why(tag("VIP", "default", "manual", "alice", null), Locale.ENGLISH));
        assertEquals("手动，操作人 alice", CustomerUi.why(tag("VIP", "default", "manual", "alice", null), Locale.CHINESE));
        assertEquals("import from customers.csv row 7",
                CustomerUi.why(tag("VIP", "default", "import", "customers.csv row 7", null), Locale.ENGLISH));
        assertEquals("system: rfm", CustomerUi.why(tag("r", "rfm", "system", "rfm", null), Locale.ENGLISH));
        assertEquals("plugin org.siyu.live: room 9",
                CustomerUi.why(tag("live", "default", "plugin:org.siyu.live", "room 9", null), Locale.ENGLISH));
        assertEquals("manual", CustomerUi.why(tag("VIP", "default", "manual", " ", null), Locale.ENGLISH));
        assertEquals("partner-x: batch 3", CustomerUi.why(tag("p", "default", "partner-x", "batch 3", null),
                Locale.ENGLISH));
        String withTime = CustomerUi.whyAndWhen(tag("VIP", "default", "manual", "alice", "2026-11-23T08:00:00Z"),
                Locale.ENGLISH);
        assertEquals(true, withTime.startsWith("manual by alice · Nov 23, 2026"), withTime);
    }

    @Test
    void shouldTakeTheLatestLevelAndLifecycleTag() {
        List<TagAssignment> tags = List.of(
                tag("reach.reachable", "reach", "system", "r", "2026-11-01T00:00:00Z"),
                tag("lifecycle.new", "lifecycle", "system", "r", "2026-11-01T00:00:00Z"),
                tag("VIP", "default", "manual", "alice", "2026-11-05T00:00:00Z"),
                tag("reach.owned", "reach", "system", "r", "2026-11-03T00:00:00Z"),
                tag("lifecycle.active", "lifecycle", "system", "r", "2026-11-04T00:00:00Z"));
        assertEquals("reach.owned", CustomerUi.level(tags));
        assertEquals("lifecycle.active", CustomerUi.lifecycle(tags));
        assertNull(CustomerUi.level(List.of(tags.get(2))));
        assertEquals("owned", CustomerUi.level(List.of(tag("owned", "流量产权", "manual", "a", null))));
    }

    @Test
    void shouldTitleCustomersAndMaskTheirPhones() {
        Customer named = new Customer(7, List.of("wecom:w", "phone:+8613800001234"), Map.of("name", "小王",
                "nickname", "王"), Instant.EPOCH, "wecom", null, null, 0);
        Customer nick = new Customer(8, List.of("wecom:w"), Map.of("nickname", "猫"), Instant.EPOCH, "wecom", null,
                null, 0);
        Customer none = new Customer(9, List.of(), Map.of(), Instant.EPOCH, "wecom", null, null, 0);
        assertEquals("小王", CustomerUi.title(named, Locale.ENGLISH));
        assertEquals("猫", CustomerUi.title(nick, Locale.ENGLISH));
        assertEquals("客户 #9", CustomerUi.title(none, Locale.CHINESE));
        assertEquals("Customer #9", CustomerUi.title(none, Locale.ENGLISH));
        assertEquals("+86138****1234", CustomerUi.maskedPhone(named));
        assertNull(CustomerUi.maskedPhone(nick));
        assertEquals("phone:+86138****1234", CustomerUi.shown("phone:+8613800001234"));
        assertEquals("wecom:wmABC", CustomerUi.shown("wecom:wmABC"));
        assertEquals(12, CustomerUi.customerId(" 12 "));
        assertThrows(NoSuchElementException.class, () -> CustomerUi.customerId("abc"));
        assertThrows(NoSuchElementException.class, () -> CustomerUi.customerId("0"));
    }

    @Test
    void shouldMaskPhoneIdentitiesInTimelineData() {
        // customer.created as OneID publishes it: the timeline must not show the number
        assertEquals("{\"identities\":[\"phone:+86138****0001\",\"wecom:wmA\"],\"channel\":\"phone\"}",
                CustomerEditor.shortData("{\"identities\":[\"phone:+8613800000001\",\"wecom:wmA\"],\"channel\":\"phone\"}"));
        assertEquals("[\"phone:+4479****0123\"]", CustomerEditor.shortData("[\"phone:+447911230123\"]"));
        assertEquals("{\"amountFen\":13800000001}", CustomerEditor.shortData("{\"amountFen\":13800000001}"));
        assertEquals(CustomerEditor.SHORT_DATA, CustomerEditor.shortData("x".repeat(200) + "phone:+8613800000001")
                .length());
    }

    @Test
    void shouldTurnYuanIntoFenExactly() {
        assertEquals(123_456, AcquisitionPanel.fen(new BigDecimal("1234.56")));
        assertEquals(100, AcquisitionPanel.fen(new BigDecimal("1")));
        assertEquals("field 'costFen': 1.005 yuan is not a whole number of fen (at most two decimals)",
                assertThrows(IllegalArgumentException.class, () -> AcquisitionPanel.fen(new BigDecimal("1.005")))
                        .getMessage());
        assertEquals("field 'costFen' must not be negative", assertThrows(IllegalArgumentException.class,
                () -> AcquisitionPanel.fen(new BigDecimal("-1"))).getMessage());
        assertEquals("¥1,234.50", AcquisitionPanel.yuan(123_450, Locale.ENGLISH));
        assertEquals("x", CustomerEditor.shortData("x"));
        assertEquals(CustomerEditor.SHORT_DATA, CustomerEditor.shortData("y".repeat(500)).length());
    }

    @Test
    void shouldChartCostPerOwnedCustomerByChannelOverAllCampaigns() {
        ChartSpec spec = AcquisitionPanel.costPerOwnedChart(List.of(
                new Acquisition.Row("tmall", null, 0, 3, 1L, null),
                new Acquisition.Row("wecom", null, 10_000, 4, 2L, 5_000L),
                new Acquisition.Row("wecom", "spring", 20_000, 6, 3L, 6_667L),
                new Acquisition.Row("wechat-mp", "ads", 5_000, 2, 0L, null)));
        assertEquals(ChartSpec.Kind.BAR, spec.kind());
        assertEquals(ChartSpec.ValueFormat.FEN, spec.format());
        assertEquals(List.of("tmall", "wecom", "wechat-mp"), spec.categories());
        // tmall: no cost, one owned → 0; wecom: 30,000 fen over 5 owned; wechat-mp: nobody owned → no bar
        assertEquals(java.util.Arrays.asList(0L, 6_000L, null), spec.series().get(0).values());
        assertEquals("各渠道每位已拥有客户成本", spec.title().get(Locale.CHINESE));
    }

    @Test
    void shouldChartNothingWhileOwnershipIsUnknown() {
        ChartSpec spec = AcquisitionPanel.costPerOwnedChart(List.of(new Acquisition.Row("wecom", null, 10_000, 4, null, null)));
        assertEquals(java.util.Collections.singletonList(null), spec.series().get(0).values());
        org.junit.jupiter.api.Assertions.assertTrue(spec.isEmpty());
        org.junit.jupiter.api.Assertions.assertTrue(AcquisitionPanel.costPerOwnedChart(List.of()).isEmpty());
    }
}
