package org.siyu.commerce.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.siyu.api.org.DataScope;
import org.siyu.api.org.OrgService;
import org.siyu.api.org.OrgUnit;
import org.siyu.api.org.Staff;

/** Data scopes by account: {@code manager-east} sees the customers owned by guide g1; everyone else sees all. */
public final class FakeOrg implements OrgService {

    private final Map<String, DataScope> scopes = Map.of("manager-east",
            new DataScope(false, Set.of("east"), Set.of("g1")));

    @Override
    public DataScope scope(String account) {
        return scopes.getOrDefault(account, DataScope.ALL);
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
        return List.of();
    }

    @Override
    public Optional<Staff> staffMember(String id) {
        return Optional.empty();
    }

    @Override
    public Staff saveStaff(Staff staff, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void linkAccount(String account, String unitId, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> accountUnit(String account) {
        return Optional.ofNullable(scopes.containsKey(account) ? "east" : null);
    }
}
