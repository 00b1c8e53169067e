package org.siyu.kernel.tagging.internal.saved;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.roaringbitmap.RoaringBitmap;
import org.siyu.api.tags.SegmentSyntaxException;
import org.siyu.kernel.tagging.internal.Tagging;
import org.siyu.kernel.tagging.internal.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Segments saved under a unique name ({@code tagging_segment}). An expression is saved only if it parses and names
 * known tags; a list shows each with its live count (of a data scope's customers for a scoped account). Every error
 * names the field.
 */
@Component(service = SavedSegments.class)
public class SavedSegments {

    static final int MAX_NAME = 100;
    static final int MAX_EXPRESSION = 2000;
    static final int MAX_DESCRIPTION = 500;

    private static final Logger AUDIT = LoggerFactory.getLogger("org.siyu.audit.tagging");

    private final Tagging tagging;
    private final Clock clock;

    @Activate
    public SavedSegments(@Reference Tagging tagging) {
        this(tagging, Clock.systemUTC());
    }

    public SavedSegments(Tagging tagging, Clock clock) {
        this.tagging = tagging;
        this.clock = clock;
    }

    /**
     * A saved segment with its count now; {@code count} is -1 and {@code error} says why when its expression no
     * longer evaluates.
     */
    public record Counted(SavedSegment segment, long count, String error) {
    }

    /** Every saved segment by name, with its count now. */
    public List<Counted> list() {
        return list(null);
    }

    /**
     * Every saved segment by name, with how many customers of {@code within} it selects now ({@code null}: of all; a
     * data scope's customers from {@link org.siyu.kernel.tagging.internal.scope.Scopes}).
     */
    public List<Counted> list(RoaringBitmap within) {
        List<SavedSegment> all = tagging.inTransaction(em -> em.createQuery(
                "select s from SegmentEntity s order by s.name", SegmentEntity.class)
                .getResultStream().map(SegmentEntity::saved).toList());
        return all.stream().map(s -> counted(s, within)).toList();
    }

    public Optional<SavedSegment> get(int id) {
        return tagging.inTransaction(em -> Optional.ofNullable(em.find(SegmentEntity.class, id))
                .map(SegmentEntity::saved));
    }

    public Optional<SavedSegment> byName(String name) {
        return tagging.inTransaction(em -> find(em, name).map(SegmentEntity::saved));
    }

    public Counted counted(SavedSegment segment) {
        return counted(segment, null);
    }

    /** The segment with how many customers of {@code within} it selects now ({@code null}: of all). */
    public Counted counted(SavedSegment segment, RoaringBitmap within) {
        try {
            return new Counted(segment, tagging.count(segment.expression(), within), null);
        } catch (SegmentSyntaxException e) {
            return new Counted(segment, -1, e.getMessage());
        }
    }

    /**
     * Saves a new segment.
     *
     * @throws SegmentFieldException naming the field: blank or too long, a taken name, an expression that does not
     *                               parse or names an unknown tag
     */
    public SavedSegment create(SegmentInput input, String actor) {
        SegmentInput in = check(input);
        return tagging.inTransaction(em -> {
            if (find(em, in.name()).isPresent()) {
                throw new SegmentFieldException("name", "a segment called '" + in.name() + "' exists already", true);
            }
            SegmentEntity entity = new SegmentEntity(in.name(), in.expression(), in.description(), actor,
                    Times.now(clock));
            em.persist(entity);
            em.flush();
            AUDIT.info("segment.create {} '{}' by {}: {}", entity.saved().id(), in.name(), actor, in.expression());
            return entity.saved();
        });
    }

    /**
     * Changes a saved segment.
     *
     * @return empty if there is no segment {@code id}
     * @throws SegmentFieldException as {@link #create}
     */
    public Optional<SavedSegment> update(int id, SegmentInput input, String actor) {
        SegmentInput in = check(input);
        return tagging.inTransaction(em -> {
            SegmentEntity entity = em.find(SegmentEntity.class, id);
            if (entity == null) {
                return Optional.<SavedSegment>empty();
            }
            Optional<SegmentEntity> other = find(em, in.name());
            if (other.isPresent() && other.get().saved().id() != id) {
                throw new SegmentFieldException("name", "a segment called '" + in.name() + "' exists already", true);
            }
            entity.change(in.name(), in.expression(), in.description(), Times.now(clock));
            em.flush();
            AUDIT.info("segment.update {} '{}' by {}: {}", id, in.name(), actor, in.expression());
            return Optional.of(entity.saved());
        });
    }

    /** Deletes a saved segment; returns whether there was one. */
    public boolean delete(int id, String actor) {
        return tagging.inTransaction(em -> {
            SegmentEntity entity = em.find(SegmentEntity.class, id);
            if (entity == null) {
                return false;
            }
            em.remove(entity);
            AUDIT.info("segment.delete {} '{}' by {}", id, entity.saved().name(), actor);
            return true;
        });
    }

    /** The input stripped and checked; the expression is evaluated once, so unknown tags are caught too. */
    SegmentInput check(SegmentInput input) {
        if (input == null) {
            throw new SegmentFieldException("name", "is required", false);
        }
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            throw new SegmentFieldException("name", "is required", false);
        }
        if (name.length() > MAX_NAME) {
            throw new SegmentFieldException("name", "is longer than " + MAX_NAME + " characters", false);
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new SegmentFieldException("name", "contains a control character", false);
        }
        String expression = input.expression() == null ? "" : input.expression().strip();
        if (expression.isEmpty()) {
            throw new SegmentFieldException("expression", "is required, e.g. tag:VIP AND NOT tag:lifecycle.churned",
                    false);
        }
        if (expression.length() > MAX_EXPRESSION) {
            throw new SegmentFieldException("expression", "is longer than " + MAX_EXPRESSION + " characters", false);
        }
        try {
            tagging.count(expression);
        } catch (SegmentSyntaxException e) {
            throw new SegmentFieldException("expression", e.getMessage(), false);
        }
        String description = input.description() == null || input.description().isBlank() ? null
                : input.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new SegmentFieldException("description", "is longer than " + MAX_DESCRIPTION + " characters",
                    false);
        }
        return new SegmentInput(name, expression, description);
    }

    private static Optional<SegmentEntity> find(EntityManager em, String name) {
        return em.createQuery("select s from SegmentEntity s where s.name = :n", SegmentEntity.class)
                .setParameter("n", name).getResultStream().findFirst();
    }
}
