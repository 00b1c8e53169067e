package org.siyu.kernel.tagging.internal;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;
import org.siyu.api.tags.TagAssignment;

/**
 * The SQL of tags and assignments. Every method works in the caller's transaction ({@code em}); none commits.
 * Assignments are plain SQL rather than entities: their key is composite and merges move them in bulk.
 */
final class TagStore {

    Optional<TagDef> findTag(EntityManager em, String name) {
        return em.createQuery("select t from TagEntity t where t.name = :name", TagEntity.class)
                .setParameter("name", name)
                .getResultStream().findFirst().map(TagEntity::def);
    }

    TagDef createTag(EntityManager em, String name, String group, Instant now) {
        TagEntity tag = new TagEntity(name, group, now);
        em.persist(tag);
        em.flush(); // assigns the id, and the assignment's foreign key needs the row
        return tag.def();
    }

    TagDef createTag(EntityManager em, String name, String group, Instant now, String titleEn, String titleZh) {
        TagEntity tag = new TagEntity(name, group, now);
        tag.titles(titleEn, titleZh);
        em.persist(tag);
        em.flush();
        return tag.def();
    }

    /** Sets the titles of the tag called {@code name}; empty if there is none. */
    Optional<TagDef> retitle(EntityManager em, String name, String titleEn, String titleZh) {
        return em.createQuery("select t from TagEntity t where t.name = :name", TagEntity.class)
                .setParameter("name", name)
                .getResultStream().findFirst().map(t -> {
                    t.titles(titleEn, titleZh);
                    return t.def();
                });
    }

