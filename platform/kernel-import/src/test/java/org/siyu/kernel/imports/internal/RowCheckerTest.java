package org.siyu.kernel.imports.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siyu.support.csv.Row;
import org.siyu.kernel.imports.internal.mapping.Mapping;

class RowCheckerTest {

    private static final ChannelRegistry CHANNELS = TestChannels.registry();
    private static final List<String> HEADERS = List.of("手机", "unionid", "姓名", "标签", "活动");
    private final RowChecker checker = new RowChecker(Mapping.of(HEADERS,
            Map.of("手机", "phone", "unionid", "wechat", "姓名", "name", "标签", "tags", "活动", "campaign"),
            CHANNELS.ids()), CHANNELS);

    private CheckedRow check(int number, String... cells) {
        return checker.check(new Row(number, cells));
    }

    @Test
    void aGoodRowBecomesARequestWithNormalizedIdentitiesTraitsAndTags() {
        CheckedRow row = check(2, " 138 0000 0000 ", "oU1", "张三", "VIP| 猫主人 ，VIP、新客|", "双11");
        assertTrue(row.ok());
        assertEquals(List.of("phone:+8613800000000", "wechat:oU1"), row.request().identities());
        assertEquals(Map.of("name", "张三", "campaign", "双11"), row.request().traits());
        assertEquals(List.of("VIP", "猫主人", "新客"), row.tags());
    }

    @Test
    void emptyCellsAreLeftOutAndOneIdentityIsEnough() {
        CheckedRow row = check(3, "", "oU2", "", "", "");
        assertTrue(row.ok());
        assertEquals(List.of("wechat:oU2"), row.request().identities());
        assertEquals(Map.of(), row.request().traits());
    }

    @Test
    void aRowWithoutIdentityNamesTheIdentityColumns() {
        CheckedRow row = check(4, "", " ", "张三", "VIP", "");
        assertNull(row.request());
        assertEquals(List.of(new RowError(4, "手机 / unionid", "", "no identity: the row needs a value in at least one "
                + "of the columns 手机, unionid")), row.errors());
    }

    @Test
    void anInvalidPhoneIsReportedMaskedAndTheWholeRowIsRejected() {
        CheckedRow row = check(5, "1381234567", "oU3", "张三", "VIP", "");
        assertEquals(List.of(new RowError(5, "手机", "138****67",
                "not a valid phone: '138****67' is not a phone number")), row.errors());
        assertNull(row.request(), "a row is all or nothing: the good unionid is not imported alone");
    }

    @Test
    void badTagsAreNamedOneByOne() {
        String longTag = "长".repeat(65);
        CheckedRow row = check(6, "13800000000", "", "", "VIP||" + longTag, "");
        assertEquals(List.of(
                new RowError(6, "标签", "VIP||" + longTag, "tag 2 is blank: remove the extra separator"),
                new RowError(6, "标签", longTag, "the tag is 65 characters long; at most 64 are allowed")),
                row.errors());
    }

    @Test
    void tooLongTraitsAreRefusedWithOneIdsLimits() {
        CheckedRow row = check(7, "13800000000", "", "", "", "c".repeat(201));
        assertEquals("the campaign is 201 characters long; at most 200 are kept", row.errors().get(0).detail());
        assertEquals(100, row.errors().get(0).value().length(), "values are cut for the report");
    }

    @Test
    void cellsBeyondTheHeaderRejectTheRow() {
        CheckedRow row = check(8, "13800000000", "", "张三", "", "", "多出来的");
        assertEquals(List.of(new RowError(8, "#6", "多出来的", "the row has a value in column 6 but the header names "
                + "only 5 columns: a delimiter inside a value must be in double quotes")), row.errors());
        assertTrue(check(9, "13800000000", "", "张三", "", "", "").ok(), "empty trailing cells are harmless");
        assertTrue(check(10, "13800000000").ok(), "a short row is read as empty cells");
    }

    @Test
    void undecodableBytesPointAtTheEncoding() {
        CheckedRow row = check(11, "13800000000", "", "\uFFFD\uFFFD", "", "");
        assertTrue(row.errors().get(0).detail().startsWith("the cell has bytes that are not text in the file's "
                + "encoding"), row.errors().toString());
    }

    @Test
    void aChannelThatWentAwayIsExplained() {
        ChannelRegistry channels = TestChannels.registry();
        RowChecker c = new RowChecker(Mapping.of(HEADERS, Map.of("手机", "phone", "unionid", "wechat"),
                channels.ids()), channels);
        channels.removeChannel(channels.channel("wechat").orElseThrow());
        CheckedRow row = c.check(new Row(12, new String[] {"", "oU9"}));
        assertEquals("the channel wechat is not registered any more (its bundle stopped); map the column to another "
                + "channel or ignore it", row.errors().get(0).detail());
    }
}
