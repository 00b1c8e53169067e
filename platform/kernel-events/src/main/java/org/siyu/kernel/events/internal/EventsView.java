package org.siyu.kernel.events.internal;

import com.vaadin.flow.component.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;

/** The navigator node "Event bus › Events": the newest events on the bus. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
public class EventsView extends BusView {

    private final EventBusService bus;

    @Activate
    public EventsView(@Reference EventBusService bus) {
        super("events.tail", Text.of("Events", "事件"), "EXCHANGE");
        this.bus = bus;
    }

    @Override
    public Component createView(ViewContext context) {
        return new EventTailView(bus, context);
    }
}
