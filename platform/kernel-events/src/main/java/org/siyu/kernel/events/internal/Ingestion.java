package org.siyu.kernel.events.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siyu.api.events.Event;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.persistence.PersistenceUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests checked events in one transaction: resolves identities to the subject, skips ids already on the bus
 * (or repeated in the request), publishes the rest. An event whose identities the identity service refuses is
 * rejected and the transaction is run again without it, so the events applied always commit together.
 */
final class Ingestion {

    private static final Logger LOG = LoggerFactory.getLogger(Ingestion.class);

    /**
     * The answer of one request.
     *
     * @param accepted   events applied now
     * @param duplicates valid events whose id was already on the bus or earlier in the request: not applied again
     * @param rejected   refused events, with index and field
     */
    record Result(int accepted, int duplicates, List<IngestValidation.Rejection> rejected) {
    }

    private final PersistenceUnit unit;
    private final EventBusService bus;
    private final IdentityService identities;

    Ingestion(PersistenceUnit unit, EventBusService bus, IdentityService identities) {
        this.unit = unit;
        this.bus = bus;
        this.identities = identities;
    }

    Result ingest(IngestValidation.Checked checked) {
        List<IngestValidation.Rejection> rejected = new ArrayList<>(checked.rejected());
        List<IngestValidation.Candidate> remaining = new ArrayList<>(checked.valid());
        while (!remaining.isEmpty()) {
            List<IngestValidation.Candidate> batch = List.copyOf(remaining);
            try {
                int applied = unit.inTransaction(em -> apply(batch));
                rejected.sort(java.util.Comparator.comparingInt(IngestValidation.Rejection::index));
                return new Result(applied, batch.size() - applied, rejected);
            } catch (RefusedIdentity refused) {
                LOG.debug("Ingestion: event {} refused by identity service: {}", refused.candidate.index(),
                        refused.getMessage());
                rejected.add(new IngestValidation.Rejection(refused.candidate.index(), "identities", refused.getMessage()));
                remaining.remove(refused.candidate);
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(IngestValidation.Rejection::index));
        return new Result(0, 0, rejected);
    }

    /** Runs inside the transaction; answers how many events were new. */
    private int apply(List<IngestValidation.Candidate> batch) {
        Set<String> existing = bus.existingIds(batch.stream().map(IngestValidation.Candidate::id).toList());
        Set<String> seen = new HashSet<>();
        List<Event> events = new ArrayList<>(batch.size());
        for (IngestValidation.Candidate c : batch) {
            if (existing.contains(c.id()) || !seen.add(c.id())) {
                continue; // not applied twice: no identity resolution either
            }
            Integer subject = c.subject();
            if (!c.identities().isEmpty()) {
                try {
                    subject = identities.resolve(c.identities(), Map.of()).customerId();
                } catch (IllegalArgumentException e) {
                    throw new RefusedIdentity(c, e.getMessage());
                }
            }
            events.add(new Event(0, c.id(), c.type(), c.source(), subject, c.time(), c.data()));
        }
        return bus.publishAll(events).size();
    }

    /** Aborts the transaction: the identity service refused one event's identities. */
    private static final class RefusedIdentity extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient IngestValidation.Candidate candidate;

        RefusedIdentity(IngestValidation.Candidate candidate, String detail) {
            super(detail == null ? "the identity service refused these identities" : detail, null, false, false);
            this.candidate = candidate;
        }
    }
}
