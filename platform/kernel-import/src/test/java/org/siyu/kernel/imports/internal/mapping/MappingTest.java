package org.siyu.kernel.imports.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MappingTest {

    private static final Set<String> CHANNELS = Set.of("phone", "wechat", "wecom", "tmall", "jd", "store-card");

    private static List<String> tokens(List<String> headers) {
        return MappingGuess.guess(headers, CHANNELS).targets().stream().map(Target::token).toList();
    }

    @Test
    void chineseAndEnglishHeadersAreGuessed() {
        assertEquals(List.of("phone", "name", "tags", "tmall", "wechat", "remark", "city", "nickname", "gender",
                        "wecom", "campaign", "store-card"),
                tokens(List.of("手机号", "姓名", "标签", "淘宝旺旺", "UnionID", "备注", "城市", "微信昵称", "性别",
                        "external_userid", "Campaign", "会员卡号")));
        assertEquals(List.of("phone", "name", "tags", "tmall", "remark"),
                tokens(List.of("Phone Number", "Name", "Tags", "tmall", "Notes")));
    }

    @Test
    void wordsInsideLongerHeadersAreGuessedButNotLookalikes() {
        assertEquals(List.of("phone", "remark", "tags", "ignore", "ignore", "ignore"),
                tokens(List.of("联系手机", "客户备注", "客户标签(多个)", "淘宝订单号", "活动时间", "下单时间")));
    }

    @Test
    void unregisteredChannelsAreNotGuessedAndATraitGoesToItsFirstColumn() {
        Mapping m = MappingGuess.guess(List.of("抖音号", "姓名", "客户姓名", "手机"), Set.of("phone"));
        assertEquals(List.of("ignore", "name", "ignore", "phone"), m.targets().stream().map(Target::token).toList());
        assertEquals(Target.identity("douyin"), MappingGuess.guess("douyin", Set.of("douyin")));
    }

    @Test
    void repeatedHeadersAreGuessedLikeTheFirst() {
        assertEquals(List.of("phone", "phone"), tokens(List.of("手机", "手机 (2)")));
    }

    @Test
    void columnsAreReadFromTheQuerySyntax() {
        assertEquals(Map.of("手机", "phone", "姓名", "name", "标签", "tags"),
                Mapping.parseColumns("手机:phone,姓名:name, 标签 : tags"));
        assertEquals(Map.of("时间:下单", "ignore", "手机", "channel:phone", "名", "name"),
                Mapping.parseColumns("时间:下单:ignore，手机:channel:phone,名：name"));
        assertEquals("columns: '手机' is not <column>:<target>, e.g. 手机:phone,姓名:name,标签:tags",
                assertThrows(IllegalArgumentException.class, () -> Mapping.parseColumns("手机,姓名:name"))
                        .getMessage());
    }

    @Test
    void aMappingByColumnNamesChecksColumnsAndTargets() {
        List<String> headers = List.of("手机", "姓名", "标签", "其他");
        Mapping m = Mapping.of(headers, Map.of("手机", "phone", "姓名", "name", "标签", "tags"), CHANNELS);
        assertEquals(List.of(Target.identity("phone"), Target.trait("name"), Target.TAGS, Target.IGNORE),
                m.targets());
        assertTrue(m.hasTags());
        assertEquals("column '电话' is not in the file; its columns are 手机, 姓名, 标签, 其他",
                assertThrows(IllegalArgumentException.class,
                        () -> Mapping.of(headers, Map.of("电话", "phone"), CHANNELS)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Mapping.of(headers, Map.of("手机", "weibo"), CHANNELS)).getMessage()
                .startsWith("column '手机': 'weibo' is not a column target: use a channel (jd, phone, store-card, "
                        + "tmall, wechat, wecom), a trait (name, nickname, gender, city, remark, campaign), tags or "
                        + "ignore"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Mapping.of(headers, Map.of("姓名", "name"), CHANNELS)).getMessage()
                .startsWith("no column is mapped to an identity channel"));
        assertEquals("the trait name comes from two columns, '姓名' and '其他': map one of them to ignore",
                assertThrows(IllegalArgumentException.class, () -> Mapping.of(headers,
                        Map.of("手机", "phone", "姓名", "name", "其他", "name"), CHANNELS)).getMessage());
    }

    @Test
    void aSavedMappingReadsBackTheSame() {
        List<String> headers = List.of("手机", "姓名", "标签", "其他");
        Mapping m = Mapping.of(headers, Map.of("手机", "phone", "姓名", "name", "标签", "tags"), CHANNELS);
        assertEquals(m, Mapping.of(headers, Mapping.decode(m.encode()), CHANNELS));
        assertEquals("手机:phone, 姓名:name, 标签:tags", m.describe());
    }

    @Test
    void aChannelNamedLikeATraitIsWrittenWithItsPrefix() {
        Set<String> channels = Set.of("phone", "city");
        Target channel = Target.parse("channel:city", channels);
        assertEquals(Target.identity("city"), channel);
        assertEquals("channel:city", channel.token());
        assertEquals(Target.trait("city"), Target.parse("city", channels));
    }
}
