package org.siyu.commerce.imports.internal;

import java.util.List;

/**
 * What a real run of the file would do, found without writing anything.
 *
 * @param rows               non-blank rows after the header
 * @param orders             distinct order numbers
 * @param ok                 orders without errors
 * @param rejected           orders with errors (rejected whole)
 * @param rejectedRows       rows rejected: those of rejected orders and those without an order number
 * @param errors             the first {@link ImportStore#MAX_ERRORS} errors
 * @param errorCount         all errors
 * @param newOrders          good orders not recorded yet: what a run would create
 * @param recorded           good orders recorded before by an import: a run leaves them as they are
 * @param multiLine          good orders spanning more than one row
 * @param newCustomers       good new orders none of whose identities OneID knows or an earlier order brings
 * @param existingCustomers  distinct known customers the good orders point to
 * @param maskedPhones       good orders whose phone was masked (or a landline) and so not used to find the buyer
 * @param unknownSkus        SKU codes of good orders that commerce's catalogue lacks (their lines are recorded without a
 *                           SKU), at most 20
 */
public record DryRunReport(int rows, int orders, int ok, int rejected, int rejectedRows, List<RowError> errors,
        int errorCount, int newOrders, int recorded, int multiLine, int newCustomers, int existingCustomers,
        int maskedPhones, List<String> unknownSkus) {
}
