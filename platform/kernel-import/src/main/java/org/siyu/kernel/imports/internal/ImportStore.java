package org.siyu.kernel.imports.internal;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** SQL of the import records, their errors and the saved mappings. Every method joins the caller's transaction. */
final class ImportStore {

    /** Errors kept per import; rows rejected beyond it are counted, not described. */
    static final int MAX_ERRORS = 10_000;

    ImportEntity create(EntityManager em, String fileName, String mapping, String charset, String delimiter,
            String actor, Instant now) {
        ImportEntity entity = new ImportEntity(cut(fileName, 255), mapping, charset, delimiter, cut(actor, 64), now);
        em.persist(entity);
        em.flush();
        return entity;
    }

    Optional<ImportEntity> entity(EntityManager em, long id) {
        return Optional.ofNullable(em.find(ImportEntity.class, id));
    }

    Optional<ImportRecord> find(EntityManager em, long id) {
        return entity(em, id).map(ImportEntity::record);
    }

    List<ImportRecord> recent(EntityManager em, int limit) {
        return em.createQuery("select i from ImportEntity i order by i.id desc", ImportEntity.class)
                .setMaxResults(limit).getResultList().stream().map(ImportEntity::record).toList();
    }

    /**
     * Adds what one chunk (or one row) did to the record and keeps its errors while there is room, in the caller's
     * transaction: the counts never run ahead of the rows written. Plain SQL increments, so the admin's or the REST
     * call's write of the job id never overwrites the job's counts (or the other way round).
     */
    void progress(EntityManager em, long id, int imported, int created, int tagsAdded, List<RowError> rejected) {
        int rejectedRows = (int) rejected.stream().mapToInt(RowError::row).distinct().count();
        int stored = ((Number) em.createNativeQuery("select errors_stored from imports_import where id = :i")
                .setParameter("i", id).getSingleResult()).intValue();
        int kept = 0;
        for (RowError error : rejected) {
            if (stored + kept >= MAX_ERRORS) {
                break;
            }
            kept++;
            em.createNativeQuery("insert into imports_error (import_id, seq, row_number, column_name, cell_value, "
                            + "detail) values (:i, :s, :r, :c, :v, :d)")
                    .setParameter("i", id).setParameter("s", stored + kept).setParameter("r", error.row())
                    .setParameter("c", cut(error.column(), 255)).setParameter("v", cut(error.value(), 255))
                    .setParameter("d", cut(error.detail(), 1000)).executeUpdate();
        }
        em.createNativeQuery("update imports_import set rows_imported = rows_imported + :imported, "
                        + "rows_rejected = rows_rejected + :rejected, rows_done = rows_done + :done, "
                        + "customers_created = customers_created + :created, tags_added = tags_added + :tags, "
                        + "errors_stored = errors_stored + :kept where id = :i")
                .setParameter("imported", imported).setParameter("rejected", rejectedRows)
                .setParameter("done", imported + rejectedRows).setParameter("created", created)
                .setParameter("tags", tagsAdded).setParameter("kept", kept).setParameter("i", id).executeUpdate();
    }

    void jobId(EntityManager em, long id, long jobId) {
        em.createNativeQuery("update imports_import set job_id = :j where id = :i")
                .setParameter("j", jobId).setParameter("i", id).executeUpdate();
    }

    void running(EntityManager em, long id, int total) {
        em.createNativeQuery("update imports_import set state = 'RUNNING', rows_total = :t where id = :i")
                .setParameter("t", total).setParameter("i", id).executeUpdate();
    }

    void finish(EntityManager em, long id, ImportState state, String message, Instant now) {
        em.createNativeQuery("update imports_import set state = :s, message = :m, finished_at = :f where id = :i")
                .setParameter("s", state.name()).setParameter("m", cut(message, 1000)).setParameter("f", now)
                .setParameter("i", id).executeUpdate();
    }

    List<RowError> errors(EntityManager em, long id, int offset, int limit) {
        List<?> rows = em.createNativeQuery("select row_number, column_name, cell_value, detail from imports_error "
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
        List<ImportEntity> open = em.createQuery("select i from ImportEntity i where i.state in ('QUEUED', 'RUNNING')",
                ImportEntity.class).getResultList();
        open.removeIf(entity -> runningHere.contains(entity.id()));
        for (ImportEntity entity : open) {
            entity.state(ImportState.INTERRUPTED);
            entity.finishedAt(now);
            entity.message("the node stopped during the import after " + entity.rowsDone + " of " + entity.rowsTotal
                    + " rows; the rows counted here are written. Upload the file again to import the rest: rows "
                    + "already imported find their customers and change nothing.");
        }
        return open.size();
    }

    Optional<String> mapping(EntityManager em, String name) {
        return Optional.ofNullable(em.find(MappingEntity.class, name)).map(MappingEntity::mapping);
    }

    List<String> mappingNames(EntityManager em) {
        return em.createQuery("select m.name from MappingEntity m order by m.name", String.class).getResultList();
    }

    void saveMapping(EntityManager em, String name, String mapping, String actor, Instant now) {
        MappingEntity entity = em.find(MappingEntity.class, name);
        if (entity == null) {
            em.persist(new MappingEntity(name, mapping, cut(actor, 64), now));
        } else {
            entity.update(mapping, cut(actor, 64), now);
        }
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
