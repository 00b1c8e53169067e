package org.siyu.kernel.identity.internal.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneChannelTest {

    private final PhoneChannel phone = new PhoneChannel();

    @ParameterizedTest
    @CsvSource({
            "+8613800000000, +8613800000000",
            "8613800000000, +8613800000000",
            "13800000000, +8613800000000",
            "138 0000 0000, +8613800000000",
            "138-0000-0000, +8613800000000",
            "' +86 138-0000-0000 ', +8613800000000",
            "+1 (415) 555-2671, +14155552671",
            "+852 9123 4567, +85291234567"})
    void shouldNormalizeToE164(String given, String normalized) {
        assertEquals(normalized, phone.normalize(given));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "23800000000", "1380000000", "138000000000", "+86 1380000000", "+8623800000000",
            "008613800000000", "phone", "+0123456789", ""})
    void shouldRefuseWhatIsNotAPhoneNumber(String given) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> phone.normalize(given));
        assertTrue(e.getMessage().contains("phone") || e.getMessage().contains("mobile"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
            "phone:+8613800000000, phone:+86138****0000",
            "phone:+14155552671, phone:+1415****2671",
            "wechat:o6_bmasdasdsad6_2sgVt7hMZOPfL, wechat:o6_b****OPfL",
            "wecom:wm42, wecom:w****2",
            "jd:ab, jd:****"})
    void shouldMaskIdentities(String identity, String masked) {
        assertEquals(masked, Mask.identity(identity));
    }
}
