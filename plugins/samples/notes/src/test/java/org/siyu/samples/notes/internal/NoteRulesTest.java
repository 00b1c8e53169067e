package org.siyu.samples.notes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NoteRulesTest {

    @Test
    void shouldAcceptATitleAndAnEmptyBody() {
        assertTrue(NoteRules.check("Shopping list", "").isEmpty());
        assertTrue(NoteRules.check("x".repeat(200), null).isEmpty());
    }

    @Test
    void shouldRejectABlankOrMissingTitle() {
        for (String title : new String[] {null, "", "   ", "\t\n"}) {
            List<NoteRules.Violation> violations = NoteRules.check(title, "body");
            assertEquals(1, violations.size(), "title " + title);
            assertEquals("title", violations.getFirst().field());
            assertEquals("title must not be blank", violations.getFirst().message().en());
        }
    }

    @Test
    void shouldRejectATitleOfMoreThan200Characters() {
        NoteRules.Violation violation = NoteRules.check("x".repeat(201), "").getFirst();
        assertEquals("title", violation.field());
        assertEquals("title must be at most 200 characters", violation.message().en());
        assertEquals("标题最多 200 个字符", violation.message().get(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void shouldMeasureTheTitleWithoutSurroundingWhiteSpace() {
        assertTrue(NoteRules.check("  " + "x".repeat(200) + "  ", "").isEmpty());
    }

    @Test
    void shouldRejectABodyOverTheLimit() {
        NoteRules.Violation violation = NoteRules.check("t", "b".repeat(NoteRules.MAX_BODY_LENGTH + 1)).getFirst();
        assertEquals("body", violation.field());
        assertEquals("body must be at most 100000 characters", violation.message().en());
    }

    @Test
    void shouldReportEveryFieldAtFault() {
        List<NoteRules.Violation> violations = NoteRules.check(" ", "b".repeat(NoteRules.MAX_BODY_LENGTH + 1));
        assertEquals(List.of("title", "body"), violations.stream().map(NoteRules.Violation::field).toList());
    }

    @Test
    void requireShouldThrowNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NoteRules.require("", ""));
        assertEquals("title must not be blank", e.getMessage());
    }
}
