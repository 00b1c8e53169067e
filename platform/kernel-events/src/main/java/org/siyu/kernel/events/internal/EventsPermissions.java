package org.siyu.kernel.events.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.siyu.api.i18n.Text;
import org.siyu.api.security.Permission;
import org.siyu.api.security.PermissionProvider;
import org.siyu.api.security.Role;

/** The event bus's permissions; all need an operator, since events carry customers' personal data. */
@Component
public class EventsPermissions implements PermissionProvider {

    /** See the event tail and the dead letters. */
    static final String VIEW = "events.view";
    /** Send events through the ingestion API. */
    static final String INGEST = "events.ingest";
    /** Replay dead letters and reset subscribers. */
    static final String REPLAY = "events.replay";

    @Override
    public List<Permission> permissions() {
        return List.of(
                new Permission(VIEW, Text.of("See events and dead letters", "查看事件和死信"), Role.OPERATOR),
                new Permission(INGEST, Text.of("Send events through the API", "通过 API 写入事件"), Role.OPERATOR),
                new Permission(REPLAY, Text.of("Replay dead letters, reset subscribers", "重放死信、重置订阅者"),
                        Role.OPERATOR));
    }
}
