package org.siyu.commerce.imports.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.support.csv.CsvFile;
import org.siyu.support.csv.CsvFileException;
import org.siyu.support.csv.Row;

/**
 * Reads and checks every order, asks which were recorded before ({@code cmi_recorded}), which identities OneID knows
 * ({@link IdentityService#find}, read only) and which SKU codes the catalogue has: the numbers a real run would give,
 * before anything is written. Orders are looked at in batches as they are read, never all held.
 */
final class DryRun {

    private static final int MAX_UNKNOWN_SKUS = 20;
    private static final int BATCH = 500;

    private final PersistenceUnit unit;
    private final ImportStore store;
    private final IdentityService identity;
    private final Predicate<String> inCatalogue;

    // the tally
    private final List<RowError> errors = new ArrayList<>();
    private int errorCount;
    private int ok;
    private int rejected;
    private int rejectedRows;
    private int newOrders;
    private int multiLine;
    private int newCustomers;
    private int masked;
    private final Set<Integer> existing = new HashSet<>();
    private final Set<String> seenInFile = new HashSet<>();
    private final Map<String, Integer> known = new HashMap<>();
    private final Set<String> unknownSkus = new TreeSet<>();

    DryRun(PersistenceUnit unit, ImportStore store, IdentityService identity, Predicate<String> inCatalogue) {
        this.unit = unit;
        this.store = store;
        this.identity = identity;
        this.inCatalogue = inCatalogue;
    }

    DryRunReport run(CsvFile file, OrderReader reader) throws CsvFileException {
        OrderReader.Scan scan = reader.scan(file);
        List<ImportOrder> batch = new ArrayList<>(BATCH);
        try (CsvFile.RowReader rows = file.rows()) {
            Row row;
            while ((row = rows.next()) != null) {
                take(reader.accept(row), batch);
                if (batch.size() >= BATCH) {
                    look(batch);
                    batch.clear();
                }
            }
        }
        take(reader.finish(), batch);
        look(batch);
        errors.sort((a, b) -> Integer.compare(a.row(), b.row()));
        return new DryRunReport(scan.rows(), scan.orders(), ok, rejected, rejectedRows, List.copyOf(errors),
                errorCount, newOrders, ok - newOrders, multiLine, newCustomers, existing.size(), masked,
                List.copyOf(unknownSkus));
    }

    private void take(List<OrderReader.Outcome> outcomes, List<ImportOrder> batch) {
        for (OrderReader.Outcome o : outcomes) {
            if (o.ok()) {
                ok++;
                batch.add(o.order());
                continue;
            }
            rejectedRows += o.rows();
            if (o.orderNo() != null) {
                rejected++;
            }
            errorCount += o.errors().size();
            for (RowError e : o.errors()) {
                if (errors.size() < ImportStore.MAX_ERRORS) {
                    errors.add(e);
                }
            }
        }
    }

    private void look(List<ImportOrder> batch) {
        if (batch.isEmpty()) {
            return;
        }
        String channel = batch.get(0).channel();
        Set<String> recordedBefore = unit.inTransaction(em -> store.recorded(em, channel,
                batch.stream().map(ImportOrder::externalId).toList()));
        for (ImportOrder order : batch) {
            if (order.rows() > 1) {
                multiLine++;
            }
            if (order.phoneMasked()) {
                masked++;
            }
            order.lines().forEach(l -> {
                if (l.skuCode() != null && unknownSkus.size() < MAX_UNKNOWN_SKUS && !inCatalogue.test(l.skuCode())) {
                    unknownSkus.add(l.skuCode());
                }
            });
            if (recordedBefore.contains(order.externalId())) {
                continue;
            }
            newOrders++;
            boolean knownCustomer = false;
            for (String id : order.identities()) {
                int customer = known.computeIfAbsent(id, key -> {
                    OptionalInt found = identity.find(key);
                    return found.isPresent() ? found.getAsInt() : 0;
                });
                if (customer > 0) {
                    existing.add(customer);
                    knownCustomer = true;
                } else if (seenInFile.contains(id)) {
                    knownCustomer = true; // an earlier order of the file creates it
                }
            }
            if (!knownCustomer) {
                newCustomers++;
            }
            seenInFile.addAll(order.identities());
        }
    }
}
