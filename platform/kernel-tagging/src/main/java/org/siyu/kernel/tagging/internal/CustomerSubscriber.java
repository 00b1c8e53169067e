package org.siyu.kernel.tagging.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Keeps the universe of segment expressions ({@code tagging_customer}, so that {@code NOT tag:x} counts customers
 * without tags too): {@code customer.created} (subject = the customer) adds it, {@code customer.merged}
 * {survivor, merged, mergeId, rule} takes the merged customer out, {@code customer.unmerged} {survivor, merged,
 * mergeId} puts it back. Idempotent by event id ({@code tagging_event_seen}, in the same transaction); the index
 * changes after the commit. A creation never re-activates a customer already merged away, so a merge applied before
 * the creation (they have different subjects) still wins. The tags themselves move with {@link MergeSubscriber}.
 */
@Component(property = {EventSubscriber.ID + "=" + CustomerSubscriber.ID,
        EventSubscriber.TYPES + "=customer.created,customer.merged,customer.unmerged"})
public class CustomerSubscriber implements EventSubscriber {

    static final String ID = "tagging.customers";

    private static final Logger LOG = LoggerFactory.getLogger(CustomerSubscriber.class);

    private final Tagging tagging;

    @Activate
    public CustomerSubscriber(@Reference Tagging tagging) {
        this.tagging = tagging;
    }

    @Override
    public void onEvent(Event event) {
        int customer;
        Boolean active; // null: add only if unknown
        switch (event.type()) {
            case "customer.created" -> {
                if (event.subject() == null || event.subject() <= 0) {
                    throw new IllegalArgumentException("customer.created: the subject (customer id) is missing");
                }
                customer = event.subject();
                active = null;
            }
            case "customer.merged", "customer.unmerged" -> {
                JsonNode data = EventJson.read(event.data());
                customer = (int) EventJson.number(data, "merged", event.type());
                active = event.type().equals("customer.unmerged");
            }
            default -> {
                return;
            }
        }
        tagging.inTransaction(em -> {
            if (!SeenEvents.first(em, ID, event.id(), tagging.now())) {
                LOG.debug("Event {} ({}) already applied", event.id(), event.type());
                return null;
            }
            TagStore store = tagging.store();
            if (active == null) {
                if (store.addCustomer(em, customer)) {
                    tagging.changes(em).activate(customer);
                }
            } else {
                store.setCustomerActive(em, customer, active);
                tagging.changes(em).status(customer, active);
            }
            return null;
        });
    }
}
