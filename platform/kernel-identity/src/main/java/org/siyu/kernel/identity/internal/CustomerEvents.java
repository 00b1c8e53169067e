package org.siyu.kernel.identity.internal;

import java.util.ArrayList;
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
    /** The events of a running {@code resolveAll} on this thread: published together, in order, at its end. */
    private final ThreadLocal<List<Event>> batch = new ThreadLocal<>();

    public CustomerEvents(EventBus bus) {
        this.bus = bus;
    }

    /** From now on this thread's events are held until {@link #publishBatch}; {@link #endBatch} drops them. */
    void startBatch() {
        batch.set(new ArrayList<>());
    }

    /** Publishes the held events with one {@link EventBus#publishAll} (one batch of inserts into the outbox). */
    void publishBatch() {
        List<Event> held = batch.get();
        if (held != null && !held.isEmpty()) {
            bus.publishAll(List.copyOf(held));
            held.clear();
        }
    }

    void endBatch() {
        batch.remove();
    }

    private void publish(Event event) {
        List<Event> held = batch.get();
        if (held != null) {
            held.add(event);
        } else {
            bus.publish(event);
        }
    }

    /** {@code customer.created}, subject = the new customer: {@code {"identities":[…],"channel":"…"}}. */
    void created(int customerId, List<String> identities, String channel) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("identities", identities);
        data.put("channel", channel);
        publish(Event.of("customer.created", SOURCE, customerId, Json.object(data)));
    }

    /** {@code customer.merged}, subject = the survivor: {@code {"survivor","merged","mergeId","rule"}}. */
    void merged(int survivor, int merged, long mergeId, String rule) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("survivor", survivor);
        data.put("merged", merged);
        data.put("mergeId", mergeId);
        data.put("rule", rule);
        publish(Event.of("customer.merged", SOURCE, survivor, Json.object(data)));
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
        publish(Event.of("customer.unmerged", SOURCE, survivor, Json.object(data)));
    }

    /**
     * {@code customer.split}, subject = the customer the identities left (so it is delivered after what linked them):
     * {@code {"from","to","splitId","created","identities"}} (to: the customer they moved to; created: whether the
     * split created it, which then also has its {@code customer.created}; identities: how many moved).
     */
    void split(int from, int to, long splitId, boolean created, int identities) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", from);
        data.put("to", to);
        data.put("splitId", splitId);
        data.put("created", created);
        data.put("identities", identities);
        publish(Event.of("customer.split", SOURCE, from, Json.object(data)));
    }

    /**
     * {@code identity.poisoned}, subject = the customer that holds it: {@code {"identity","claims"}}. The identity is
     * masked: it is a shared number or device, not this customer's.
     */
    void poisoned(int holder, String maskedIdentity, int claims) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("identity", maskedIdentity);
        data.put("claims", claims);
        publish(Event.of("identity.poisoned", SOURCE, holder, Json.object(data)));
    }

    /**
     * {@code customer.updated}, subject = the customer, when a resolution linked new identities to an existing
     * customer or changed its traits: {@code {"identities":[new keys],"traits":[changed names]}}.
     */
    void updated(int customerId, List<String> identities, List<String> traits) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("identities", identities);
        data.put("traits", traits);
        publish(Event.of("customer.updated", SOURCE, customerId, Json.object(data)));
    }

    /** {@code customer.owner.changed}, subject = the customer: {@code {"owner","previous","actor"}} (owners may be null). */
    void ownerChanged(int customerId, String owner, String previous, String actor) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("owner", owner);
        data.put("previous", previous);
        data.put("actor", actor);
        publish(Event.of("customer.owner.changed", SOURCE, customerId, Json.object(data)));
    }
}
