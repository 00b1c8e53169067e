package org.siyu.kernel.tagging.internal.saved;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code tagging_segment}: a named expression. */
@Entity
@Table(name = "tagging_segment")
public class SegmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tagging_segment_seq")
    @SequenceGenerator(name = "tagging_segment_seq", sequenceName = "tagging_segment_seq", allocationSize = 1)
    private Integer id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "expression", nullable = false, length = 2000)
    private String expression;

    @Column(name = "description", length = 500)
    private String description;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SegmentEntity() {
    }

    SegmentEntity(String name, String expression, String description, String createdBy, Instant now) {
        this.createdBy = createdBy;
        this.createdAt = now;
        change(name, expression, description, now);
    }

    void change(String name, String expression, String description, Instant now) {
        this.name = name;
        this.expression = expression;
        this.description = description;
        this.updatedAt = now;
    }

    SavedSegment saved() {
        return new SavedSegment(id, name, expression, description, createdBy, createdAt, updatedAt);
    }
}
