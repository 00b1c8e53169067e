package org.siyu.bench.identity.peer;

import java.util.List;
import org.siyu.api.persistence.EntityContribution;

/** The online peer's unit: its entities and its migration, built by the test kit like any bundle's. */
public final class PeerEntities implements EntityContribution {

    @Override
    public String unit() {
        return "oneidpeer";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(PeerCustomer.class, PeerIdentity.class, PeerClaim.class, PeerPoison.class);
    }

    @Override
    public String migrations() {
        return "org/siyu/bench/identity/peer";
    }
}
