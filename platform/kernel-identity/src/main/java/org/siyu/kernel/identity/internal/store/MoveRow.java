package org.siyu.kernel.identity.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A row of {@code identity_merge_move}: one identity a merge moved to the survivor, and the merge that had brought it
 * to the merged customer before ({@code null} if it was linked there directly). Undo restores both.
 */
@Entity
@Table(name = "identity_merge_move")
@IdClass(MoveRow.Key.class)
public class MoveRow {

    @Id
    @Column(name = "merge_id")
    private long mergeId;

    @Id
    @Column(name = "identity", length = 300)
    private String identity;

    @Column(name = "previous_merge")
    private Long previousMerge;

    protected MoveRow() {
    }

    public MoveRow(long mergeId, String identity, Long previousMerge) {
        this.mergeId = mergeId;
        this.identity = identity;
        this.previousMerge = previousMerge;
    }

    public String getIdentity() {
        return identity;
    }

    public Long getPreviousMerge() {
        return previousMerge;
    }

    /** The composite primary key. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long mergeId;
        private String identity;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.mergeId == mergeId && Objects.equals(k.identity, identity);
        }

        @Override
        public int hashCode() {
            return Objects.hash(mergeId, identity);
        }
    }
}
