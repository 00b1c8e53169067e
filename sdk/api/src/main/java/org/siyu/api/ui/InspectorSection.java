package org.siyu.api.ui;

import com.vaadin.flow.component.Component;
import org.osgi.annotation.versioning.ConsumerType;
import org.siyu.api.i18n.Text;

/**
 * A section of the inspector, the panel on the right that shows the properties of what is selected.
 * The shell always shows the selection's own properties; sections add what a bundle knows about it
 * (a member card on a customer, a warranty on an order).
 */
@ConsumerType
public interface InspectorSection {

    /** The section's heading. */
    Text title();

    /** Whether this section has something to say about {@code selection}. Must be fast. */
    boolean appliesTo(Selection selection);

    /** Order among sections; lower comes first. */
    default int order() {
        return 100;
    }

    /** Creates the section's content for {@code selection}. */
    Component create(Selection selection, ViewContext context);
}
