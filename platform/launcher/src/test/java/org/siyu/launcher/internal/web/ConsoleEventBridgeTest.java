package org.siyu.launcher.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConsoleEventBridgeTest {

    @Test
    void shouldMaskPhoneNumbersInEventData() {
        assertEquals("{\"identities\":[\"phone:+86138****5678\",\"phone:139****4321\"]}",
                ConsoleEventBridge.mask("{\"identities\":[\"phone:+8613812345678\",\"phone:13987654321\"]}"));
        assertEquals("{\"amountFen\":1990}", ConsoleEventBridge.mask("{\"amountFen\":1990}"));
    }
}
