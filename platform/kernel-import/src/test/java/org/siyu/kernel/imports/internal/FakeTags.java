package org.siyu.kernel.imports.internal;

import java.util.List;
import java.util.PrimitiveIterator;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.api.tags.TagAssignment;
import org.siyu.api.tags.TagInfo;
import org.siyu.api.tags.TagService;

/**
 * {@link TagService#assign} as documented, over a table in the fakes unit and the caller's transaction: a repeat from
 * the same source changes nothing and answers false; a blank or too long name is refused. A tag named {@code 炸} makes
 * it throw, for the chunk fallback.
 */
class FakeTags implements TagService {

    private final PersistenceUnit unit;

    FakeTags(PersistenceUnit unit) {
        this.unit = unit;
    }

    @Override
    public boolean assign(int customerId, String tag, String source, String evidence) {
        if (tag == null || tag.isBlank() || tag.strip().length() > 64) {
            throw new IllegalArgumentException("tag: '" + tag + "' is blank or longer than 64 characters");
        }
        if (tag.equals("炸")) {
            throw new IllegalArgumentException("tag: '炸' is refused");
        }
        return unit.inTransaction(em -> {
            long had = ((Number) em.createNativeQuery("select count(*) from fakes_assignment where customer_id = :c "
                            + "and tag = :t and source = :s").setParameter("c", customerId).setParameter("t", tag)
                    .setParameter("s", source).getSingleResult()).longValue();
            if (had > 0) {
                return false;
            }
            em.createNativeQuery("insert into fakes_assignment (customer_id, tag, source, evidence) values (:c, :t, :s, "
                            + ":e)").setParameter("c", customerId).setParameter("t", tag).setParameter("s", source)
                    .setParameter("e", evidence).executeUpdate();
            return true;
        });
    }

    @Override
    public boolean unassign(int customerId, String tag, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<TagAssignment> tags(int customerId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<TagInfo> list() {
        return List.of();
    }

    @Override
    public long count(String expression) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PrimitiveIterator.OfInt members(String expression) {
        throw new UnsupportedOperationException();
    }
}
