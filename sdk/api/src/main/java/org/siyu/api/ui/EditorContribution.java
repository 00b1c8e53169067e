package org.siyu.api.ui;

import com.vaadin.flow.component.Component;
import java.util.Locale;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Opens records of one type as editor tabs, like files in an IDE. Any view, search result or command can
 * ask the shell to open a record by type and id ({@link ViewContext#openEditor(String, String)}); the
 * contribution for that type creates the tab's content. One record is open at most once per session.
 */
@ConsumerType
public interface EditorContribution {

    /** The record type this editor opens, such as {@code notes.note}. */
    String type();

    /** The tab title for the record, such as its name; should be short. */
    String title(String recordId, Locale locale);

    /** The permission needed to open this editor, or {@code null} for every signed-in user. */
    default String permission() {
        return null;
    }

    /**
     * Creates the editor for one record in one session.
     *
     * @throws java.util.NoSuchElementException if there is no record with this id; the shell says so
     */
    Component createEditor(String recordId, ViewContext context);
}
