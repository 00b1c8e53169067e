package org.siyu.kernel.tagging.internal.system;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.query.NativeQuery;
import org.siyu.kernel.tagging.internal.Times;

/**
 * The SQL of {@code tagging_customer_facts} and {@code tagging_customer_order}. Every method works in the caller's
 * transaction. Time updates keep the later time (the earlier for the creation), so the order in which events arrive
 * does not matter.
 */
final class FactStore {

    /** Adds an empty row for the customer unless there is one. */
    void ensure(EntityManager em, int customer, Instant now) {
        em.createNativeQuery("insert into tagging_customer_facts (customer_id, orders_total, merged_into, updated_at)"
                        + " select :c, 0, 0, :now where not exists"
                        + " (select 1 from tagging_customer_facts where customer_id = :c)")
                .setParameter("c", customer).setParameter("now", now)
                .executeUpdate();
    }

    void created(EntityManager em, int customer, Instant at, Instant now) {
        update(em, "created_at = :t", "(created_at is null or created_at > :t)", customer, at, null, now);
    }

    void activity(EntityManager em, int customer, Instant at, String type, Instant now) {
        update(em, "last_activity_at = :t, last_activity = :x",
                "(last_activity_at is null or last_activity_at < :t)", customer, at, type, now);
    }

    void engaged(EntityManager em, int customer, Instant at, String type, Instant now) {
        update(em, "last_engaged_at = :t, last_engaged = :x", "(last_engaged_at is null or last_engaged_at < :t)",
                customer, at, type, now);
    }

    void member(EntityManager em, int customer, Instant at, boolean active, Instant now) {
        em.createNativeQuery("update tagging_customer_facts set member_active = :a, member_at = :t, updated_at = :now"
                        + " where customer_id = :c and (member_at is null or member_at <= :t)")
                .setParameter("a", active).setParameter("t", at).setParameter("now", now).setParameter("c", customer)
                .executeUpdate();
    }

    void owner(EntityManager em, int customer, String owner, Instant now) {
        sql(em, "update tagging_customer_facts set owner = :o, updated_at = :now where customer_id = :c")
                .setParameter("o", owner, String.class).setParameter("now", now).setParameter("c", customer)
                .executeUpdate();
    }

    void mergedInto(EntityManager em, int customer, int survivor, Instant now) {
        em.createNativeQuery("update tagging_customer_facts set merged_into = :s, updated_at = :now"
                        + " where customer_id = :c")
                .setParameter("s", survivor).setParameter("now", now).setParameter("c", customer)
                .executeUpdate();
    }

    /** Adds the channels to the customer's; returns whether any was new. */
    boolean channels(EntityManager em, int customer, Collection<String> channels, Instant now) {
        List<?> current = em.createNativeQuery("select channels from tagging_customer_facts where customer_id = :c")
                .setParameter("c", customer).getResultList();
        Set<String> known = current.isEmpty() ? new TreeSet<>() : split((String) current.getFirst());
        if (known.containsAll(channels)) {
            return false;
        }
        known.addAll(channels);
        setChannels(em, customer, known, now);
        return true;
    }

    /**
     * Replaces the customer's channels, owner and merge status with what OneID says; the first-seen time moves only
     * earlier (OneID's creation time can be later than the customer's first event).
     */
    void identity(EntityManager em, int customer, Set<String> channels, String owner, Instant createdAt,
            int mergedInto, Instant now) {
        sql(em, "update tagging_customer_facts set channels = :ch, owner = :o, merged_into = :m,"
                        + " created_at = case when created_at is null or created_at > :t then :t else created_at end,"
                        + " updated_at = :now where customer_id = :c")
                .setParameter("ch", join(channels), String.class).setParameter("o", owner, String.class)
                .setParameter("m", mergedInto).setParameter("t", createdAt, Instant.class).setParameter("now", now).setParameter("c", customer)
                .executeUpdate();
    }

