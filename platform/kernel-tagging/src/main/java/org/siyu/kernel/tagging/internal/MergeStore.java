package org.siyu.kernel.tagging.internal;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * Moves a merged customer's assignments to the survivor, recording each in {@code tagging_moved}, and gives them
 * back when the merge is undone. Each assignment keeps its source, evidence and time.
 */
final class MergeStore {

    /** @return how many assignments the merged customer had */
    int move(EntityManager em, long mergeId, int survivor, int merged, Instant now) {
        List<?> rows = em.createNativeQuery("select tag_id, source, evidence, assigned_at from tagging_assignment"
                        + " where customer_id = :m")
                .setParameter("m", merged)
                .getResultList();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            int tag = ((Number) r[0]).intValue();
            String source = (String) r[1];
            Instant at = Times.instant(r[3]);
            boolean survivorHad = exists(em, survivor, tag, source);
            em.createNativeQuery("insert into tagging_moved (merge_id, merged_id, survivor_id, tag_id, source, evidence,"
                            + " assigned_at, survivor_had, moved_at) values (:id, :m, :s, :t, :src, :e, :at, :had, :now)")
                    .setParameter("id", mergeId).setParameter("m", merged).setParameter("s", survivor)
                    .setParameter("t", tag).setParameter("src", source).setParameter("e", r[2])
                    .setParameter("at", at).setParameter("had", survivorHad).setParameter("now", now)
                    .executeUpdate();
            if (!survivorHad) {
                insert(em, survivor, tag, source, (String) r[2], at);
            }
        }
        em.createNativeQuery("delete from tagging_assignment where customer_id = :m")
                .setParameter("m", merged)
                .executeUpdate();
        return rows.size();
    }

    /**
     * Gives the merged customer back what {@code mergeId} moved, and takes from the survivor what the move added
     * (only rows that are still the moved ones: same tag, source and time).
     *
     * @return how many assignments were given back
     */
    int restore(EntityManager em, long mergeId, Instant now) {
        List<?> rows = em.createNativeQuery("select merged_id, survivor_id, tag_id, source, evidence, assigned_at,"
                        + " survivor_had from tagging_moved where merge_id = :id and restored_at is null")
                .setParameter("id", mergeId)
                .getResultList();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            int merged = ((Number) r[0]).intValue();
            int survivor = ((Number) r[1]).intValue();
            int tag = ((Number) r[2]).intValue();
            String source = (String) r[3];
            Instant at = Times.instant(r[5]);
            if (!exists(em, merged, tag, source)) {
                insert(em, merged, tag, source, (String) r[4], at);
            }
            if (!(Boolean) r[6]) {
                em.createNativeQuery("delete from tagging_assignment where customer_id = :s and tag_id = :t"
                                + " and source = :src and assigned_at = :at")
                        .setParameter("s", survivor).setParameter("t", tag).setParameter("src", source)
                        .setParameter("at", at)
                        .executeUpdate();
            }
        }
        em.createNativeQuery("update tagging_moved set restored_at = :now where merge_id = :id and restored_at is null")
                .setParameter("now", now).setParameter("id", mergeId)
                .executeUpdate();
        return rows.size();
    }

    private static boolean exists(EntityManager em, int customer, int tag, String source) {
        Number n = (Number) em.createNativeQuery("select count(*) from tagging_assignment"
                        + " where customer_id = :c and tag_id = :t and source = :s")
                .setParameter("c", customer).setParameter("t", tag).setParameter("s", source)
                .getSingleResult();
        return n.longValue() > 0;
    }

    private static void insert(EntityManager em, int customer, int tag, String source, String evidence, Instant at) {
        em.createNativeQuery("insert into tagging_assignment (customer_id, tag_id, source, evidence, assigned_at)"
                        + " values (:c, :t, :s, :e, :at)")
                .setParameter("c", customer).setParameter("t", tag).setParameter("s", source)
                .setParameter("e", evidence).setParameter("at", at)
                .executeUpdate();
    }
}
