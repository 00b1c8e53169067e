package org.siyu.kernel.imports.internal;

import java.time.Instant;

/**
 * An import as stored: what was imported and how far it got.
 *
 * @param mapping          the column mapping, lines {@code <column>\t<target>}
 * @param rowsTotal        non-blank rows after the header
 * @param rowsDone         rows taken care of: imported plus rejected
 * @param customersCreated customers that did not exist before
 * @param tagsAdded        tag assignments that are new (a tag a customer already had from an import is not counted)
 * @param errorsStored     how many errors are kept (at most {@link ImportStore#MAX_ERRORS}; rejected rows may be more)
 */
public record ImportRecord(long id, String fileName, String mapping, String charset, String delimiter, String actor,
        ImportState state, Long jobId, int rowsTotal, int rowsDone, int rowsImported, int rowsRejected,
        int customersCreated, int tagsAdded, int errorsStored, String message, Instant createdAt,
        Instant finishedAt) {
}
