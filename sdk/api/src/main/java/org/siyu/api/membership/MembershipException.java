package org.siyu.api.membership;

/**
 * A membership operation refused, with the reason a REST resource turns into its status code and the field or record
 * at fault. The message starts with what is wrong ({@code coupon MB… expired at …}).
 */
public class MembershipException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why it was refused. */
    public enum Reason {
        /** Bad input (a blank name, a coupon below its threshold, not the customer's): 400. */
        INVALID,
        /** No such customer, template or coupon: 404. */
        NOT_FOUND,
        /** Not possible in the current state (out of stock, an archived template, a coupon used on another order): 409. */
        CONFLICT
    }

    private final Reason reason;
    private final String field;

    /**
     * @param field the request field at fault ({@code thresholdFen}, {@code couponCode}, {@code stock}), or {@code null}
     */
    public MembershipException(Reason reason, String field, String message) {
        super(message);
        this.reason = java.util.Objects.requireNonNull(reason, "reason");
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The request field at fault, or {@code null}. */
    public String field() {
        return field;
    }
}
