package org.siyu.kernel.org.internal;

/**
 * A refused change, naming the field: {@code field 'parentId': there is no unit 'nowhere'}. An
 * {@link IllegalArgumentException} as the SDK promises; the field is kept apart for the view.
 */
public final class OrgValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public OrgValidationException(String field, String problem) {
        super("field '" + field + "': " + problem);
        this.field = field;
    }

    /** The name of the field that is wrong, as in the JSON bodies ({@code parentId}, {@code unitId}, …). */
    public String field() {
        return field;
    }
}
