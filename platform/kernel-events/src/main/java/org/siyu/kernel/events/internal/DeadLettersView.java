package org.siyu.kernel.events.internal;

import com.vaadin.flow.component.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.Perspective;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;

/** The navigator node "Event bus › Dead letters" in the Developer perspective. */
@org.osgi.service.component.annotations.Component
public class DeadLettersView implements ViewContribution {

    private final Delivery delivery;

    @Activate
    public DeadLettersView(@Reference Delivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public String id() {
        return "events.dead-letters";
    }

    @Override
    public Text title() {
        return Text.of("Dead letters", "死信");
    }

    @Override
    public Text group() {
        return EventsUi.GROUP;
    }

    @Override
    public String icon() {
        return "WARNING";
    }

    @Override
    public Perspective perspective() {
        return Perspective.DEVELOPER;
    }

    @Override
    public String permission() {
        return EventsPermissions.VIEW;
    }

    @Override
    public Component createView(ViewContext context) {
        return new DeadLetterListView(delivery, context);
    }
}
