package org.siyu.kernel.identity.internal;

import jakarta.persistence.EntityManager;
import java.util.Objects;
import java.util.function.Supplier;
import org.siyu.api.org.OrgService;
import org.siyu.api.org.Staff;
import org.siyu.kernel.identity.internal.store.CustomerRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who owns a customer (the guide, 导购): the staff id checked against the org bundle while it runs, written on the
 * customer and announced with {@code customer.owner.changed}.
 */
final class Owners {

    private static final Logger LOG = LoggerFactory.getLogger(Owners.class);

    private final CustomerEvents events;
    private final Supplier<OrgService> org;

    Owners(CustomerEvents events, Supplier<OrgService> org) {
        this.events = events;
        this.org = org;
    }

    /**
     * The owner to store for {@code staffId}: null for none, else the stripped id, checked against the org bundle
     * when it runs.
     *
     * @throws IllegalArgumentException for an id over the limit, or a staff member org does not know or is inactive
     */
    String checked(String staffId) {
        String owner = staffId == null || staffId.isBlank() ? null : staffId.strip();
        if (owner == null) {
            return null;
        }
        if (owner.length() > Traits.MAX_ATTRIBUTION) {
            throw new IllegalArgumentException("staff id '" + owner + "' is longer than " + Traits.MAX_ATTRIBUTION
                    + " characters");
        }
        OrgService service = org.get();
        if (service != null) {
            Staff staff = service.staffMember(owner).orElseThrow(() ->
                    new IllegalArgumentException("there is no staff member '" + owner + "'"));
            if (!staff.active()) {
                throw new IllegalArgumentException("staff member '" + owner + "' (" + staff.name()
                        + ") is inactive and cannot own customers");
            }
        }
        return owner;
    }

    /**
     * Sets the owner of a live customer; nothing happens (and nothing is published) when it is the owner already.
     *
     * @throws IllegalArgumentException for an unknown or merged customer
     */
    void assign(EntityManager em, WriteGate.Txn txn, int customerId, String owner, String by) {
        CustomerRow row = em.find(CustomerRow.class, customerId);
        if (row == null) {
            throw new IllegalArgumentException("there is no customer " + customerId);
        }
        if (row.getMergedInto() != 0) {
            throw new IllegalArgumentException("customer " + customerId + " was merged into customer "
                    + row.getMergedInto() + "; assign the owner there");
        }
        String previous = row.getOwner();
        if (!Objects.equals(previous, owner)) {
            row.setOwner(owner);
            txn.customer(customerId, true, owner);
            events.ownerChanged(customerId, owner, previous, by);
            LOG.debug("Customer {} owner {} -> {} by {}", customerId, previous, owner, by);
        }
    }
}
