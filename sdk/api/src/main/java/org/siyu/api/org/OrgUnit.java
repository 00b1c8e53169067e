package org.siyu.api.org;

import java.util.Objects;

/**
 * A node of the organisation tree.
 *
 * @param id       a stable code, e.g. {@code hq}, {@code east}, {@code sh-jingan}
 * @param parentId the parent unit, {@code null} for the root
 * @param name     the display name (Chinese names are normal)
 * @param kind     what the unit is
 */
public record OrgUnit(String id, String parentId, String name, Kind kind) {

    public OrgUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** The kinds of unit. */
    public enum Kind { HQ, REGION, STORE }
}
