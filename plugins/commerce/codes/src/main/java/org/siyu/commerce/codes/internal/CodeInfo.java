package org.siyu.commerce.codes.internal;

import java.time.Instant;

/**
 * One code and what it is bound to.
 *
 * @param customerId the buyer it is bound to, or {@code null} while unbound
 * @param channel    where the buyer says it bought the unit, as given at binding, or {@code null}
 */
public record CodeInfo(String code, long batchId, int serial, long productId, String skuCode, Integer customerId,
        String channel, Instant boundAt) {

    public boolean bound() {
        return customerId != null;
    }
}
