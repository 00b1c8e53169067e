package org.siyu.kernel.events.internal;

import com.vaadin.flow.component.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.Perspective;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;

/** The navigator node "Event bus › Events": the newest events on the bus. */
@org.osgi.service.component.annotations.Component
public class EventsView implements ViewContribution {

    private final EventBusService bus;

    @Activate
    public EventsView(@Reference EventBusService bus) {
        this.bus = bus;
    }

    @Override
    public String id() {
        return "events.tail";
    }

    @Override
    public Text title() {
        return Text.of("Events", "事件");
    }

    @Override
    public Text group() {
        return EventsUi.GROUP;
    }

    @Override
    public String icon() {
        return "EXCHANGE";
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
        return new EventTailView(bus, context);
    }
}
