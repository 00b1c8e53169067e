package org.siyu.samples.notes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TitleSearchTest {

    @Test
    void shouldMatchAnywhereIgnoringCase() {
        assertEquals("%supplier%", TitleSearch.likePattern(" Supplier "));
        assertTrue(TitleSearch.matches("Call the SUPPLIER", "supplier"));
        assertTrue(TitleSearch.matches("笔记示例", "示例"));
        assertFalse(TitleSearch.matches("Call the supplier", "customer"));
        assertFalse(TitleSearch.matches(null, "x"));
    }

    @Test
    void shouldEscapeTheWildcardsOfLike() {
        assertEquals("%50!%%", TitleSearch.likePattern("50%"));
        assertEquals("%a!_b%", TitleSearch.likePattern("a_b"));
        assertEquals("%hi!!%", TitleSearch.likePattern("Hi!"));
    }

    @Test
    void shouldRankWholeTitlesThenPrefixesThenWordsThenInsideWords() {
        assertEquals(1f, TitleSearch.score("Plan", "plan"));
        assertEquals(0.75f, TitleSearch.score("Plan for May", "plan"));
        assertEquals(0.5f, TitleSearch.score("May plan", "plan"));
        assertEquals(0.5f, TitleSearch.score("Supplant the plan", "plan")); // the better of two places
        assertEquals(0.25f, TitleSearch.score("Supplant", "plan"));
        assertEquals(0f, TitleSearch.score("Budget", "plan"));
    }
}
