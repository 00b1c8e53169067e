package org.siyu.kernel.events.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides how far a reader may go. Offsets are handed out at insert but become visible at commit, so a reader
 * that sees offset 7 while 6 is missing cannot tell a transaction still open from one rolled back. Moving past 6
 * too early would skip it forever; never moving past it would stall the bus after every rollback. The rule:
 * <ul>
 *   <li>a missing offset held by a transaction still open on this node is waited for (up to the longest
 *       transaction setting);</li>
 *   <li>missing offsets all rolled back on this node are passed at once;</li>
 *   <li>any other missing offset is passed once the event after it was inserted at least the grace period ago:
 *       the missing offset was handed out before that insert, so its transaction has been open at least as long.</li>
 * </ul>
 */
final class GapRule {

    private static final Logger LOG = LoggerFactory.getLogger(GapRule.class);

    /**
     * What a reader may take now.
     *
     * @param events    the events it may hand out, in offset order
     * @param blockedAt the first missing offset it must still wait for, or -1 if none
     * @param recheckIn when to look again at that gap (the rest of its grace period)
     */
    record Ready(List<Stored> events, long blockedAt, Duration recheckIn) {
    }

    private final OutboxTransactions transactions;
    private final Duration grace;
    private final Duration longestTransaction;
    private final Clock clock;

    GapRule(OutboxTransactions transactions, Duration grace, Duration longestTransaction, Clock clock) {
        this.transactions = transactions;
        this.grace = grace;
        this.longestTransaction = longestTransaction;
        this.clock = clock;
    }

    /** The prefix of {@code batch} (events after {@code position}, in offset order) that may be taken now. */
    Ready settled(long position, List<Stored> batch) {
        List<Stored> ready = new ArrayList<>(batch.size());
        long expected = position + 1;
        Instant now = clock.instant();
        for (Stored stored : batch) {
            long offset = stored.offset();
            if (offset > expected) {
                long last = offset - 1;
                Duration open = Duration.between(stored.publishedAt(), now);
                boolean passable = !transactions.holdsOpen(expected, last, longestTransaction)
                        && (transactions.allRolledBack(expected, last) || open.compareTo(grace) >= 0);
                if (!passable) {
                    Duration rest = grace.minus(open);
                    return new Ready(ready, expected, rest.isNegative() ? Duration.ZERO : rest);
                }
                LOG.debug("Passing missing offsets {}..{} (open {} ms)", expected, last, open.toMillis());
            }
            ready.add(stored);
            expected = offset + 1;
        }
        return new Ready(ready, -1, Duration.ZERO);
    }
}