    /**
     * Records a paid order (once per event id) and moves the customer's order facts.
     *
     * @return false if the order was recorded before
     */
    boolean order(EntityManager em, int customer, String eventId, Instant paidAt, long amountFen, Instant now) {
        int added = em.createNativeQuery("insert into tagging_customer_order"
                        + " (customer_id, event_id, paid_at, amount_fen, via_merge)"
                        + " select :c, :e, :t, :a, 0 where not exists"
                        + " (select 1 from tagging_customer_order where customer_id = :c and event_id = :e)")
                .setParameter("c", customer).setParameter("e", eventId).setParameter("t", paidAt)
                .setParameter("a", amountFen)
                .executeUpdate();
        if (added == 0) {
            return false;
        }
        em.createNativeQuery("update tagging_customer_facts set orders_total = orders_total + 1,"
                        + " first_order_at = case when first_order_at is null or first_order_at > :t then :t"
                        + " else first_order_at end,"
                        + " last_order_at = case when last_order_at is null or last_order_at < :t then :t"
                        + " else last_order_at end,"
                        + " updated_at = :now where customer_id = :c")
                .setParameter("t", paidAt).setParameter("now", now).setParameter("c", customer)
                .executeUpdate();
        return true;
    }

    /**
     * Folds the merged customer's facts into the survivor's: the earliest creation, the latest times, the order
     * count added, channels joined, the survivor's owner (the merged one's if it has none); copies its recent
     * orders, marked with the merge so that an undo takes them back. Marks the merged customer merged.
     */
    void merge(EntityManager em, long mergeId, int survivor, int merged, Instant now) {
        Map<Integer, Row> rows = rows(em, List.of(survivor, merged));
        Row s = rows.get(survivor);
        Row m = rows.get(merged);
        if (m != null) {
            Row joined = s == null ? m : s.fold(m);
            sql(em, "update tagging_customer_facts set created_at = :cr, last_activity_at = :la,"
                            + " last_activity = :lat, last_engaged_at = :le, last_engaged = :let,"
                            + " first_order_at = :fo, last_order_at = :lo, orders_total = :n, channels = :ch,"
                            + " owner = :o, member_active = :ma, member_at = :mt, updated_at = :now"
                            + " where customer_id = :c")
                    .setParameter("cr", joined.createdAt, Instant.class)
                    .setParameter("la", joined.lastActivityAt, Instant.class)
                    .setParameter("lat", joined.lastActivity, String.class)
                    .setParameter("le", joined.lastEngagedAt, Instant.class)
                    .setParameter("let", joined.lastEngaged, String.class)
                    .setParameter("fo", joined.firstOrderAt, Instant.class)
                    .setParameter("lo", joined.lastOrderAt, Instant.class).setParameter("n", joined.ordersTotal)
                    .setParameter("ch", join(joined.channels), String.class)
                    .setParameter("o", joined.owner, String.class)
                    .setParameter("ma", joined.memberActive, Boolean.class)
                    .setParameter("mt", joined.memberAt, Instant.class)
                    .setParameter("now", now).setParameter("c", survivor)
                    .executeUpdate();
        }
        em.createNativeQuery("insert into tagging_customer_order (customer_id, event_id, paid_at, amount_fen, via_merge)"
                        + " select :s, o.event_id, o.paid_at, o.amount_fen, :m from tagging_customer_order o"
                        + " where o.customer_id = :g and not exists (select 1 from tagging_customer_order x"
                        + " where x.customer_id = :s and x.event_id = o.event_id)")
                .setParameter("s", survivor).setParameter("m", mergeId).setParameter("g", merged)
                .executeUpdate();
        mergedInto(em, merged, survivor, now);
    }

    /**
     * Undoes {@link #merge} as far as it can: the copied orders leave the survivor (and its order count), the merged
     * customer is live again. The survivor keeps the merged customer's times and channels until the next
     * re-evaluation reads them from OneID.
     */
    void unmerge(EntityManager em, long mergeId, int survivor, int merged, Instant now) {
        int removed = em.createNativeQuery("delete from tagging_customer_order where customer_id = :s and via_merge = :m")
                .setParameter("s", survivor).setParameter("m", mergeId)
                .executeUpdate();
        em.createNativeQuery("update tagging_customer_facts set orders_total = case when orders_total > :n"
                        + " then orders_total - :n else 0 end, updated_at = :now where customer_id = :s")
                .setParameter("n", removed).setParameter("now", now).setParameter("s", survivor)
                .executeUpdate();
        mergedInto(em, merged, 0, now);
    }

