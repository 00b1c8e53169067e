package org.siyu.kernel.identity.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.siyu.api.identity.Merge;

/** A row of {@code identity_merge}: one customer merged into another, and whether it was undone. */
@Entity
@Table(name = "identity_merge")
public class MergeRow {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "identity_merge_seq")
    @SequenceGenerator(name = "identity_merge_seq", sequenceName = "identity_merge_seq", allocationSize = 50)
    private Long id;

    @Column(name = "survivor", nullable = false, updatable = false)
    private int survivor;

    @Column(name = "merged", nullable = false, updatable = false)
    private int merged;

    @Column(name = "rule", nullable = false, length = 64, updatable = false)
    private String rule;

    @Column(name = "evidence", nullable = false, length = 300, updatable = false)
    private String evidence;

    @Column(name = "actor", nullable = false, length = 100, updatable = false)
    private String actor;

    @Column(name = "merged_at", nullable = false, updatable = false)
    private Instant mergedAt;

    @Column(name = "undone_at")
    private Instant undoneAt;

    @Column(name = "undone_by", length = 100)
    private String undoneBy;

    protected MergeRow() {
    }

    public MergeRow(int survivor, int merged, String rule, String evidence, String actor, Instant mergedAt) {
        this.survivor = survivor;
        this.merged = merged;
        this.rule = rule;
        this.evidence = evidence;
        this.actor = actor;
        this.mergedAt = mergedAt;
    }

    public long getId() {
        return id;
    }

    public int getSurvivor() {
        return survivor;
    }

    public int getMerged() {
        return merged;
    }

    public String getRule() {
        return rule;
    }

    public Instant getUndoneAt() {
        return undoneAt;
    }

    public void undo(Instant at, String by) {
        this.undoneAt = at;
        this.undoneBy = by;
    }

    public Merge toMerge() {
        return new Merge(id, survivor, merged, rule, evidence, actor, mergedAt, undoneAt != null);
    }
}
