package org.siyu.kernel.tagging.internal.saved;

/** A saved segment's field is wrong; the message starts with the field's name ("name: …"). */
public class SegmentFieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final boolean conflict;

    SegmentFieldException(String field, String problem, boolean conflict) {
        super(field + ": " + problem);
        this.field = field;
        this.conflict = conflict;
    }

    /** {@code name}, {@code expression} or {@code description}. */
    public String field() {
        return field;
    }

    /** Whether it clashes with another segment (a taken name) rather than being malformed. */
    public boolean conflict() {
        return conflict;
    }
}
