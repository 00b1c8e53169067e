package org.siyu.kernel.tagging.internal.system;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What is known about one customer when its system tags are evaluated: the row of {@code tagging_customer_facts},
 * its recent paid orders and whether it is live (not merged away).
 *
 * @param recentOrders paid orders within the longest window, any order
 */
public record Facts(int customer, boolean live, Instant createdAt, Instant lastActivityAt, String lastActivity,
        Instant lastEngagedAt, String lastEngaged, Instant firstOrderAt, Instant lastOrderAt, int ordersTotal,
        Set<String> channels, String owner, Boolean memberActive, Instant memberAt, List<Order> recentOrders) {

    /** One paid order. */
    public record Order(Instant paidAt, long amountFen) {
    }

    public Facts {
        channels = Set.copyOf(channels);
        recentOrders = List.copyOf(recentOrders);
    }

    /** A customer nothing is known about. */
    static Facts none(int customer, boolean live) {
        return new Facts(customer, live, null, null, null, null, null, null, null, 0, Set.of(), null, null, null,
                List.of());
    }

    /** Paid orders after {@code now − window}. */
    int ordersWithin(Instant now, Duration window) {
        Instant since = now.minus(window);
        return (int) recentOrders.stream().filter(o -> o.paidAt().isAfter(since)).count();
    }

    /** The amount of the paid orders after {@code now − window}, in fen. */
    long amountWithin(Instant now, Duration window) {
        Instant since = now.minus(window);
        return recentOrders.stream().filter(o -> o.paidAt().isAfter(since)).mapToLong(Order::amountFen).sum();
    }
}
