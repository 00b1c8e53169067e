package org.siyu.kernel.events.internal;

import org.siyu.api.i18n.Text;
import org.siyu.api.ui.Perspective;
import org.siyu.api.ui.ViewContribution;

/**
 * What the event bus's navigator nodes share: the group "Event bus" in the Developer perspective, behind
 * {@link EventsPermissions#VIEW}. A subclass names its node and builds its view; it declares
 * {@code service = ViewContribution.class} on its component, since DS takes only the directly implemented
 * interfaces as services by default.
 */
abstract class BusView implements ViewContribution {

    private final String id;
    private final Text title;
    private final String icon;

    BusView(String id, Text title, String icon) {
        this.id = id;
        this.title = title;
        this.icon = icon;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Text title() {
        return title;
    }

    @Override
    public final Text group() {
        return EventsUi.GROUP;
    }

    @Override
    public final String icon() {
        return icon;
    }

    @Override
    public final Perspective perspective() {
        return Perspective.DEVELOPER;
    }

    @Override
    public final String permission() {
        return EventsPermissions.VIEW;
    }
}
