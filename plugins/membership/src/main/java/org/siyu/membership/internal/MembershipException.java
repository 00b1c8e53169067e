package org.siyu.membership.internal;

/** A membership operation refused: the reason decides the HTTP status, the field names what is wrong. */
public class MembershipException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why it was refused. */
    public enum Reason {
        /** Bad input: 400. */
        INVALID(400),
        /** No such record: 404. */
        NOT_FOUND(404),
        /** Not possible in the current state (not enough points, out of stock, used coupon): 409. */
        CONFLICT(409);

        public final int status;

        Reason(int status) {
            this.status = status;
        }
    }

    private final Reason reason;
    private final String field;

    public MembershipException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public static MembershipException invalid(String field, String message) {
        return new MembershipException(Reason.INVALID, field, message);
    }

    public static MembershipException notFound(String field, String message) {
        return new MembershipException(Reason.NOT_FOUND, field, message);
    }

    public static MembershipException conflict(String field, String message) {
        return new MembershipException(Reason.CONFLICT, field, message);
    }

    public Reason reason() {
        return reason;
    }

    /** The input field at fault, or {@code null}. */
    public String field() {
        return field;
    }
}
