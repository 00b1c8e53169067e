package org.siyu.kernel.events.internal;

import java.time.Clock;
import java.time.Duration;
import org.siyu.testkit.TestPersistenceUnit;

/**
 * What the delivery tests share: an outbox in H2 in memory, the bus publishing to it and, once started, a
 * {@link Delivery} reading it with short retry and poll settings.
 */
final class BusFixture implements AutoCloseable {

    final TestPersistenceUnit unit = TestPersistenceUnit.inMemory(new EventsEntities());
    final OutboxTransactions transactions = new OutboxTransactions();
    final EventBusService bus = new EventBusService(unit, transactions, Settings.DEFAULTS, Clock.systemUTC());
    private Delivery delivery;

    /** Starts the delivery: {@code maxAttempts} per event, back-off from {@code backoffMs}, a poll every {@code pollMs}. */
    Delivery startDelivery(int maxAttempts, long backoffMs, long pollMs) {
        delivery = new Delivery(unit, transactions, new Settings(maxAttempts, Duration.ofMillis(backoffMs),
                Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMillis(pollMs), 50),
                Clock.systemUTC());
        return delivery;
    }

    @Override
    public void close() {
        if (delivery != null) {
            delivery.deactivate();
        }
        unit.close();
    }
}
