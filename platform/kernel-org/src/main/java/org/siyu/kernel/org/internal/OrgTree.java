package org.siyu.kernel.org.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.siyu.api.org.DataScope;
import org.siyu.api.org.OrgUnit;
import org.siyu.api.org.Staff;

/**
 * One committed state of the organisation, immutable: units (parents before children, siblings by id), staff by
 * unit, account links, and the data scope of each unit, computed once per state on first use. {@link Org} swaps in
 * a new one after a change commits, so readers never lock.
 */
final class OrgTree {

    private final long version;
    private final Map<String, OrgUnit> units;
    private final Map<String, List<String>> children;
    private final Map<String, Staff> staff;
    private final Map<String, List<Staff>> staffByUnit;
    private final Map<String, String> accounts;
    private final String root;
    private final Map<String, DataScope> scopes = new ConcurrentHashMap<>();

    OrgTree(long version, Collection<OrgUnit> units, Collection<Staff> staff, Map<String, String> accounts) {
        this.version = version;
        Map<String, List<String>> kids = new HashMap<>();
        String top = null;
        for (OrgUnit u : units) {
            if (u.parentId() == null) {
                top = top == null || u.id().compareTo(top) < 0 ? u.id() : top;
            } else {
                kids.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u.id());
            }
        }
        kids.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        this.children = kids;
        this.root = top;
        Map<String, OrgUnit> byId = new HashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        // breadth first from the roots, so parents come before children; rows no root reaches (edited behind the
        // service's back) come last rather than vanish
        Map<String, OrgUnit> ordered = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        byId.values().stream().filter(u -> u.parentId() == null).map(OrgUnit::id).sorted().forEach(queue::add);
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if (ordered.putIfAbsent(id, byId.get(id)) == null) {
                queue.addAll(kids.getOrDefault(id, List.of()));
            }
        }
        byId.keySet().stream().sorted().forEach(id -> ordered.putIfAbsent(id, byId.get(id)));
        this.units = ordered;
        Map<String, Staff> members = new LinkedHashMap<>();
        Map<String, List<Staff>> perUnit = new HashMap<>();
        staff.stream().sorted(Comparator.comparing(Staff::id)).forEach(s -> {
            members.put(s.id(), s);
            perUnit.computeIfAbsent(s.unitId(), k -> new ArrayList<>()).add(s);
        });
        this.staff = members;
        this.staffByUnit = perUnit;
        this.accounts = Map.copyOf(accounts);
    }

    long version() {
        return version;
    }

    /** The root unit's id, or {@code null} if there is no unit. */
    String root() {
        return root;
    }

    List<OrgUnit> units() {
        return List.copyOf(units.values());
    }

    OrgUnit unit(String id) {
        return id == null ? null : units.get(id);
    }

    /** The direct children of a unit, by id. */
    List<String> children(String id) {
        return children.getOrDefault(id, List.of());
    }

    /** The unit and every unit below it, parents first; empty for an unknown unit. */
    Set<String> below(String id) {
        Set<String> found = new LinkedHashSet<>();
        if (!units.containsKey(id)) {
            return found;
        }
        Deque<String> queue = new ArrayDeque<>(List.of(id));
        while (!queue.isEmpty()) {
            String next = queue.poll();
            if (found.add(next)) {
                queue.addAll(children(next));
            }
        }
        return found;
    }

    /** Staff of the units, in the order of the units, each unit's by id. */
    List<Staff> staffOf(Collection<String> unitIds) {
        List<Staff> result = new ArrayList<>();
        for (String unitId : unitIds) {
            result.addAll(staffByUnit.getOrDefault(unitId, List.of()));
        }
        return result;
    }

    /** Every staff member, by id. */
    List<Staff> allStaff() {
        return List.copyOf(staff.values());
    }

    Staff staffMember(String id) {
        return id == null ? null : staff.get(id);
    }

    String accountUnit(String account) {
        return account == null ? null : accounts.get(account);
    }

    /** Account → unit, for the view. */
    Map<String, String> accounts() {
        return accounts;
    }

    /**
     * The scope of an account linked to {@code unitId}: everything for no unit, the root or a unit that no longer
     * exists in this state (the foreign key prevents that; a row removed by hand must not hide every customer, nor
     * show them all to a store account, so it is the unit's own, empty scope); else the unit, the units below it and
     * their staff (inactive members too: the customers they still own belong to the store).
     */
    DataScope scopeOfUnit(String unitId) {
        if (unitId == null || unitId.equals(root)) {
            return DataScope.ALL;
        }
        return scopes.computeIfAbsent(unitId, id -> {
            Set<String> unitIds = below(id);
            if (unitIds.isEmpty()) {
                unitIds = Set.of(id);
            }
            Set<String> staffIds = new LinkedHashSet<>();
            staffOf(unitIds).forEach(s -> staffIds.add(s.id()));
            return new DataScope(false, unitIds, staffIds);
        });
    }
}
