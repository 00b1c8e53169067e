package org.siyu.kernel.tagging.internal;

import jakarta.persistence.EntityManager;
import java.time.Instant;

/** Which events a subscriber has applied ({@code tagging_event_seen}): delivery is at least once. */
public final class SeenEvents {

    private SeenEvents() {
    }

    /**
     * Records that {@code subscriber} applies {@code eventId} in {@code em}'s transaction (so a rollback forgets it).
     *
     * @return false if it was applied before
     */
    public static boolean first(EntityManager em, String subscriber, String eventId, Instant now) {
        Number seen = (Number) em.createNativeQuery(
                        "select count(*) from tagging_event_seen where subscriber = :s and event_id = :e")
                .setParameter("s", subscriber).setParameter("e", eventId)
                .getSingleResult();
        if (seen.longValue() > 0) {
            return false;
        }
        em.createNativeQuery("insert into tagging_event_seen (subscriber, event_id, seen_at) values (:s, :e, :at)")
                .setParameter("s", subscriber).setParameter("e", eventId).setParameter("at", now)
                .executeUpdate();
        return true;
    }
}
