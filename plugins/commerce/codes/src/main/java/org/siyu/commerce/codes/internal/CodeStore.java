package org.siyu.commerce.codes.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The SQL of the unit {@code cmc}, always in the caller's transaction. */
final class CodeStore {

    /** Codes per INSERT statement: multi-row VALUES, which H2 and PostgreSQL both take. */
    private static final int ROWS_PER_INSERT = 500;

    long createBatch(EntityManager em, long productId, String productName, String skuCode, int quantity, String note,
            String actor, Instant now) {
        BatchEntity entity = new BatchEntity(productId, cut(productName, 200), skuCode, quantity, cut(note, 200),
                cut(actor, 64), now);
        em.persist(entity);
        em.flush();
        return entity.id();
    }

    Optional<Batch> batch(EntityManager em, long id) {
        BatchEntity entity = em.find(BatchEntity.class, id);
        if (entity == null) {
            return Optional.empty();
        }
        int bound = ((Number) em.createNativeQuery("select count(*) from cmc_code where batch_id = :b and "
                + "customer_id is not null").setParameter("b", id).getSingleResult()).intValue();
        return Optional.of(entity.batch(bound));
    }

    List<Batch> batches(EntityManager em, int limit) {
        List<Long> ids = em.createQuery("select b.id from BatchEntity b order by b.id desc", Long.class)
                .setMaxResults(limit).getResultList();
        List<Batch> out = new ArrayList<>(ids.size());
        for (long id : ids) {
            batch(em, id).ifPresent(out::add);
        }
        return out;
    }

    /** Inserts codes with serials from {@code firstSerial} on; a code that exists already fails the statement. */
    void insertCodes(EntityManager em, long batchId, int firstSerial, List<String> codes) {
        for (int from = 0; from < codes.size(); from += ROWS_PER_INSERT) {
            int to = Math.min(codes.size(), from + ROWS_PER_INSERT);
            StringBuilder sql = new StringBuilder("insert into cmc_code (code, batch_id, serial) values ");
            for (int i = from; i < to; i++) {
                sql.append(i == from ? "" : ", ").append("(?, ?, ?)");
            }
            Query insert = em.createNativeQuery(sql.toString());
            int p = 1;
            for (int i = from; i < to; i++) {
                insert.setParameter(p++, codes.get(i));
                insert.setParameter(p++, batchId);
                insert.setParameter(p++, firstSerial + i);
            }
            insert.executeUpdate();
        }
        em.createNativeQuery("update cmc_batch set generated = generated + :n where id = :b")
                .setParameter("n", codes.size()).setParameter("b", batchId).executeUpdate();
    }

    int generated(EntityManager em, long batchId) {
        return ((Number) em.createNativeQuery("select generated from cmc_batch where id = :b")
                .setParameter("b", batchId).getSingleResult()).intValue();
    }

    void jobId(EntityManager em, long batchId, long jobId) {
        em.createNativeQuery("update cmc_batch set job_id = :j where id = :b").setParameter("j", jobId)
                .setParameter("b", batchId).executeUpdate();
    }

    void state(EntityManager em, long batchId, BatchState state, String message, Instant finishedAt) {
        em.createNativeQuery("update cmc_batch set state = :s, message = :m, finished_at = :f where id = :b")
                .setParameter("s", state.name()).setParameter("m", cut(message, 1000)).setParameter("f", finishedAt)
                .setParameter("b", batchId).executeUpdate();
    }

    /** Batches left generating by a node that stopped become {@link BatchState#INTERRUPTED}. */
    int interruptUnfinished(EntityManager em, Instant now, Set<Long> runningHere) {
        List<?> open = em.createNativeQuery("select id, generated, quantity from cmc_batch where state = 'GENERATING'")
                .getResultList();
        int n = 0;
        for (Object o : open) {
            Object[] r = (Object[]) o;
            long id = ((Number) r[0]).longValue();
            if (runningHere.contains(id)) {
                continue;
            }
            state(em, id, BatchState.INTERRUPTED, "the node stopped after " + r[1] + " of " + r[2]
                    + " codes; the codes made are kept. Resume the batch to make the rest.", now);
            n++;
        }
        return n;
    }

    Optional<CodeInfo> code(EntityManager em, String code) {
        List<?> rows = em.createNativeQuery("select c.code, c.batch_id, c.serial, b.product_id, b.sku_code, "
                        + "c.customer_id, c.channel, c.bound_at from cmc_code c join cmc_batch b on b.id = c.batch_id "
                        + "where c.code = :c")
                .setParameter("c", code).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(info((Object[]) rows.get(0)));
    }

    /** Codes of a batch by serial, from {@code fromSerial} on. */
    List<CodeInfo> codes(EntityManager em, long batchId, int fromSerial, int limit) {
        List<?> rows = em.createNativeQuery("select c.code, c.batch_id, c.serial, b.product_id, b.sku_code, "
                        + "c.customer_id, c.channel, c.bound_at from cmc_code c join cmc_batch b on b.id = c.batch_id "
                        + "where c.batch_id = :b and c.serial >= :s order by c.serial")
                .setParameter("b", batchId).setParameter("s", fromSerial).setMaxResults(limit).getResultList();
        List<CodeInfo> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(info((Object[]) r)));
        return out;
    }

    /**
     * Binds an unbound code: one conditional UPDATE, so of two simultaneous binds the database lets one through.
     *
     * @return 1 if this call bound it, 0 if it was bound already (or does not exist)
     */
    int bind(EntityManager em, String code, int customerId, String channel, Instant now, String actor) {
        return em.createNativeQuery("update cmc_code set customer_id = :c, channel = :ch, bound_at = :t, bound_by = :a "
                        + "where code = :code and customer_id is null")
                .setParameter("c", customerId).setParameter("ch", channel).setParameter("t", now)
                .setParameter("a", cut(actor, 64)).setParameter("code", code).executeUpdate();
    }

    private static CodeInfo info(Object[] r) {
        return new CodeInfo(((String) r[0]).strip(), ((Number) r[1]).longValue(), ((Number) r[2]).intValue(),
                ((Number) r[3]).longValue(), (String) r[4], r[5] == null ? null : ((Number) r[5]).intValue(),
                (String) r[6], instant(r[7]));
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