    /** Forgets paid orders at or before {@code before}; returns how many. */
    int prune(EntityManager em, Instant before) {
        return em.createNativeQuery("delete from tagging_customer_order where paid_at <= :t")
                .setParameter("t", before).executeUpdate();
    }

    /**
     * The facts of these customers, with their orders after {@code ordersSince}. A customer is live unless
     * {@code tagging_customer} says merged away or its facts say merged into another; a customer without a facts
     * row gets {@link Facts#none}.
     */
    Map<Integer, Facts> load(EntityManager em, Collection<Integer> customers, Instant ordersSince) {
        Map<Integer, Row> rows = rows(em, customers);
        Set<Integer> mergedAway = new HashSet<>();
        for (Object id : em.createNativeQuery("select customer_id from tagging_customer where customer_id in (:ids)"
                        + " and active = FALSE").setParameter("ids", customers).getResultList()) {
            mergedAway.add(((Number) id).intValue());
        }
        Map<Integer, List<Facts.Order>> orders = new HashMap<>();
        for (Object o : em.createNativeQuery("select customer_id, paid_at, amount_fen from tagging_customer_order"
                        + " where customer_id in (:ids) and paid_at > :t")
                .setParameter("ids", customers).setParameter("t", ordersSince).getResultList()) {
            Object[] r = (Object[]) o;
            orders.computeIfAbsent(((Number) r[0]).intValue(), k -> new ArrayList<>())
                    .add(new Facts.Order(Times.instant(r[1]), ((Number) r[2]).longValue()));
        }
        Map<Integer, Facts> facts = new HashMap<>();
        for (int c : customers) {
            Row row = rows.get(c);
            boolean live = !mergedAway.contains(c) && (row == null || row.mergedInto == 0);
            facts.put(c, row == null ? Facts.none(c, live) : new Facts(c, live, row.createdAt, row.lastActivityAt,
                    row.lastActivity, row.lastEngagedAt, row.lastEngaged, row.firstOrderAt, row.lastOrderAt,
                    row.ordersTotal, row.channels, row.owner, row.memberActive, row.memberAt,
                    orders.getOrDefault(c, List.of())));
        }
        return facts;
    }

    /** The names of the system tags (groups {@link SystemTagRules#GROUPS}) each customer holds from {@code system}. */
    Map<Integer, Set<String>> systemTags(EntityManager em, Collection<Integer> customers) {
        Map<Integer, Set<String>> tags = new HashMap<>();
        for (Object o : em.createNativeQuery("select a.customer_id, t.name from tagging_assignment a"
                        + " join tagging_tag t on t.id = a.tag_id where a.source = 'system'"
                        + " and t.group_name in (:groups) and a.customer_id in (:ids)")
                .setParameter("groups", SystemTagRules.GROUPS).setParameter("ids", customers).getResultList()) {
            Object[] r = (Object[]) o;
            tags.computeIfAbsent(((Number) r[0]).intValue(), k -> new HashSet<>()).add((String) r[1]);
        }
        return tags;
    }

    /** Up to {@code limit} customer ids above {@code after}: every row of {@code tagging_customer} or of the facts. */
    List<Integer> customersAfter(EntityManager em, int after, int limit) {
        List<?> ids = em.createNativeQuery("select customer_id from tagging_customer where customer_id > :a"
                        + " union select customer_id from tagging_customer_facts where customer_id > :a"
                        + " order by 1")
                .setParameter("a", after).setMaxResults(limit).getResultList();
        return ids.stream().map(id -> ((Number) id).intValue()).toList();
    }

    /** How many customers {@link #customersAfter} walks through. */
    long customerCount(EntityManager em) {
        return ((Number) em.createNativeQuery("select count(*) from (select customer_id from tagging_customer"
                + " union select customer_id from tagging_customer_facts) u").getSingleResult()).longValue();
    }

