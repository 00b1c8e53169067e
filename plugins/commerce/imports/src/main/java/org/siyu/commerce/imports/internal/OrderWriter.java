package org.siyu.commerce.imports.internal;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siyu.api.commerce.CommerceService;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.identity.Resolution;
import org.siyu.api.identity.ResolveRequest;

/**
 * Writes checked orders in the caller's transaction: orders this bundle recorded before are skipped (counted as
 * existing), the others' buyers are resolved through OneID in one {@code resolveAll}, and each order is recorded
 * through {@link CommerceService#record}, idempotent by channel and order number, and noted in {@code cmi_recorded}.
 * Anything thrown rolls the whole of it back with the caller.
 */
final class OrderWriter {

    private final ImportStore store;
    private final IdentityService identity;
    private final CommerceService commerce;
    private final long importId;
    private final Clock clock;
    /** SKU code → whether commerce's catalogue has it; asked once per code and run. */
    private final Map<String, Boolean> catalogue = new HashMap<>();

    OrderWriter(ImportStore store, IdentityService identity, CommerceService commerce, long importId, Clock clock) {
        this.store = store;
        this.identity = identity;
        this.commerce = commerce;
        this.importId = importId;
        this.clock = clock;
    }

    boolean inCatalogue(String skuCode) {
        return catalogue.computeIfAbsent(skuCode, code -> commerce.sku(code).isPresent());
    }

    ImportStore.Counts write(EntityManager em, List<ImportOrder> orders) {
        if (orders.isEmpty()) {
            return new ImportStore.Counts(0, 0, 0, 0, 0, List.of());
        }
        String channel = orders.get(0).channel();
        Set<String> before = store.recorded(em, channel, orders.stream().map(ImportOrder::externalId).toList());
        List<ImportOrder> fresh = new ArrayList<>(orders.size());
        for (ImportOrder order : orders) {
            if (!before.contains(order.externalId())) {
                fresh.add(order);
            }
        }
        int existing = orders.size() - fresh.size();
        int created = 0;
        int customers = 0;
        if (!fresh.isEmpty()) {
            List<ResolveRequest> requests = fresh.stream().map(ImportOrder::request).toList();
            List<Resolution> resolutions = identity.resolveAll(requests);
            if (resolutions.size() != fresh.size()) {
                throw new IllegalStateException("OneID answered " + resolutions.size() + " resolutions for "
                        + fresh.size() + " requests");
            }
            for (int i = 0; i < fresh.size(); i++) {
                ImportOrder order = fresh.get(i);
                Resolution resolution = resolutions.get(i);
                if (resolution.created()) {
                    customers++;
                }
                CommerceService.Recorded recorded = commerce.record(order.external(resolution.customerId(),
                        this::inCatalogue));
                if (recorded.created()) {
                    created++;
                } else {
                    existing++; // recorded before by other means (an earlier tool, the demo): left as it is
                }
                store.recordedNow(em, order.channel(), order.externalId(), recorded.order().id(),
                        resolution.customerId(), importId, clock.instant());
            }
        }
        return new ImportStore.Counts(created, existing, 0, 0, customers, List.of());
    }
}
