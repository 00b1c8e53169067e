package org.siyu.kernel.imports.internal;

import java.util.List;

/**
 * What a real run of the file would do, found without writing anything.
 *
 * @param rows       non-blank rows after the header
 * @param ok         rows that pass every check
 * @param rejected   rows with at least one error
 * @param errors     the errors, at most {@link ImportStore#MAX_ERRORS}, in file order
 * @param errorCount every error found (more than {@code errors.size()} when capped)
 * @param created    customers the run would create: good rows none of whose identities OneID knows or an earlier
 *                   row of the file brings
 * @param existing   distinct customers OneID already has that the file's identities point to
 * @param duplicates good rows with exactly the identities of an earlier row
 */
public record DryRunReport(int rows, int ok, int rejected, List<RowError> errors, int errorCount, int created,
        int existing, int duplicates) {
}
