package org.siyu.api.commerce;

/**
 * A commerce operation refused, with the reason a REST resource turns into its status code and the field or
 * record at fault.
 */
public class CommerceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why it was refused. */
    public enum Reason {
        /** Bad input: 400. */
        INVALID,
        /** No such product, SKU or order: 404. */
        NOT_FOUND,
        /** Not allowed in the record's state (paying twice, refunding an unpaid order): 409. */
        CONFLICT,
        /** Not enough stock: 409. */
        OUT_OF_STOCK,
        /** The payment gateway declined: 402. */
        PAYMENT_FAILED
    }

    private final Reason reason;
    private final String field;

    /**
     * @param field the request field at fault ({@code lines[2].quantity}), or {@code null}
     */
    public CommerceException(Reason reason, String field, String message) {
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
