package org.siyu.commerce.internal.payment;

import org.osgi.service.component.annotations.Component;
import org.siyu.api.commerce.PaymentGateway;
import org.siyu.api.i18n.Text;

/**
 * {@code manual}: an operator saw the money arrive (cash in a store, a bank transfer) and marks the order paid; a
 * refund is money the operator gives back by hand. Nothing is called, so nothing can be declined; the transaction
 * ids only tie the payment and its refunds together on the order.
 */
@Component(service = PaymentGateway.class)
public class ManualGateway implements PaymentGateway {

    public static final String ID = "manual";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Text title() {
        return Text.of("Manual (marked paid by an operator)", "手动（运营确认收款）");
    }

    @Override
    public Result charge(long orderId, long amountFen) {
        return Result.ok("manual-" + orderId);
    }

    @Override
    public Result refund(long orderId, String transactionId, long amountFen) {
        return Result.ok(transactionId + "-refund");
    }
}
