package org.siyu.commerce.internal.orders;

import java.time.Instant;
import java.util.Set;
import org.siyu.api.commerce.OrderStatus;

/**
 * Which orders a list shows. Every part is optional ({@code null} or empty: no condition).
 *
 * @param statuses   any of these
 * @param channel    exactly this channel
 * @param from       created at or after
 * @param to         created before
 * @param customerId only this customer's
 * @param customers  only the customers in this ascending array (a segment, a data scope); {@code null}: everyone
 */
public record OrderFilter(Set<OrderStatus> statuses, String channel, Instant from, Instant to, Integer customerId,
        int[] customers) {

    public static final OrderFilter ALL = new OrderFilter(Set.of(), null, null, null, null, null);

    public OrderFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** This filter restricted to the customers of {@code ids} as well (ascending); {@code null} changes nothing. */
    public OrderFilter within(int[] ids) {
        if (ids == null) {
            return this;
        }
        return new OrderFilter(statuses, channel, from, to, customerId, customers == null ? ids : intersect(customers, ids));
    }

    static int[] intersect(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                out[n++] = a[i];
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
