package org.siyu.membership.internal;

import jakarta.persistence.EntityManager;
import java.time.Instant;

/** What a handler has applied ({@code mb_seen}), recorded in the handler's transaction so a rollback forgets it. */
public final class Seen {

    private Seen() {
    }

    /**
     * Records {@code key} in {@code scope}.
     *
     * @return false if it was recorded before
     */
    public static boolean first(EntityManager em, String scope, String key, Instant now) {
        Number seen = (Number) em.createNativeQuery("select count(*) from mb_seen where scope = :s and seen_key = :k")
                .setParameter("s", scope).setParameter("k", key).getSingleResult();
        if (seen.longValue() > 0) {
            return false;
        }
        em.createNativeQuery("insert into mb_seen (scope, seen_key, seen_at) values (:s, :k, :at)")
                .setParameter("s", scope).setParameter("k", key).setParameter("at", now).executeUpdate();
        return true;
    }
}
