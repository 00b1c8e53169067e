package org.siyu.commerce.imports.internal;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The SQL of the unit {@code cmi}, always in the caller's transaction. */
final class ImportStore {

    /** Errors kept per import; rows rejected beyond it are counted, not described. */
    static final int MAX_ERRORS = 10_000;

    /** What one chunk (or one order) did, added to the record in the transaction that wrote it. */
    record Counts(int created, int existing, int rejectedOrders, int rejectedRows, int customersCreated,
            List<RowError> errors) {

        static Counts rejected(int orders, int rows, List<RowError> errors) {
            return new Counts(0, 0, orders, rows, 0, errors);
        }

        int done() {
            return created + existing + rejectedOrders;
        }
    }

    long create(EntityManager em, String source, String fileName, String mapping, String charset, String delimiter,
            String actor, Instant now) {
        ImportEntity entity = new ImportEntity(source, cut(fileName, 255), cut(mapping, 10000), charset, delimiter,
                cut(actor, 64), now);
        em.persist(entity);
        em.flush();
        return entity.id();
    }

    Optional<ImportRecord> find(EntityManager em, long id) {
        return Optional.ofNullable(em.find(ImportEntity.class, id)).map(ImportEntity::record);
    }

    List<ImportRecord> recent(EntityManager em, int limit) {
        return em.createQuery("select i from ImportEntity i order by i.id desc", ImportEntity.class)
                .setMaxResults(limit).getResultList().stream().map(ImportEntity::record).toList();
    }

    void progress(EntityManager em, long id, Counts counts) {
        int stored = ((Number) em.createNativeQuery("select errors_stored from cmi_import where id = :i")
                .setParameter("i", id).getSingleResult()).intValue();
        int kept = 0;
        for (RowError error : counts.errors()) {
            if (stored + kept >= MAX_ERRORS) {
                break;
            }
            kept++;
            em.createNativeQuery("insert into cmi_error (import_id, seq, row_number, column_name, cell_value, detail) "
                            + "values (:i, :s, :r, :c, :v, :d)")
                    .setParameter("i", id).setParameter("s", stored + kept).setParameter("r", error.row())
                    .setParameter("c", cut(error.column(), 255)).setParameter("v", cut(error.value(), 255))
                    .setParameter("d", cut(error.detail(), 1000)).executeUpdate();
        }
        em.createNativeQuery("update cmi_import set orders_done = orders_done + :done, "
                        + "orders_created = orders_created + :created, orders_existing = orders_existing + :existing, "
                        + "orders_rejected = orders_rejected + :rejected, rows_rejected = rows_rejected + :rows, "
                        + "customers_created = customers_created + :customers, errors_stored = errors_stored + :kept "
                        + "where id = :i")
                .setParameter("done", counts.done()).setParameter("created", counts.created())
                .setParameter("existing", counts.existing()).setParameter("rejected", counts.rejectedOrders())
                .setParameter("rows", counts.rejectedRows()).setParameter("customers", counts.customersCreated())
                .setParameter("kept", kept).setParameter("i", id).executeUpdate();
    }

    void jobId(EntityManager em, long id, long jobId) {
        em.createNativeQuery("update cmi_import set job_id = :j where id = :i")
                .setParameter("j", jobId).setParameter("i", id).executeUpdate();
    }

    void running(EntityManager em, long id, int rows, int orders) {
        em.createNativeQuery("update cmi_import set state = 'RUNNING', rows_total = :r, orders_total = :o where id = :i")
                .setParameter("r", rows).setParameter("o", orders).setParameter("i", id).executeUpdate();
    }

    void finish(EntityManager em, long id, ImportState state, String message, Instant now) {
        em.createNativeQuery("update cmi_import set state = :s, message = :m, finished_at = :f where id = :i")
                .setParameter("s", state.name()).setParameter("m", cut(message, 1000)).setParameter("f", now)
                .setParameter("i", id).executeUpdate();
    }

    List<RowError> errors(EntityManager em, long id, int offset, int limit) {
        List<?> rows = em.createNativeQuery("select row_number, column_name, cell_value, detail from cmi_error "
                        + "where import_id = :i order by seq")
                .setParameter("i", id).setFirstResult(offset).setMaxResults(limit).getResultList();
        List<RowError> errors = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            errors.add(new RowError(((Number) r[0]).intValue(), (String) r[1], (String) r[2], (String) r[3]));
        }
        return errors;
    }

    /** Marks the imports that were queued or running as interrupted: at start, their job died with the node. */
    int interruptUnfinished(EntityManager em, Instant now, Set<Long> runningHere) {
        List<?> open = em.createNativeQuery("select id, orders_done, orders_total from cmi_import "
                + "where state in ('QUEUED', 'RUNNING')").getResultList();
        int n = 0;
        for (Object o : open) {
            Object[] r = (Object[]) o;
            long id = ((Number) r[0]).longValue();
            if (runningHere.contains(id)) {
                continue;
            }
            finish(em, id, ImportState.INTERRUPTED, "the node stopped during the import after " + r[1] + " of "
                    + r[2] + " orders; the orders counted here are recorded. Upload the file again to import the "
                    + "rest: orders already recorded are skipped.", now);
            n++;
        }
        return n;
    }

    /** Which of these order numbers of a channel this bundle has recorded. */
    Set<String> recorded(EntityManager em, String channel, Collection<String> externalIds) {
        Set<String> found = new HashSet<>();
        if (externalIds.isEmpty()) {
            return found;
        }
        List<String> ids = List.copyOf(externalIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<?> rows = em.createNativeQuery("select external_id from cmi_recorded where channel = :c "
                            + "and external_id in (:ids)")
                    .setParameter("c", channel).setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .getResultList();
            rows.forEach(r -> found.add((String) r));
        }
        return found;
    }

    void recordedNow(EntityManager em, String channel, String externalId, long orderId, int customerId,
            long importId, Instant now) {
        em.createNativeQuery("insert into cmi_recorded (channel, external_id, order_id, customer_id, import_id, "
                        + "recorded_at) values (:c, :e, :o, :cu, :i, :t)")
                .setParameter("c", channel).setParameter("e", externalId).setParameter("o", orderId)
                .setParameter("cu", customerId).setParameter("i", importId).setParameter("t", now).executeUpdate();
    }

    Optional<String> sourceConfig(EntityManager em, String source) {
        List<?> rows = em.createNativeQuery("select config from cmi_source where source = :s")
                .setParameter("s", source).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    void saveSourceConfig(EntityManager em, String source, String config, String actor, Instant now) {
        int updated = em.createNativeQuery("update cmi_source set config = :c, saved_by = :a, saved_at = :t "
                        + "where source = :s")
                .setParameter("c", config).setParameter("a", cut(actor, 64)).setParameter("t", now)
                .setParameter("s", source).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into cmi_source (source, config, saved_by, saved_at) values (:s, :c, :a, :t)")
                    .setParameter("s", source).setParameter("c", config).setParameter("a", cut(actor, 64))
                    .setParameter("t", now).executeUpdate();
        }
    }

    boolean resetSourceConfig(EntityManager em, String source) {
        return em.createNativeQuery("delete from cmi_source where source = :s").setParameter("s", source)
                .executeUpdate() > 0;
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
