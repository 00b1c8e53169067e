package org.siyu.shell.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.siyu.api.security.Role;
import org.siyu.api.ui.CommandContribution;
import org.siyu.api.ui.Perspective;
import org.siyu.api.ui.ViewContribution;
import org.siyu.shell.backend.ContributionRegistry;
import org.siyu.shell.backend.ContributionRegistry.Contributed;

/**
 * What exists right now: the shell's built-in views plus the registry's views and commands, and the
 * filters that decide what a role sees in a perspective.
 */
public final class Catalog {

    private final ContributionRegistry registry;
    private final Supplier<List<ViewEntry>> builtIns;
    private final Access access;

    public Catalog(ContributionRegistry registry, Supplier<List<ViewEntry>> builtIns) {
        this.registry = registry;
        this.builtIns = builtIns;
        this.access = new Access(registry);
    }

    public Access access() {
        return access;
    }

    /** Every view, built-ins first; the first of two views with one id wins. */
    public List<ViewEntry> views() {
        Map<String, ViewEntry> byId = new LinkedHashMap<>();
        for (ViewEntry entry : builtIns.get()) {
            byId.putIfAbsent(entry.id(), entry);
        }
        if (registry != null) {
            for (Contributed<ViewContribution> c : registry.views()) {
                ViewEntry.of(c.service(), c.bundle()).ifPresent(e -> byId.putIfAbsent(e.id(), e));
            }
        }
        return List.copyOf(byId.values());
    }

    public Optional<ViewEntry> view(String id) {
        return views().stream().filter(v -> v.id().equals(id)).findFirst();
    }

    public List<CommandEntry> commands() {
        List<CommandEntry> result = new ArrayList<>();
        if (registry != null) {
            for (Contributed<CommandContribution> c : registry.commands()) {
                CommandEntry.of(c.service(), c.bundle()).ifPresent(result::add);
            }
        }
        return result;
    }

    public Optional<CommandEntry> command(String id) {
        return commands().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The views {@code role} may open, in any perspective. */
    public List<ViewEntry> permittedViews(Role role) {
        return views().stream().filter(v -> access.isPermitted(role, v.permission())).toList();
    }

    /** The views the navigator shows: permitted and of {@code perspective}, by group then title. */
    public List<ViewEntry> navigator(Role role, Perspective perspective, Locale locale) {
        return permittedViews(role).stream().filter(v -> v.perspective() == perspective)
                .sorted(Comparator.comparing((ViewEntry v) -> v.group().get(locale))
                        .thenComparing(v -> v.title().get(locale)))
                .toList();
    }

    /** Groups the navigator's views by their group's text in {@code locale}, keeping the order. */
    public static Map<String, List<ViewEntry>> grouped(List<ViewEntry> views, Locale locale) {
        Map<String, List<ViewEntry>> groups = new LinkedHashMap<>();
        for (ViewEntry v : views) {
            groups.computeIfAbsent(v.group().get(locale), g -> new ArrayList<>()).add(v);
        }
        return groups;
    }

    public List<CommandEntry> permittedCommands(Role role) {
        return commands().stream().filter(c -> access.isPermitted(role, c.permission())).toList();
    }
}
