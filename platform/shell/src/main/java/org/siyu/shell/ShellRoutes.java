package org.siyu.shell;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.ServletContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.siyu.api.ui.ViewContribution;
import org.siyu.shell.backend.ContributionRegistry;
import org.siyu.shell.backend.ContributionRegistry.Change;
import org.siyu.shell.backend.ContributionRegistry.Contributed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run-time routes {@code view/<id>}, one per view contribution, added and removed as contributions come
 * and go. One instance per servlet context ({@link #of(ServletContext)}); the shell starts it when the
 * servlet context or the Vaadin service starts. Routes are set through the application route registry, which
 * works from any thread (OSGi threads have no current Vaadin service).
 */
public final class ShellRoutes {

    public static final String PREFIX = "view/";
    private static final String ATTRIBUTE = ShellRoutes.class.getName();
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Logger LOG = LoggerFactory.getLogger(ShellRoutes.class);

    private final ServletContext servletContext;
    private final Map<Long, String> byService = new HashMap<>();
    private final Map<String, Long> byPath = new HashMap<>();
    private ContributionRegistry registry;
    private Runnable subscription;

    private ShellRoutes(ServletContext servletContext) {
        this.servletContext = servletContext;
    }

    /** The instance of {@code context}, created on first use (not yet started). */
    public static ShellRoutes of(ServletContext context) {
        synchronized (context) {
            Object existing = context.getAttribute(ATTRIBUTE);
            if (existing instanceof ShellRoutes routes) {
                return routes;
            }
            ShellRoutes routes = new ShellRoutes(context);
            context.setAttribute(ATTRIBUTE, routes);
            return routes;
        }
    }

    /** The registered paths, e.g. {@code view/notes.list}. */
    public synchronized Set<String> routes() {
        return new TreeSet<>(byPath.keySet());
    }

    /** Whether routes follow a registry. */
    public synchronized boolean started() {
        return subscription != null;
    }

    /** Registers the views already in {@code registry} and follows it; does nothing when already started. */
    public synchronized void start(ContributionRegistry registry) {
        if (subscription != null) {
            return;
        }
        this.registry = registry;
        subscription = registry.subscribe(this::onChange);
        for (Contributed<ViewContribution> c : registry.views()) {
            add(c);
        }
    }

    /** Stops following the registry and removes every route it added. */
    public synchronized void stop() {
        if (subscription != null) {
            subscription.run();
            subscription = null;
        }
        for (String path : routes()) {
            remove(path);
        }
        byService.clear();
        registry = null;
    }

    @SuppressWarnings("unchecked")
    private synchronized void onChange(Change change) {
        if (!(change.contribution().service() instanceof ViewContribution)) {
            return;
        }
        if (change.added()) {
            add((Contributed<ViewContribution>) change.contribution());
        } else {
            String path = byService.remove(change.contribution().serviceId());
            if (path != null && java.util.Objects.equals(byPath.get(path), change.contribution().serviceId())) {
                remove(path);
                // another contribution with the same id takes over the path
                registry.views().stream().filter(c -> !byService.containsKey(c.serviceId())).forEach(this::add);
            }
        }
    }

    private void add(Contributed<ViewContribution> c) {
        String id;
        try {
            id = c.service().id();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("View contribution {} of {} has no usable id", c.serviceId(), c.bundle(), e);
            return;
        }
        if (id == null || !ID.matcher(id).matches()) {
            LOG.warn("View id '{}' of {} is not a valid path segment; no route", id, c.bundle());
            return;
        }
        String path = PREFIX + id;
        if (byPath.containsKey(path)) {
            return;
        }
        try {
            config().setRoute(path, ContributedViewRoute.class);
            byPath.put(path, c.serviceId());
            byService.put(c.serviceId(), path);
        } catch (RuntimeException e) {
            LOG.warn("Could not register route {}", path, e);
        }
    }

    private void remove(String path) {
        byPath.remove(path);
        try {
            config().removeRoute(path);
        } catch (RuntimeException e) {
            LOG.warn("Could not remove route {}", path, e);
        }
    }

    private RouteConfiguration config() {
        return RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(
                new VaadinServletContext(servletContext)));
    }
}
