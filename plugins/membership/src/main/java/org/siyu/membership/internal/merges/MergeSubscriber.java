package org.siyu.membership.internal.merges;

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
 * Subscriber {@code membership.merges}: OneID's {@code customer.merged} and {@code customer.unmerged}. Both have the
 * survivor as subject, so the bus delivers an undo after its merge.
 */
@Component(service = EventSubscriber.class, property = {
        EventSubscriber.ID + "=membership.merges",
        EventSubscriber.TYPES + "=customer.merged,customer.unmerged"})
public class MergeSubscriber implements EventSubscriber {

    private final Merges merges;

    @Activate
    public MergeSubscriber(@Reference(target = MembershipEntities.TARGET) PersistenceUnit unit, @Reference Tiers tiers,
            @Reference PointsLedger ledger) {
        this.merges = new Merges(unit, tiers, ledger, Clock.systemUTC());
    }

    @Override
    public void onEvent(Event event) {
        merges.apply(event);
    }
}
