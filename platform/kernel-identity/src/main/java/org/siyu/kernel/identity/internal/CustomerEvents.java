package org.siyu.kernel.identity.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventBus;

/**
 * The events OneID publishes, all with source {@value #SOURCE}. Published inside the write's transaction, so they
 * commit or roll back with it.
 */
public final class CustomerEvents {

    public static final String SOURCE = "identity";

    private final EventBus bus;

    public CustomerEvents(EventBus bus) {
        this.bus = bus;
    }

    /** {@code customer.created}, subject = the new customer: {@code {"identities":[…],"channel":"…"}}. */
    void created(int customerId, List<String> identities, String channel) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("identities", identities);
        data.put("channel", channel);
        bus.publish(Event.of("customer.created", SOURCE, customerId, Json.object(data)));
    }

    /** {@code customer.merged}, subject = the survivor: {@code {"survivor","merged","mergeId","rule"}}. */
    void merged(int survivor, int merged, long mergeId, String rule) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("survivor", survivor);
        data.put("merged", merged);
        data.put("mergeId", mergeId);
        data.put("rule", rule);
        bus.publish(Event.of("customer.merged", SOURCE, survivor, Json.object(data)));
    }

    /**
     * {@code customer.unmerged}, subject = the survivor (so it is delivered after the merge it undoes):
     * {@code {"survivor","merged","mergeId"}}.
     */
    void unmerged(int survivor, int merged, long mergeId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("survivor", survivor);
        data.put("merged", merged);
        data.put("mergeId", mergeId);
        bus.publish(Event.of("customer.unmerged", SOURCE, survivor, Json.object(data)));
    }

    /**
     * {@code identity.poisoned}, subject = the customer that holds it: {@code {"identity","claims"}}. The identity is
     * masked: it is a shared number or device, not this customer's.
     */
    void poisoned(int holder, String maskedIdentity, int claims) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("identity", maskedIdentity);
        data.put("claims", claims);
        bus.publish(Event.of("identity.poisoned", SOURCE, holder, Json.object(data)));
    }
}
