package org.siyu.api.ui;

import com.vaadin.flow.component.Component;
import org.osgi.annotation.versioning.ConsumerType;
import org.siyu.api.i18n.Text;

/**
 * A navigator node that opens a view as a tab in the centre of the shell. The view is also reachable at
 * {@code /view/<id>} while the contribution is registered.
 */
@ConsumerType
public interface ViewContribution {

    /**
     * Stable, unique identifier such as {@code notes.list}: lower-case letters, digits, '.', '_', '-'. It is
     * part of the view's URL, so keep it across versions.
     */
    String id();

    /** The node's label and the tab's title. */
    Text title();

    /** The navigator group this node belongs to, normally the plugin's name. */
    Text group();

    /** A Vaadin icon name such as {@code NOTEBOOK} ({@code com.vaadin.flow.component.icon.VaadinIcon}), or {@code null}. */
    default String icon() {
        return null;
    }

    /** The perspective that shows this node. */
    default Perspective perspective() {
        return Perspective.OPERATIONS;
    }

    /** The permission needed to see and open this view, or {@code null} for every signed-in user. */
    default String permission() {
        return null;
    }

    /**
     * Creates the view's component for one session. Called on the session's UI thread; the component
     * belongs to that session only.
     */
    Component createView(ViewContext context);
}