    List<TagGroup> groups(EntityManager em) {
        List<?> rows = em.createNativeQuery("select name, title_en, title_zh, is_system from tagging_group"
                + " order by is_system desc, name").getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new TagGroup((String) r[0], (String) r[1], (String) r[2], (Boolean) r[3]))
                .toList();
    }

    /** Removes the customer's assignment of the tag from one source; returns how many rows went (0 or 1). */
    int deleteSource(EntityManager em, int customer, int tag, String source) {
        return em.createNativeQuery("delete from tagging_assignment where customer_id = :c and tag_id = :t"
                        + " and source = :s")
                .setParameter("c", customer).setParameter("t", tag).setParameter("s", source)
                .executeUpdate();
    }

    List<TagDef> allTags(EntityManager em) {
        return em.createQuery("select t from TagEntity t", TagEntity.class).getResultStream().map(TagEntity::def).toList();
    }

    /** The sources from which the customer holds the tag. */
    List<String> sources(EntityManager em, int customer, int tag) {
        return em.createNativeQuery("select source from tagging_assignment where customer_id = :c and tag_id = :t",
                        String.class)
                .setParameter("c", customer).setParameter("t", tag)
                .getResultList();
    }

    void insert(EntityManager em, int customer, int tag, String source, String evidence, Instant at) {
        em.createNativeQuery("insert into tagging_assignment (customer_id, tag_id, source, evidence, assigned_at)"
                        + " values (:c, :t, :s, :e, :at)")
                .setParameter("c", customer).setParameter("t", tag).setParameter("s", source)
                .setParameter("e", evidence).setParameter("at", at)
                .executeUpdate();
    }

    /** Removes the tag from the customer, every source; returns how many rows went. */
    int delete(EntityManager em, int customer, int tag) {
        return em.createNativeQuery("delete from tagging_assignment where customer_id = :c and tag_id = :t")
                .setParameter("c", customer).setParameter("t", tag)
                .executeUpdate();
    }

    List<TagAssignment> assignments(EntityManager em, int customer) {
        List<?> rows = em.createNativeQuery("select t.name, t.group_name, a.source, a.evidence, a.assigned_at"
                        + " from tagging_assignment a join tagging_tag t on t.id = a.tag_id"
                        + " where a.customer_id = :c order by a.assigned_at, t.name, a.source")
                .setParameter("c", customer)
                .getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new TagAssignment((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        Times.instant(r[4])))
                .toList();
    }

    /** The names of the tags each customer holds (once, whatever the sources), sorted by name. */
    Map<Integer, List<String>> tagNames(EntityManager em, Collection<Integer> customers) {
        List<?> rows = em.createNativeQuery("select distinct a.customer_id, t.name from tagging_assignment a"
                        + " join tagging_tag t on t.id = a.tag_id where a.customer_id in (:ids)"
                        + " order by a.customer_id, t.name")
                .setParameter("ids", customers)
                .getResultList();
        Map<Integer, List<String>> names = new HashMap<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            names.computeIfAbsent(((Number) r[0]).intValue(), k -> new java.util.ArrayList<>()).add((String) r[1]);
        }
        return names;
    }

    /** The ids of the tags the customer holds. */
    Set<Integer> tagIds(EntityManager em, int customer) {
        List<?> ids = em.createNativeQuery("select distinct tag_id from tagging_assignment where customer_id = :c")
                .setParameter("c", customer)
                .getResultList();
        Set<Integer> set = new HashSet<>();
        ids.forEach(id -> set.add(((Number) id).intValue()));
        return set;
    }

    /**
     * Adds an active row for a customer that has none; a merged-away customer stays so.
     *
     * @return whether a row was added
     */
    boolean addCustomer(EntityManager em, int customer) {
        return insertCustomer(em, customer, true, false);
    }

    /** Sets the customer's row to {@code active}, adding it if there is none. */
    void setCustomerActive(EntityManager em, int customer, boolean active) {
        int updated = em.createNativeQuery("update tagging_customer set active = :a where customer_id = :c")
                .setParameter("a", active).setParameter("c", customer)
                .executeUpdate();
        if (updated == 0 && !insertCustomer(em, customer, active, true)) {
            // another transaction added the row between our update and insert: ours is the later word
            em.createNativeQuery("update tagging_customer set active = :a where customer_id = :c")
                    .setParameter("a", active).setParameter("c", customer)
                    .executeUpdate();
        }
    }

    /**
     * Inserts the customer's row unless there is one. Two transactions can both find none (a tag set through REST and
     * the {@code customer.created} subscriber, at once): the second insert then meets the primary key. It runs under
     * a savepoint, so that duplicate is "already there" rather than a failed transaction (PostgreSQL aborts a
     * transaction on any failed statement; Hibernate would mark it for rollback).
     *
     * @return whether this call added the row
     */
    private static boolean insertCustomer(EntityManager em, int customer, boolean active, boolean flushFirst) {
        if (flushFirst) {
            em.flush();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            java.sql.Savepoint savepoint = connection.setSavepoint();
            try (PreparedStatement insert = connection.prepareStatement("insert into tagging_customer (customer_id, "
                    + "active) select ?, ? where not exists (select 1 from tagging_customer where customer_id = ?)")) {
                insert.setInt(1, customer);
                insert.setBoolean(2, active);
                insert.setInt(3, customer);
                boolean added = insert.executeUpdate() > 0;
                connection.releaseSavepoint(savepoint);
                return added;
            } catch (java.sql.SQLException e) {
                if (!"23505".equals(e.getSQLState())) { // unique violation, the same code in H2 and PostgreSQL
                    throw e;
                }
                connection.rollback(savepoint);
                return false;
            }
        });
    }

    /**
     * What the database says about these customers' tags and rows in {@code tagging_customer}, as index changes
     * that replace their bits.
     */
    IndexChanges current(EntityManager em, Collection<Integer> customers) {
        List<?> statusRows = em.createNativeQuery(
                        "select customer_id, active from tagging_customer where customer_id in (:ids)")
                .setParameter("ids", customers)
                .getResultList();
        Map<Integer, Boolean> status = new HashMap<>();
        for (Object o : statusRows) {
            Object[] r = (Object[]) o;
            status.put(((Number) r[0]).intValue(), (Boolean) r[1]);
        }
        List<?> rows = em.createNativeQuery("select a.customer_id, t.id, t.name, t.group_name, t.is_system,"
                        + " t.title_en, t.title_zh"
                        + " from tagging_assignment a join tagging_tag t on t.id = a.tag_id where a.customer_id in (:ids)")
                .setParameter("ids", customers)
                .getResultList();
        Map<Integer, Set<Integer>> tags = new LinkedHashMap<>();
        customers.forEach(c -> tags.put(c, new HashSet<>()));
        Map<Integer, TagDef> defs = new HashMap<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            int tag = ((Number) r[1]).intValue();
            defs.computeIfAbsent(tag, id -> new TagDef(id, (String) r[2], (String) r[3], (Boolean) r[4],
                    (String) r[5], (String) r[6]));
            tags.get(((Number) r[0]).intValue()).add(tag);
        }
        IndexChanges changes = new IndexChanges();
        defs.values().forEach(changes::newTag);
        customers.forEach(c -> changes.status(c, status.get(c)));
        tags.forEach(changes::replace);
        return changes;
    }

    /**
     * Every assignment as one bitmap per tag id. Reads with plain JDBC in the transaction's connection, in the order
     * of the (tag_id, customer_id) index, so each bitmap is written in ascending order.
     */
    Loaded bitmaps(EntityManager em) {
        Map<Integer, RoaringBitmap> bitmaps = new HashMap<>();
        long[] rowCount = new long[1];
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "select tag_id, customer_id from tagging_assignment order by tag_id, customer_id")) {
                ps.setFetchSize(10_000); // PostgreSQL streams in a transaction instead of loading every row
                try (ResultSet rs = ps.executeQuery()) {
                    int current = 0;
                    RoaringBitmapWriter<RoaringBitmap> writer = null;
                    long rows = 0;
                    while (rs.next()) {
                        int tag = rs.getInt(1);
                        if (writer == null || tag != current) {
                            if (writer != null) {
                                bitmaps.put(current, writer.get());
                            }
                            writer = RoaringBitmapWriter.writer().get();
                            current = tag;
                        }
                        writer.add(rs.getInt(2)); // a customer with the tag from two sources comes twice: harmless
                        rows++;
                    }
                    if (writer != null) {
                        bitmaps.put(current, writer.get());
                    }
                    rowCount[0] = rows;
                }
            }
        });
        return new Loaded(bitmaps, rowCount[0]);
    }

    /**
     * The rows of {@code tagging_customer}: the active customers and the merged-away ones, read like
     * {@link #bitmaps} (plain JDBC, in key order).
     */
    Customers customers(EntityManager em) {
        RoaringBitmapWriter<RoaringBitmap> active = RoaringBitmapWriter.writer().get();
        RoaringBitmapWriter<RoaringBitmap> mergedAway = RoaringBitmapWriter.writer().get();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "select customer_id, active from tagging_customer order by customer_id")) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        (rs.getBoolean(2) ? active : mergedAway).add(rs.getInt(1));
                    }
                }
            }
        });
        return new Customers(active.get(), mergedAway.get());
    }

    /** The customers of {@code tagging_customer} by status. */
    record Customers(RoaringBitmap active, RoaringBitmap mergedAway) {
    }

    /** The bitmap of each tag id and how many assignment rows they came from. */
    record Loaded(Map<Integer, RoaringBitmap> bitmaps, long rows) {
    }
}
