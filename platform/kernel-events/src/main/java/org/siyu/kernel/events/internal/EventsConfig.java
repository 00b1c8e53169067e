package org.siyu.kernel.events.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The settings of the event bus, PID {@value #PID}. The admin renders its form from this description; a change
 * applies at once, to running dispatchers too.
 */
@ObjectClassDefinition(id = EventsConfig.PID, name = "Event bus",
        description = "Delivery of events to subscribers: retries, back-off, the gap rule and polling.")
public @interface EventsConfig {

    /** The configuration PID. It is a public contract (configuration files name it): never change it. */
    String PID = "org.siyu.kernel.events";

    @AttributeDefinition(name = "Attempts before dead letter", min = "1",
            description = "How many times an event is offered to a failing subscriber before it goes to the "
                    + "dead-letter list and the subscriber moves on. Default: 5.")
    int maxAttempts() default 5;

    @AttributeDefinition(name = "First back-off (ms)", min = "0",
            description = "Wait before the second attempt, in milliseconds; it doubles after every further "
                    + "failure. Default: 200.")
    long initialBackoffMs() default 200;

    @AttributeDefinition(name = "Longest back-off (ms)", min = "0",
            description = "The back-off never grows beyond this, in milliseconds. Default: 30000.")
    long maxBackoffMs() default 30_000;

    @AttributeDefinition(name = "Gap grace period (ms)", min = "0",
            description = "How long a reader waits at a missing offset (a transaction that has not committed "
                    + "yet, or one that rolled back) before it moves past it, in milliseconds. Longer is safer "
                    + "for slow transactions; shorter delivers sooner after a rollback on another node. "
                    + "Default: 10000.")
    long gapGraceMs() default 10_000;

    @AttributeDefinition(name = "Longest transaction (ms)", min = "0",
            description = "A missing offset held by a transaction still open on this node is waited for up "
                    + "to this long, in milliseconds, before the grace period applies to it. Default: 300000.")
    long longestTransactionMs() default 300_000;

    @AttributeDefinition(name = "Poll interval (ms)", min = "10",
            description = "How often a dispatcher reads the outbox for events no commit on this node told it "
                    + "about (another node's, or written with plain SQL), in milliseconds. Events committed on this "
                    + "node are handed to the dispatchers at once. Default: 150.")
    long pollIntervalMs() default 150;

    @AttributeDefinition(name = "Batch size", min = "1", max = "10000",
            description = "How many events a dispatcher takes at a time (from memory or from the outbox). "
                    + "Default: 200.")
    int batchSize() default 200;
}
