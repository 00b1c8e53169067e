package org.siyu.launcher.internal.rest;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.siyu.api.rest.RestResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RestResource} services of all bundles by name. The host's own resources ({@link #RESERVED}) cannot be
 * taken; of two bundles claiming one name, the first keeps it.
 */
public final class RestResources {

    private static final Logger LOG = LoggerFactory.getLogger(RestResources.class);

    /** Names the host serves itself. */
    static final Set<String> RESERVED = Set.of("auth", "plugins", "health", "search", "jobs");

    private final Map<String, RestResource> byName = new ConcurrentHashMap<>();
    private final ServiceTracker<RestResource, RestResource> tracker;

    public RestResources(BundleContext context) {
        tracker = new ServiceTracker<>(context, RestResource.class, null) {
            @Override
            public RestResource addingService(ServiceReference<RestResource> ref) {
                RestResource resource = context.getService(ref);
                String name = safeName(resource);
                String bundle = ref.getBundle() == null ? "?" : ref.getBundle().getSymbolicName();
                if (name == null || !name.matches("[a-z][a-z0-9-]{0,40}") || RESERVED.contains(name)) {
                    LOG.error("REST resource '{}' of {} refused: a name is lower-case letters, digits and '-', not one of {}",
                            name, bundle, RESERVED);
                } else if (byName.putIfAbsent(name, resource) != null) {
                    LOG.error("REST resource '{}' of {} refused: the name is taken", name, bundle);
                }
                return resource;
            }

            @Override
            public void removedService(ServiceReference<RestResource> ref, RestResource resource) {
                byName.values().remove(resource);
                context.ungetService(ref);
            }
        };
    }

    public void open() {
        tracker.open(true);
    }

    public void close() {
        tracker.close();
    }

    Optional<RestResource> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static String safeName(RestResource resource) {
        try {
            return resource.name();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
