package org.siyu.kernel.identity.internal.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.siyu.api.i18n.Text;

class ChannelsTest {

    private final Channels channels = new Channels();

    ChannelsTest() {
        StandardChannels.all().forEach(channels::addChannel);
    }

    @Test
    void shouldRegisterTheStandardChannelsWithTwoMergeKeys() {
        assertEquals(Set.of("wecom", "wechat", "wechat-mp", "mini", "tmall", "jd", "douyin", "phone", "store-card"),
                channels.ids());
        assertTrue(channels.parse("wechat:u").mergeKey());
        assertTrue(channels.parse("phone:13800000000").mergeKey());
        assertFalse(channels.parse("wecom:u").mergeKey());
    }

    @Test
    void shouldNormalizeWithTheChannel() {
        assertEquals(new Identity("phone", "+8613800000000", true), channels.parse("phone:138 0000 0000"));
        assertEquals("tmall:小王的店", channels.parse("tmall:  小王的店 ").key());
    }

    @Test
    void shouldNameTheIdentityThatIsRefused() {
        assertEquals("identity 'wecom' is not <channel>:<value>, e.g. phone:13800000000",
                assertThrows(IllegalArgumentException.class, () -> channels.parse("wecom")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> channels.parse("wecom:"))
                .getMessage().startsWith("identity 'wecom:'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> channels.parse("wecom:   "))
                .getMessage().startsWith("identity 'wecom:   ' is refused: the wecom value is empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> channels.parse("qq:1"))
                .getMessage().startsWith("identity 'qq:1' has the unknown channel 'qq'; registered channels: douyin, jd"));
    }

    @Test
    void shouldFollowChannelsThatComeAndGo() {
        SimpleChannel qq = new SimpleChannel("qq", Text.of("QQ"), false);
        channels.addChannel(qq);
        assertEquals("qq:10001", channels.parse("qq:10001").key());

        channels.removeChannel(qq);
        assertThrows(IllegalArgumentException.class, () -> channels.parse("qq:10001"));
    }

    @Test
    void shouldIgnoreABadOrDuplicateChannelId() {
        channels.addChannel(new SimpleChannel("Bad Id", Text.of("x"), false));
        SimpleChannel second = new SimpleChannel("phone", Text.of("another phone"), false);
        channels.addChannel(second);
        channels.removeChannel(second);

        assertFalse(channels.ids().contains("Bad Id"));
        assertTrue(channels.parse("phone:13800000000").mergeKey());
    }
}
