package org.siyu.membership.internal.orders;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import org.siyu.api.events.Event;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.membership.internal.Json;
import org.siyu.membership.internal.Money;
import org.siyu.membership.internal.Seen;
import org.siyu.membership.internal.model.Cause;
import org.siyu.membership.internal.model.LedgerEntry;
import org.siyu.membership.internal.model.Member;
import org.siyu.membership.internal.model.OrderFact;
import org.siyu.membership.internal.model.Tier;
import org.siyu.membership.internal.points.PointsLedger;
import org.siyu.membership.internal.tiers.Tiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * What membership does about {@code order.paid} and {@code order.refunded}, whoever published them (commerce, the
 * marketplace import, ingestion): the order fact, points earned or clawed back, growth, an immediate upgrade. All of it
 * in one transaction with the event's id recorded, so a redelivered event changes nothing; a second event for an order
 * already paid (another event id) changes nothing either. Times are the event's, not the time of processing.
 */
public final class OrderEvents {

    private static final Logger LOG = LoggerFactory.getLogger(OrderEvents.class);

    /** The idempotency scope of event ids. */
    static final String EVENTS = "membership.orders";
    /** The idempotency scope of refund ids (a refund announced twice under different event ids). */
    static final String REFUNDS = "membership.refunds";

    private final PersistenceUnit unit;
    private final Tiers tiers;
    private final PointsLedger ledger;
    private final Clock clock;

    public OrderEvents(PersistenceUnit unit, Tiers tiers, PointsLedger ledger, Clock clock) {
        this.unit = unit;
        this.tiers = tiers;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Applies one event.
     *
     * @return what happened, for logs and tests
     * @throws IllegalArgumentException naming the field when the event's data is unusable (the bus retries it and
     *                                  then keeps it in the dead letters)
     */
    public Outcome apply(Event event) {
        boolean paid = "order.paid".equals(event.type());
        if (!paid && !"order.refunded".equals(event.type())) {
            return Outcome.IGNORED;
        }
        JsonNode data = Json.read(event.data(), event.type());
        String orderId = Json.text(data, "orderId");
        if (orderId == null) {
            throw new IllegalArgumentException(event.type() + " " + event.id() + ": field 'orderId' is missing");
        }
        if (orderId.length() > 100) {
            throw new IllegalArgumentException(event.type() + " " + event.id() + ": field 'orderId' is longer than 100");
        }
        if (paid && event.subject() == null) {
            LOG.warn("{} {} has no subject (customer): no points for order {}", event.type(), event.id(), orderId);
            return Outcome.IGNORED;
        }
        return unit.inTransaction(em -> {
            if (!Seen.first(em, EVENTS, event.id(), clock.instant())) {
                return Outcome.DUPLICATE;
            }
            return paid ? paid(em, event, data, orderId) : refunded(em, event, data, orderId);
        });
    }

    /** What {@link #apply} did. */
    public enum Outcome {
        EARNED, REFUNDED, DUPLICATE, UNKNOWN_ORDER, IGNORED
    }

    private Outcome paid(EntityManager em, Event event, JsonNode data, String orderId) {
        Long amount = Json.number(data, "amountFen", null, event.type());
        if (amount == null) {
            amount = Json.number(data, "totalFen", null, event.type());
        }
        if (amount == null || amount < 0) {
            throw new IllegalArgumentException(event.type() + " " + event.id()
                    + ": field 'amountFen' (fen paid, ≥ 0) is missing or negative");
        }
        if (em.find(OrderFact.class, orderId) != null) {
            return Outcome.DUPLICATE;
        }
        String channel = Json.text(data, "channel");
        channel = channel == null ? event.source() : channel;
        channel = channel.length() > 64 ? channel.substring(0, 64) : channel;
        // An order of a customer OneID has merged away (delivered after the merge: the bus orders events per subject
        // only) belongs to the survivor, where the merged customer's membership went.
        int customerId = org.siyu.membership.internal.merges.Merges.survivorOf(em, event.subject());
        Instant at = event.time();
        Member member = tiers.lockOrJoin(em, customerId, at, "order " + orderId);
        Tier tier = em.find(Tier.class, member.tierCode());
        long points = amount * (tier == null ? 100 : tier.pointsPer100()) / 10_000;
        OrderFact fact = new OrderFact(orderId, customerId, channel, at, amount, event.id());
        long growth = amount / 100;
        fact.growth(growth);
        fact.earned(points);
        em.persist(fact);
        member.addGrowth(growth, clock.instant());
        ledger.earn(em, member, points, at, new Cause("order:" + orderId, orderId, event.id(), null,
                "order " + orderId + " paid " + Money.yuan(amount) + " at " + (tier == null ? "?" : tier.nameZh())
                        + " rate " + (tier == null ? 100 : tier.pointsPer100()) + " per ¥100"));
        em.flush(); // the rolling spend below reads the fact with SQL
        tiers.upgrade(em, member, at, "order " + orderId + " (event " + event.id() + ")");
        return Outcome.EARNED;
    }

    private Outcome refunded(EntityManager em, Event event, JsonNode data, String orderId) {
        OrderFact fact = em.find(OrderFact.class, orderId);
        if (fact == null) {
            LOG.debug("{} {}: order {} was never seen paid; nothing to claw back", event.type(), event.id(), orderId);
            return Outcome.UNKNOWN_ORDER;
        }
        String refundId = Json.text(data, "refundId");
        if (refundId != null && !Seen.first(em, REFUNDS, orderId + ":" + refundId, clock.instant())) {
            return Outcome.DUPLICATE;
        }
        Long amount = Json.number(data, "amountFen", null, event.type());
        Long total = Json.number(data, "refundedFen", null, event.type());
        if (amount == null && total == null) {
            throw new IllegalArgumentException(event.type() + " " + event.id()
                    + ": field 'amountFen' (this refund, fen) or 'refundedFen' (the order's refunds so far) is missing");
        }
        if ((amount != null && amount < 0) || (total != null && total < 0)) {
            throw new IllegalArgumentException(event.type() + " " + event.id() + ": a refund amount is negative");
        }
        // refundedFen, the order's running total, is exact even when refunds arrive twice; the sum is the fallback.
        long refunded = total != null ? total : fact.refundedFen() + amount;
        refunded = Math.min(fact.paidFen(), Math.max(fact.refundedFen(), refunded));
        Member member = tiers.lockOrJoin(em, fact.customerId(), event.time(), "refund of order " + orderId);
        fact.refunded(refunded);
        long target = refunded >= fact.paidFen() ? fact.pointsEarned()
                : fact.paidFen() == 0 ? 0 : Math.floorDiv(fact.pointsEarned() * refunded, fact.paidFen());
        long claw = target - fact.pointsClawed();
        if (claw > 0) {
            LedgerEntry entry = ledger.debit(em, member, LedgerEntry.Kind.CLAWBACK, claw, event.time(),
                    new Cause("refund:" + orderId + ":" + (refundId == null ? event.id() : refundId), orderId,
                            event.id(), null, "order " + orderId + " refunded " + Money.yuan(refunded) + " of "
                                    + Money.yuan(fact.paidFen())));
            if (entry != null) {
                fact.clawed(target);
            }
        }
        long growth = (fact.paidFen() - refunded) / 100;
        member.addGrowth(growth - fact.growth(), clock.instant());
        fact.growth(growth);
        return Outcome.REFUNDED;
    }
}
