package org.siyu.commerce.imports.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.siyu.api.commerce.ExternalOrder;
import org.siyu.api.commerce.OrderLine;
import org.siyu.api.commerce.OrderStatus;
import org.siyu.api.identity.ResolveRequest;

/**
 * One marketplace order read from the file, checked, its rows gathered: what goes to OneID and commerce.
 *
 * @param firstRow   the row its errors are reported on
 * @param rows       how many rows of the file it spans
 * @param identities {@code <channel>:<value>}, at least one
 * @param traits     the receiver's name as {@code name}, when given
 * @param phoneMasked whether the phone column was masked (or a landline) and so not used as an identity
 */
record ImportOrder(String channel, String externalId, int firstRow, int rows, List<String> identities,
        Map<String, String> traits, OrderStatus status, List<OrderLine> lines, long payableFen, long refundedFen,
        Instant createdAt, Instant paidAt, Instant shippedAt, Instant completedAt, String carrier,
        String trackingNo, boolean phoneMasked) {

    ResolveRequest request() {
        return new ResolveRequest(identities, traits);
    }

    /**
     * The order to record for the buyer.
     *
     * @param inCatalogue whether a SKU code is in commerce's catalogue; a line whose code is not is recorded without
     *                    one (the SDK's rule for items that are not in the catalogue), its title kept
     */
    ExternalOrder external(int customerId, Predicate<String> inCatalogue) {
        List<OrderLine> recorded = new ArrayList<>(lines.size());
        for (OrderLine line : lines) {
            String sku = line.skuCode() != null && inCatalogue.test(line.skuCode()) ? line.skuCode() : null;
            recorded.add(new OrderLine(sku, line.title(), line.quantity(), line.unitPriceFen(), line.amountFen()));
        }
        return new ExternalOrder(channel, externalId, customerId, status, recorded, payableFen, refundedFen, createdAt,
                paidAt, shippedAt, completedAt, carrier, trackingNo);
    }
}
