package org.siyu.membership.internal.orders;

import java.time.Clock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventSubscriber;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.membership.internal.MembershipEntities;
import org.siyu.membership.internal.points.PointsLedger;
import org.siyu.membership.internal.tiers.Tiers;

/**
 * Subscriber {@code membership.orders}: every {@code order.paid} and {@code order.refunded} on the bus, from the
 * earliest retained event (so installing membership later credits the orders already paid). Works without commerce:
 * orders from the marketplace import or the ingestion endpoint count the same.
 */
@Component(service = EventSubscriber.class, property = {
        EventSubscriber.ID + "=membership.orders",
        EventSubscriber.TYPES + "=order.paid,order.refunded"})
public class OrderSubscriber implements EventSubscriber {

    private final OrderEvents orders;

    @Activate
    public OrderSubscriber(@Reference(target = MembershipEntities.TARGET) PersistenceUnit unit, @Reference Tiers tiers,
            @Reference PointsLedger ledger) {
        this.orders = new OrderEvents(unit, tiers, ledger, Clock.systemUTC());
    }

    @Override
    public void onEvent(Event event) {
        orders.apply(event);
    }
}
