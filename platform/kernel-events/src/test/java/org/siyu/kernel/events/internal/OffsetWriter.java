package org.siyu.kernel.events.internal;

import java.time.Clock;
import org.siyu.api.events.Event;
import org.siyu.testkit.TestPersistenceUnit;

/**
 * The child process of {@link OffsetCacheTest}: publishes one event per transaction on an H2 file with the host's
 * {@code WRITE_DELAY=0} and prints each offset once its commit returned, until it is killed.
 */
public final class OffsetWriter {

    private OffsetWriter() {
    }

    public static void main(String[] args) {
        TestPersistenceUnit unit = TestPersistenceUnit.at(new EventsEntities(), args[0]);
        EventBusService bus = new EventBusService(unit, new OutboxTransactions(), Settings.DEFAULTS, Clock.systemUTC());
        System.out.println("READY");
        for (int i = 0; ; i++) {
            Event e = bus.publish(Event.of("order.paid", "test", i, "{\"n\":" + i + "}"));
            System.out.println(e.offset());
        }
    }
}
