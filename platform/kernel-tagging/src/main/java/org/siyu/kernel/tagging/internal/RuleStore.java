package org.siyu.kernel.tagging.internal;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/** Rules and their hits ({@code tagging_rule}, {@code tagging_rule_hit}). */
final class RuleStore {

    List<Rule> enabled(EntityManager em) {
        return em.createQuery("select r from RuleEntity r where r.enabled = true order by r.id", RuleEntity.class)
                .getResultStream().map(RuleEntity::rule).toList();
    }

    /**
     * Records that the event counted for the rule and customer.
     *
     * @return false if it was recorded before (a repeated delivery)
     */
    boolean hit(EntityManager em, int rule, int customer, String eventId, Instant at) {
        Number seen = (Number) em.createNativeQuery("select count(*) from tagging_rule_hit"
                        + " where rule_id = :r and customer_id = :c and event_id = :e")
                .setParameter("r", rule).setParameter("c", customer).setParameter("e", eventId)
                .getSingleResult();
        if (seen.longValue() > 0) {
            return false;
        }
        em.createNativeQuery("insert into tagging_rule_hit (rule_id, customer_id, event_id, hit_at)"
                        + " values (:r, :c, :e, :at)")
                .setParameter("r", rule).setParameter("c", customer).setParameter("e", eventId).setParameter("at", at)
                .executeUpdate();
        return true;
    }

    /** The times of the customer's hits of the rule within [from, to], oldest first. */
    List<Instant> hits(EntityManager em, int rule, int customer, Instant from, Instant to) {
        List<?> rows = em.createNativeQuery("select hit_at from tagging_rule_hit where rule_id = :r"
                        + " and customer_id = :c and hit_at >= :from and hit_at <= :to order by hit_at")
                .setParameter("r", rule).setParameter("c", customer).setParameter("from", from).setParameter("to", to)
                .getResultList();
        return rows.stream().map(Times::instant).toList();
    }

    /** Forgets the customer's hits of the rule older than {@code before}: they can no longer complete a window. */
    void prune(EntityManager em, int rule, int customer, Instant before) {
        em.createNativeQuery("delete from tagging_rule_hit where rule_id = :r and customer_id = :c and hit_at < :b")
                .setParameter("r", rule).setParameter("c", customer).setParameter("b", before)
                .executeUpdate();
    }
}
