package org.siyu.api.org;

import java.util.Set;

/**
 * What part of the customer base an account may see.
 *
 * @param unrestricted whether the account sees every customer
 * @param unitIds      the units in scope (the account's unit and every unit below it); empty when unrestricted
 * @param staffIds     the staff of those units: a customer is in scope when its owner is one of them
 */
public record DataScope(boolean unrestricted, Set<String> unitIds, Set<String> staffIds) {

    /** The scope that sees everything. */
    public static final DataScope ALL = new DataScope(true, Set.of(), Set.of());

    public DataScope {
        unitIds = Set.copyOf(unitIds);
        staffIds = Set.copyOf(staffIds);
    }

    /** Whether a customer owned by {@code owner} (a staff id, or {@code null} for nobody) is in scope. */
    public boolean allowsOwner(String owner) {
        return unrestricted || (owner != null && staffIds.contains(owner));
    }
}
