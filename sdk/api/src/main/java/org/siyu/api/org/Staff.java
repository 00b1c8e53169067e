package org.siyu.api.org;

import java.util.Objects;

/**
 * A staff member (a guide, 导购): can own customer relationships.
 *
 * @param id      a stable code; the value of a customer's {@code owner}
 * @param name    the display name
 * @param unitId  the org unit the member works in
 * @param account the admin account of the member, or {@code null}
 * @param active  whether the member still works here; inactive members own nobody new
 */
public record Staff(String id, String name, String unitId, String account, boolean active) {

    public Staff {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitId, "unitId");
    }
}
