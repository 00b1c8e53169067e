package org.siyu.api.org;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Org units, staff and data scopes. Provided by the kernel; writes join the calling thread's transaction. */
@ProviderType
public interface OrgService {

    /** Every unit, parents before children. */
    List<OrgUnit> units();

    Optional<OrgUnit> unit(String id);

    /**
     * Creates or updates a unit.
     *
     * @throws IllegalArgumentException naming the field: a blank id or name, an unknown parent, a cycle
     */
    OrgUnit saveUnit(OrgUnit unit, String actor);

    /** Staff of a unit and, if {@code includeBelow}, of every unit below it; {@code null} unit for all staff. */
    List<Staff> staff(String unitId, boolean includeBelow);

    Optional<Staff> staffMember(String id);

    /**
     * Creates or updates a staff member.
     *
     * @throws IllegalArgumentException naming the field: a blank id or name, an unknown unit
     */
    Staff saveStaff(Staff staff, String actor);

    /** Links an admin account to a unit (its data scope), or unlinks it with {@code null}. */
    void linkAccount(String account, String unitId, String actor);

    /** The unit an account is linked to, if any. */
    Optional<String> accountUnit(String account);

    /** The data scope of an account: unrestricted unless linked to a unit below the root. */
    DataScope scope(String account);
}
