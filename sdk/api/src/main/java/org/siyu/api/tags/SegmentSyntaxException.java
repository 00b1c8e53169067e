package org.siyu.api.tags;

/** A segment expression that cannot be evaluated, with the position (0-based) and the token at fault. */
public class SegmentSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int position;
    private final String token;

    public SegmentSyntaxException(String message, int position, String token) {
        super(message + " at position " + position + (token == null || token.isEmpty() ? "" : " ('" + token + "')"));
        this.position = position;
        this.token = token;
    }

    public int position() {
        return position;
    }

    public String token() {
        return token;
    }
}
