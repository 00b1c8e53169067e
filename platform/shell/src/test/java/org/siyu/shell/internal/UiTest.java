package org.siyu.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;

class UiTest {

    private final Messages en = Messages.of(Messages.EN);

    @Test
    void pluginFailureBecomesAnErrorPanelNamingTheContribution() {
        Component c = Ui.create(() -> {
            throw new IllegalStateException("database closed");
        }, en, "error.view", "notes.list", "org.siyu.notes");
        assertTrue(c.getClassNames().contains("siyu-error"));
        assertEquals("View notes.list of org.siyu.notes failed: IllegalStateException: database closed",
                c.getElement().getTextRecursively());
    }

    @Test
    void linkageErrorsAndNullAreContainedToo() {
        Component linkage = Ui.create(() -> {
            throw new NoClassDefFoundError("org/siyu/notes/Gone");
        }, en, "error.editor", "notes.note", "org.siyu.notes");
        assertEquals("Editor notes.note of org.siyu.notes failed: NoClassDefFoundError: org/siyu/notes/Gone",
                linkage.getElement().getTextRecursively());
        Component nothing = Ui.create(() -> null, en, "error.view", "x", "b");
        assertTrue(nothing.getElement().getTextRecursively().contains("returned no component"));
    }

    @Test
    void workingFactoryIsReturnedAsIs() {
        Span span = new Span("ok");
        assertSame(span, Ui.create(() -> span, en, "error.view", "x", "b"));
    }

    @Test
    void idsKeepSafeCharacters() {
        assertEquals("nav-notes.list", Ui.id("nav-", "notes.list"));
        assertEquals("tab-editor:notes.note:7", Ui.id("tab-", "editor:notes.note:7"));
        assertEquals("nav-group-Notes-sample", Ui.id("nav-group-", "Notes sample"));
        assertEquals("nav-group---", Ui.id("nav-group-", "平台"));
    }
}
