package org.siyu.kernel.org.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records who changed what. The SDK has no audit service (the host's audit log is not offered to bundles), so a
 * change is published, when the event bus is there, as an event without a subject in the caller's transaction: a
 * durable record that commits or rolls back with the change ({@code org.unit.saved}, {@code org.staff.saved},
 * {@code org.account.linked}; data {@code {"target","actor","before","after"}}). Once the transaction has committed
 * the line goes to the {@code siyu.audit} logger at INFO, the channel the host mirrors its own audit entries to
 * ({@link #log}); a rolled-back change is not logged.
 */
final class OrgAudit {

    static final String EVENT_SOURCE = "org";

    private static final Logger AUDIT = LoggerFactory.getLogger("siyu.audit");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OrgAudit() {
    }

    /** Publishes the record (if there is a bus) and returns the line to log after the commit. */
    static String record(EventBus bus, String type, String target, String actor, Object before, Object after,
            Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("target", target);
        data.put("actor", actor);
        data.put("before", before);
        data.put("after", after);
        String json = JSON.writeValueAsString(data);
        if (bus != null) {
            bus.publish(new Event(0, UUID.randomUUID().toString(), type, EVENT_SOURCE, null, at, json));
        }
        return actor + " " + type + " " + target + " " + json;
    }

    static void log(String line) {
        AUDIT.info(line);
    }
}
