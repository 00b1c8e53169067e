package org.siyu.kernel.tagging.internal.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventSubscriber;
import org.siyu.kernel.tagging.internal.EventJson;
import org.siyu.kernel.tagging.internal.SeenEvents;
import org.siyu.kernel.tagging.internal.Tagging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Keeps {@code tagging_customer_facts} from the event stream and re-evaluates the system tags of the customers an
 * event touched, in the event's transaction (idempotent by event id through {@code tagging_event_seen}). Facts take
 * the event's {@code time}, never the delivery time, so months of history replayed at once give the same facts as
 * live traffic; the evaluation uses now.
 *
 * <ul>
 *   <li>{@code customer.created}: creation time; channels from {@code identities} ({@code <channel>:<value>}) and
 *       {@code channel};</li>
 *   <li>{@code identity.linked}, and OneID's {@code customer.updated} when it names linked {@code identities}:
 *       channels from {@code identity}, {@code identities} or {@code channel};</li>
 *   <li>{@code customer.owner.changed}: {@code owner} (null clears it);</li>
 *   <li>{@code customer.merged} / {@code customer.unmerged}: the merged customer's facts folded into the survivor's
 *       and back (as far as it can: {@link FactStore#unmerge});</li>
 *   <li>paid order types (configured): an order with its amount, and activity;</li>
 *   <li>engagement types (configured): engagement and activity;</li>
 *   <li>{@code member.*}: a member signal, inactive for types ending in {@code .left}, {@code .cancelled},
 *       {@code .expired} or {@code .deactivated}; activity if an activity type;</li>
 *   <li>other activity types (configured): activity.</li>
 * </ul>
 * Other events, and events without a customer, are ignored without touching the database.
 */
@Component(property = {EventSubscriber.ID + "=" + FactsSubscriber.ID, EventSubscriber.TYPES + "=*"})
public class FactsSubscriber implements EventSubscriber {

    static final String ID = "tagging.facts";

    private static final Logger LOG = LoggerFactory.getLogger(FactsSubscriber.class);
    private static final Set<String> MEMBER_ENDS = Set.of("left", "cancelled", "expired", "deactivated");

    private final Tagging tagging;
    private final SystemTags systemTags;

    @Activate
    public FactsSubscriber(@Reference Tagging tagging, @Reference SystemTags systemTags) {
        this.tagging = tagging;
        this.systemTags = systemTags;
    }

    @Override
    public void onEvent(Event event) {
        String type = event.type();
        if (type.equals("customer.merged") || type.equals("customer.unmerged")) {
            merge(event);
            return;
        }
        Integer subject = event.subject();
        if (subject == null || subject <= 0) {
            return;
        }
        Settings s = systemTags.settings();
        boolean order = s.orderTypes().matches(type);
        boolean engagement = s.engagementTypes().matches(type);
        boolean member = type.startsWith("member.");
        boolean activity = order || engagement || s.activityTypes().matches(type);
        // OneID's customer.updated names the identities a resolution linked to an existing customer (or none, when
        // only traits changed): a channel gained later counts as one it was created with
        boolean linked = type.equals("customer.updated");
        boolean identity = type.equals("customer.created") || type.equals("identity.linked") || linked;
        boolean owner = type.equals("customer.owner.changed");
        if (!(order || engagement || member || activity || identity || owner)) {
            return;
        }
        int customer = subject;
        Instant at = event.time().truncatedTo(ChronoUnit.MICROS);
        JsonNode data = EventJson.read(event.data());
        if (linked && !(order || engagement || member || activity || owner) && channels(data).isEmpty()) {
            return;
        }
        tagging.inTransaction(em -> {
            Instant now = systemTags.now();
            if (!SeenEvents.first(em, ID, event.id(), now)) {
                LOG.debug("Event {} ({}) already applied", event.id(), type);
                return null;
            }
            FactStore store = systemTags.store();
            store.ensure(em, customer, now);
            // The customer was first seen at the earliest of its creation and anything it did: history that arrives
            // later (an import of last year's orders, the demo's months of events) makes nobody "new".
            if (type.equals("customer.created") || order || activity || engagement) {
                store.created(em, customer, at, now);
            }
            if (identity) {
                store.channels(em, customer, channels(data), now);
            }
            if (owner) {
                JsonNode o = data.get("owner");
                store.owner(em, customer, o == null || o.isNull() || o.asString().isBlank() ? null : o.asString(), now);
            }
            if (order) {
                store.order(em, customer, event.id(), at, amountFen(data), now);
            }
            if (engagement) {
                store.engaged(em, customer, at, type, now);
            }
            if (member) {
                store.member(em, customer, at, !MEMBER_ENDS.contains(type.substring(type.lastIndexOf('.') + 1)), now);
            }
            if (activity) {
                store.activity(em, customer, at, type, now);
            }
            systemTags.evaluate(em, List.of(customer));
            return null;
        });
    }

    private void merge(Event event) {
        JsonNode data = EventJson.read(event.data());
        int survivor = (int) EventJson.number(data, "survivor", event.type());
        int merged = (int) EventJson.number(data, "merged", event.type());
        long mergeId = EventJson.number(data, "mergeId", event.type());
        tagging.inTransaction(em -> {
            Instant now = systemTags.now();
            if (!SeenEvents.first(em, ID, event.id(), now)) {
                return null;
            }
            FactStore store = systemTags.store();
            store.ensure(em, survivor, now);
            store.ensure(em, merged, now);
            if (event.type().equals("customer.merged")) {
                store.merge(em, mergeId, survivor, merged, now);
            } else {
                store.unmerge(em, mergeId, survivor, merged, now);
            }
            systemTags.evaluate(em, List.of(survivor, merged));
            return null;
        });
    }

    /** The channels an identity event names: {@code identities} and {@code identity} values, and {@code channel}. */
    static List<String> channels(JsonNode data) {
        List<String> identities = new ArrayList<>();
        JsonNode list = data.get("identities");
        if (list != null && list.isArray()) {
            list.forEach(i -> identities.add(i.asString()));
        }
        JsonNode one = data.get("identity");
        if (one != null && one.isString()) {
            identities.add(one.asString());
        }
        List<String> channels = new ArrayList<>(SystemTags.channels(identities));
        JsonNode channel = data.get("channel");
        if (channel != null && channel.isString() && !channel.asString().isBlank()) {
            channels.add(channel.asString().strip());
        }
        return channels;
    }

    /**
     * The order's amount in fen: {@code amountFen} or {@code totalFen} (whole fen), else {@code amount} or
     * {@code total} (yuan, rounded half up to the fen); 0 when none is there (the order still counts).
     */
    static long amountFen(JsonNode data) {
        for (String field : List.of("amountFen", "totalFen")) {
            JsonNode n = data.get(field);
            if (n != null && n.isNumber()) {
                return n.asLong();
            }
        }
        for (String field : List.of("amount", "total")) {
            JsonNode n = data.get(field);
            if (n != null && (n.isNumber() || n.isString())) {
                try {
                    return new BigDecimal(n.asString().strip()).movePointRight(2).setScale(0, RoundingMode.HALF_UP)
                            .longValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    LOG.debug("Order amount '{}' in field {} is not a number; counted as 0", n, field);
                }
            }
        }
        return 0;
    }
}
