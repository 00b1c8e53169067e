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
 * Follows OneID's merges: {@code customer.merged} {survivor, merged, mergeId, rule} moves the merged customer's tags
 * to the survivor; {@code customer.unmerged} {survivor, merged, mergeId} gives them back. The bus takes a
 * comma-separated list of types (kernel-events {@code TypePatterns}); other types are ignored here all the same.
 * Both events have the survivor as subject, so the bus delivers an undo after its merge. Idempotent by event id
 * ({@code tagging_event_seen}, in the same transaction as the move).
 */
@Component(property = {EventSubscriber.ID + "=" + MergeSubscriber.ID,
        EventSubscriber.TYPES + "=customer.merged,customer.unmerged"})
public class MergeSubscriber implements EventSubscriber {

    static final String ID = "tagging.merges";

    private static final Logger LOG = LoggerFactory.getLogger(MergeSubscriber.class);

    private final Tagging tagging;
    private final MergeStore moves = new MergeStore();

    @Activate
    public MergeSubscriber(@Reference Tagging tagging) {
        this.tagging = tagging;
    }

    @Override
    public void onEvent(Event event) {
        boolean merged = event.type().equals("customer.merged");
        if (!merged && !event.type().equals("customer.unmerged")) {
            return;
        }
        JsonNode data = EventJson.read(event.data());
        int survivor = (int) EventJson.number(data, "survivor", event.type());
        int mergedId = (int) EventJson.number(data, "merged", event.type());
        long mergeId = EventJson.number(data, "mergeId", event.type());
        tagging.inTransaction(em -> {
            if (!SeenEvents.first(em, ID, event.id(), tagging.now())) {
                LOG.debug("Event {} ({}) already applied", event.id(), event.type());
                return null;
            }
            int rows = merged
                    ? moves.move(em, mergeId, survivor, mergedId, tagging.now())
                    : moves.restore(em, mergeId, tagging.now());
            TagStore store = tagging.store();
            tagging.changes(em)
                    .replace(survivor, store.tagIds(em, survivor))
                    .replace(mergedId, store.tagIds(em, mergedId));
            LOG.debug("Merge {}: {} {} assignments between customers {} and {}", mergeId,
                    merged ? "moved" : "restored", rows, mergedId, survivor);
            return null;
        });
    }
}
