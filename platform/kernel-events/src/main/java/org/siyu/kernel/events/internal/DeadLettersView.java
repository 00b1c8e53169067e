package org.siyu.kernel.events.internal;

import com.vaadin.flow.component.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;

/** The navigator node "Event bus › Dead letters" in the Developer perspective. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
public class DeadLettersView extends BusView {

    private final Delivery delivery;

    @Activate
    public DeadLettersView(@Reference Delivery delivery) {
        super("events.dead-letters", Text.of("Dead letters", "死信"), "WARNING");
        this.delivery = delivery;
    }

    @Override
    public Component createView(ViewContext context) {
        return new DeadLetterListView(delivery, context);
    }
}