    private void update(EntityManager em, String set, String when, int customer, Instant at, String type,
            Instant now) {
        NativeQuery<?> query = sql(em, "update tagging_customer_facts set " + set + ", updated_at = :now"
                        + " where customer_id = :c and " + when)
                .setParameter("t", at).setParameter("now", now).setParameter("c", customer);
        if (set.contains(":x")) {
            query.setParameter("x", type, String.class);
        }
        query.executeUpdate();
    }

    private void setChannels(EntityManager em, int customer, Set<String> channels, Instant now) {
        sql(em, "update tagging_customer_facts set channels = :ch, updated_at = :now where customer_id = :c")
                .setParameter("ch", join(channels), String.class).setParameter("now", now).setParameter("c", customer)
                .executeUpdate();
    }

    private Map<Integer, Row> rows(EntityManager em, Collection<Integer> customers) {
        Map<Integer, Row> rows = new HashMap<>();
        for (Object o : em.createNativeQuery("select customer_id, created_at, last_activity_at, last_activity,"
                        + " last_engaged_at, last_engaged, first_order_at, last_order_at, orders_total, channels,"
                        + " owner, member_active, member_at, merged_into from tagging_customer_facts"
                        + " where customer_id in (:ids)")
                .setParameter("ids", customers).getResultList()) {
            Object[] r = (Object[]) o;
            rows.put(((Number) r[0]).intValue(), new Row(Times.instant(r[1]), Times.instant(r[2]), (String) r[3],
                    Times.instant(r[4]), (String) r[5], Times.instant(r[6]), Times.instant(r[7]),
                    ((Number) r[8]).intValue(), split((String) r[9]), (String) r[10], (Boolean) r[11],
                    Times.instant(r[12]), ((Number) r[13]).intValue()));
        }
        return rows;
    }

    /** A native query whose parameters can be bound with their type: PostgreSQL needs it for nulls. */
    private static NativeQuery<?> sql(EntityManager em, String sql) {
        return em.createNativeQuery(sql).unwrap(NativeQuery.class);
    }

    static Set<String> split(String channels) {
        Set<String> set = new TreeSet<>();
        if (channels != null) {
            Arrays.stream(channels.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(set::add);
        }
        return set;
    }

    private static String join(Set<String> channels) {
        String joined = String.join(",", new TreeSet<>(channels));
        return joined.isEmpty() ? null : joined.length() > 500 ? joined.substring(0, 500) : joined;
    }

    /** A facts row as stored. */
    private record Row(Instant createdAt, Instant lastActivityAt, String lastActivity, Instant lastEngagedAt,
            String lastEngaged, Instant firstOrderAt, Instant lastOrderAt, int ordersTotal, Set<String> channels,
            String owner, Boolean memberActive, Instant memberAt, int mergedInto) {

        /** This (the survivor's) row with the merged customer's folded in. */
        Row fold(Row m) {
            boolean mActivity = later(m.lastActivityAt, lastActivityAt);
            boolean mEngaged = later(m.lastEngagedAt, lastEngagedAt);
            boolean mMember = later(m.memberAt, memberAt);
            Set<String> both = new TreeSet<>(channels);
            both.addAll(m.channels);
            return new Row(earlier(createdAt, m.createdAt), mActivity ? m.lastActivityAt : lastActivityAt,
                    mActivity ? m.lastActivity : lastActivity, mEngaged ? m.lastEngagedAt : lastEngagedAt,
                    mEngaged ? m.lastEngaged : lastEngaged, earlier(firstOrderAt, m.firstOrderAt),
                    later(m.lastOrderAt, lastOrderAt) ? m.lastOrderAt : lastOrderAt, ordersTotal + m.ordersTotal,
                    both, owner != null ? owner : m.owner, mMember ? m.memberActive : memberActive,
                    mMember ? m.memberAt : memberAt, mergedInto);
        }

        private static boolean later(Instant a, Instant b) {
            return a != null && (b == null || a.isAfter(b));
        }

        private static Instant earlier(Instant a, Instant b) {
            if (a == null) {
                return b;
            }
            return b == null || a.isBefore(b) ? a : b;
        }
    }
}
