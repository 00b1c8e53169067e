package org.siyu.testkit;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.siyu.api.org.DataScope;
import org.siyu.api.org.OrgService;
import org.siyu.api.org.OrgUnit;
import org.siyu.api.org.Staff;

/**
 * The org bundle's {@link OrgService} for data-scope tests: staff in a map, each account linked to one unit and
 * scoped to that unit's staff (no unit tree, so {@code includeBelow} is ignored); an account linked to no unit sees
 * everything ({@link DataScope#ALL}). {@link #failing} makes {@code scope} throw, as the org bundle would when its
 * database does. Saving units and staff is not supported.
 */
public final class FakeOrg implements OrgService {

    private final Map<String, Staff> staff = new LinkedHashMap<>();
    private final Map<String, String> accounts = new LinkedHashMap<>();
    private volatile RuntimeException failure;

    /** From now on {@code scope} throws {@code failure}; {@code null} stops that. */
    public FakeOrg failing(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    /** Adds a staff member of {@code unit}. */
    public FakeOrg staff(String id, String name, String unit, boolean active) {
        staff.put(id, new Staff(id, name, unit, null, active));
        return this;
    }

    /** Links {@code account} to {@code unit}: its scope is that unit and its staff. */
    public FakeOrg account(String account, String unit) {
        accounts.put(account, unit);
        return this;
    }

    @Override
    public List<OrgUnit> units() {
        return List.of();
    }

    @Override
    public Optional<OrgUnit> unit(String id) {
        return Optional.empty();
    }

    @Override
    public OrgUnit saveUnit(OrgUnit unit, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Staff> staff(String unitId, boolean includeBelow) {
        return staff.values().stream().filter(s -> unitId == null || s.unitId().equals(unitId)).toList();
    }

    @Override
    public Optional<Staff> staffMember(String id) {
        return Optional.ofNullable(staff.get(id));
    }

    @Override
    public Staff saveStaff(Staff member, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void linkAccount(String account, String unitId, String actor) {
        accounts.put(account, unitId);
    }

    @Override
    public Optional<String> accountUnit(String account) {
        return Optional.ofNullable(accounts.get(account));
    }

    @Override
    public DataScope scope(String account) {
        if (failure != null) {
            throw failure;
        }
        String unit = accounts.get(account);
        if (unit == null) {
            return DataScope.ALL;
        }
        Set<String> ids = new HashSet<>();
        staff(unit, true).forEach(s -> ids.add(s.id()));
        return new DataScope(false, Set.of(unit), ids);
    }
}
