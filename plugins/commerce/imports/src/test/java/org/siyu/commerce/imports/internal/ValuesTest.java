package org.siyu.commerce.imports.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How the cells of marketplace reports are read. */
class ValuesTest {

    @Test
    void excelTextMarkersAreRemovedAndScientificOrderNumbersRefused() {
        assertEquals("2024111122334455", Values.clean("=\"2024111122334455\""));
        assertEquals("2024111122334455", Values.clean("'2024111122334455"));
        assertEquals("2024111122334455", Values.clean("\t2024111122334455 "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Values.orderNo("2.02411E+15"));
        assertTrue(e.getMessage().contains("turned into a number by Excel"), e.getMessage());
    }

    @Test
    void amountsAreYuanWithUpToTwoDecimals() {
        assertEquals(12_800L, Values.fen("128.00"));
        assertEquals(129_900L, Values.fen("¥1,299"));
        assertEquals(590L, Values.fen("5.9"));
        assertNull(Values.fen(""));
        assertNull(Values.fen("-"));
        assertThrows(IllegalArgumentException.class, () -> Values.fen("1.999"));
        assertThrows(IllegalArgumentException.class, () -> Values.fen("-3.00"));
        assertThrows(IllegalArgumentException.class, () -> Values.fen("abc"));
    }

    @Test
    void timesAreBeijingTime() {
        assertEquals(Instant.parse("2024-11-10T16:01:02Z"), Values.time("2024-11-11 00:01:02"));
        assertEquals(Instant.parse("2024-11-10T16:01:00Z"), Values.time("2024/11/11 0:01"));
        assertEquals(Instant.parse("2024-11-10T16:00:00Z"), Values.time("2024-11-11"));
        assertNull(Values.time("0000-00-00 00:00:00"));
        assertNull(Values.time(""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Values.time("11/11/2024"));
        assertTrue(e.getMessage().contains("not a time"), e.getMessage());
    }

    @Test
    void maskedPhonesAndLandlinesAreNoIdentity() {
        assertEquals("+8613800000001", Values.phone("138 0000 0001").e164());
        assertEquals("+8613800000001", Values.phone("86-13800000001").e164());
        Values.Phone masked = Values.phone("138****0000");
        assertNull(masked.e164());
        assertTrue(masked.masked());
        assertNull(Values.phone("0571-88886666").e164());
        assertNull(Values.phone(""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Values.phone("12345"));
        assertTrue(e.getMessage().contains("not a phone number"), e.getMessage());
        assertTrue(!e.getMessage().contains("12345"), "the value is masked: " + e.getMessage());
    }

    @Test
    void quantitiesAreWholeNumbers() {
        assertEquals(1, Values.quantity(""));
        assertEquals(3, Values.quantity("3"));
        assertEquals(3, Values.quantity("3.0"));
        assertThrows(IllegalArgumentException.class, () -> Values.quantity("0"));
        assertThrows(IllegalArgumentException.class, () -> Values.quantity("1.5"));
    }
}
