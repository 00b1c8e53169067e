package org.siyu.commerce.imports.internal;

import java.time.Instant;

/**
 * An import as stored: what was imported and how far it got.
 *
 * @param mapping        the column mapping, {@code <column>:<field>,…}
 * @param rowsTotal      non-blank rows after the header
 * @param ordersTotal    distinct order numbers in the file
 * @param ordersDone     orders taken care of: created, already recorded or rejected
 * @param ordersCreated  orders this import recorded in commerce
 * @param ordersExisting orders that were recorded before (by an earlier import or otherwise): left as they are
 * @param errorsStored   how many errors are kept (at most {@link ImportStore#MAX_ERRORS})
 */
public record ImportRecord(long id, String source, String fileName, String mapping, String charset, String delimiter,
        String actor, ImportState state, Long jobId, int rowsTotal, int ordersTotal, int ordersDone, int ordersCreated,
        int ordersExisting, int ordersRejected, int rowsRejected, int customersCreated, int errorsStored,
        String message, Instant createdAt, Instant finishedAt) {
}
