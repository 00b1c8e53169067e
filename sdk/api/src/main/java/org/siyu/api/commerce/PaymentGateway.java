package org.siyu.api.commerce;

import org.osgi.annotation.versioning.ConsumerType;
import org.siyu.api.i18n.Text;

/**
 * Takes and returns money for orders. Registered as a service by a payment plugin; commerce ships
 * {@code manual} (an operator marks an order paid) and a {@code sandbox} that behaves like a provider.
 * Calls happen inside the order's transaction: a gateway that cannot guarantee it will not charge twice must make
 * its own call idempotent by {@code orderId}.
 */
@ConsumerType
public interface PaymentGateway {

    /** A short stable id, such as {@code manual}, {@code sandbox}, {@code wechat-pay}. */
    String id();

    /** Its name for operators. */
    Text title();

    /** Charges {@code amountFen} for the order. */
    Result charge(long orderId, long amountFen);

    /**
     * Returns {@code amountFen} of a charge.
     *
     * @param transactionId what {@link #charge} answered
     */
    Result refund(long orderId, String transactionId, long amountFen);

    /**
     * What the provider answered.
     *
     * @param ok            whether the money moved
     * @param transactionId the provider's reference (when ok)
     * @param message       the provider's reason (when not ok), shown to the operator
     */
    record Result(boolean ok, String transactionId, String message) {

        public static Result ok(String transactionId) {
            return new Result(true, transactionId, null);
        }

        public static Result declined(String message) {
            return new Result(false, null, message);
        }
    }
}
