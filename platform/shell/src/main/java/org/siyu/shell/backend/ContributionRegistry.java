package org.siyu.shell.backend;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.siyu.api.search.SearchProvider;
import org.siyu.api.security.Permission;
import org.siyu.api.security.PermissionProvider;
import org.siyu.api.security.Role;
import org.siyu.api.ui.CommandContribution;
import org.siyu.api.ui.EditorContribution;
import org.siyu.api.ui.InspectorSection;
import org.siyu.api.ui.ViewContribution;

/**
 * The UI contributions of all bundles. The host adds and removes them as OSGi services come and go; open
 * sessions listen and update their navigator, palette and tabs at once.
 */
public final class ContributionRegistry {

    /** A contributed service and the bundle it came from. */
    public record Contributed<T>(long serviceId, String bundle, T service) {
    }

    /** What changed; listeners get it on the host's thread and must hand UI work to their session. */
    public record Change(boolean added, Contributed<?> contribution) {
    }

    private final Map<Class<?>, Map<Long, Contributed<?>>> byType = new ConcurrentHashMap<>();
    private final List<java.util.function.Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    public void add(Class<?> type, long serviceId, String bundle, Object service) {
        Contributed<?> c = new Contributed<>(serviceId, bundle, type.cast(service));
        byType.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).put(serviceId, c);
        fire(new Change(true, c));
    }

    public void remove(Class<?> type, long serviceId) {
        Map<Long, Contributed<?>> map = byType.get(type);
        Contributed<?> c = map == null ? null : map.remove(serviceId);
        if (c != null) {
            fire(new Change(false, c));
        }
    }

    private void fire(Change change) {
        for (var listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                // one broken session must not hide a change from the others
            }
        }
    }

    /** Adds a listener; run the returned handle to remove it. */
    public Runnable subscribe(java.util.function.Consumer<Change> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @SuppressWarnings("unchecked")
    public <T> List<Contributed<T>> all(Class<T> type) {
        Map<Long, Contributed<?>> map = byType.get(type);
        if (map == null) {
            return List.of();
        }
        List<Contributed<T>> list = new ArrayList<>();
        for (Contributed<?> c : map.values()) {
            list.add((Contributed<T>) c);
        }
        list.sort(java.util.Comparator.comparingLong(Contributed::serviceId));
        return list;
    }

    public List<Contributed<ViewContribution>> views() {
        return all(ViewContribution.class);
    }

    public Optional<ViewContribution> view(String id) {
        return views().stream().map(Contributed::service).filter(v -> safeId(v).equals(id)).findFirst();
    }

    public Optional<EditorContribution> editor(String type) {
        return all(EditorContribution.class).stream().map(Contributed::service)
                .filter(e -> type.equals(e.type())).findFirst();
    }

    public List<Contributed<InspectorSection>> inspectorSections() {
        return all(InspectorSection.class);
    }

    public List<Contributed<CommandContribution>> commands() {
        return all(CommandContribution.class);
    }

    public Optional<CommandContribution> command(String id) {
        return commands().stream().map(Contributed::service).filter(c -> id.equals(c.id())).findFirst();
    }

    public List<Contributed<SearchProvider>> searchProviders() {
        return all(SearchProvider.class);
    }

    /** Every declared permission by id. */
    public Map<String, Permission> permissions() {
        Map<String, Permission> result = new java.util.TreeMap<>();
        for (Contributed<PermissionProvider> p : all(PermissionProvider.class)) {
            try {
                for (Permission permission : p.service().permissions()) {
                    result.put(permission.id(), permission);
                }
            } catch (RuntimeException e) {
                // a provider that throws declares nothing
            }
        }
        return result;
    }

    /**
     * Whether {@code role} holds {@code permission}: {@code null} is every signed-in user; an undeclared
     * permission is admin-only.
     */
    public boolean isPermitted(Role role, String permission) {
        if (permission == null || permission.isEmpty()) {
            return true;
        }
        Permission declared = permissions().get(permission);
        Role least = declared == null ? Role.ADMIN : declared.leastRole();
        return role.includes(least);
    }

    /** What {@code bundle} contributes, as short lines ("view notes.list"). */
    public List<String> describe(String bundle) {
        List<String> lines = new ArrayList<>();
        for (var entry : byType.entrySet()) {
            for (Contributed<?> c : (Collection<Contributed<?>>) entry.getValue().values()) {
                if (c.bundle().equals(bundle)) {
                    lines.add(kind(entry.getKey()) + " " + label(c.service()));
                }
            }
        }
        lines.sort(null);
        return lines;
    }

    private static String kind(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "ViewContribution" -> "view";
            case "EditorContribution" -> "editor";
            case "InspectorSection" -> "inspector";
            case "CommandContribution" -> "command";
            case "SearchProvider" -> "search";
            case "PermissionProvider" -> "permissions";
            default -> type.getSimpleName();
        };
    }

    private static String label(Object service) {
        try {
            if (service instanceof ViewContribution v) {
                return v.id();
            }
            if (service instanceof EditorContribution e) {
                return e.type();
            }
            if (service instanceof CommandContribution c) {
                return c.id();
            }
            if (service instanceof InspectorSection s) {
                return s.title().en();
            }
            if (service instanceof PermissionProvider p) {
                return String.join(",", p.permissions().stream().map(Permission::id).toList());
            }
        } catch (RuntimeException e) {
            return "(broken: " + e.getMessage() + ")";
        }
        return service.getClass().getSimpleName();
    }

    private static String safeId(ViewContribution v) {
        try {
            return v.id();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The contributions tracked, by interface. */
    public static final List<Class<?>> TYPES = List.of(ViewContribution.class, EditorContribution.class,
            InspectorSection.class, CommandContribution.class, SearchProvider.class, PermissionProvider.class);
}
