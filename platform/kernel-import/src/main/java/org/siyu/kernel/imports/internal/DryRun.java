package org.siyu.kernel.imports.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.siyu.api.identity.IdentityService;
import org.siyu.support.csv.CsvFile;
import org.siyu.support.csv.CsvFileException;
import org.siyu.support.csv.Row;

/**
 * Checks every row and asks OneID ({@link IdentityService#find}, read only) which identities it knows: the numbers
 * the real run would give, before anything is written.
 */
final class DryRun {

    private final IdentityService identity;

    DryRun(IdentityService identity) {
        this.identity = identity;
    }

    DryRunReport run(CsvFile file, RowChecker checker) throws CsvFileException {
        int rows = 0;
        int ok = 0;
        int rejected = 0;
        int errorCount = 0;
        int created = 0;
        int duplicates = 0;
        List<RowError> errors = new ArrayList<>();
        Set<List<String>> identitySets = new HashSet<>();
        Set<String> seenInFile = new HashSet<>();
        Map<String, Integer> known = new HashMap<>();
        Set<Integer> existing = new HashSet<>();
        try (CsvFile.RowReader reader = file.rows()) {
            Row row;
            while ((row = reader.next()) != null) {
                rows++;
                CheckedRow checked = checker.check(row);
                if (!checked.ok()) {
                    rejected++;
                    errorCount += checked.errors().size();
                    for (RowError error : checked.errors()) {
                        if (errors.size() < ImportStore.MAX_ERRORS) {
                            errors.add(error);
                        }
                    }
                    continue;
                }
                ok++;
                List<String> ids = checked.request().identities().stream().sorted().toList();
                if (!identitySets.add(ids)) {
                    duplicates++;
                }
                boolean knownCustomer = false;
                for (String id : ids) {
                    int customer = known.computeIfAbsent(id, key -> {
                        OptionalInt found = identity.find(key);
                        return found.isPresent() ? found.getAsInt() : 0;
                    });
                    if (customer > 0) {
                        existing.add(customer);
                        knownCustomer = true;
                    } else if (seenInFile.contains(id)) {
                        knownCustomer = true; // an earlier row creates it
                    }
                }
                if (!knownCustomer) {
                    created++;
                }
                seenInFile.addAll(ids);
            }
        }
        return new DryRunReport(rows, ok, rejected, List.copyOf(errors), errorCount, created, existing.size(),
                duplicates);
    }
}
