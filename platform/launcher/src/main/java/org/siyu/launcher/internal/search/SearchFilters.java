package org.siyu.launcher.internal.search;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.siyu.api.search.SearchFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundles' {@link SearchFilter}s by document type (whiteboard): which hits a user may see. Failing closed: a
 * filter that throws hides the hit, so a broken filter never shows a store manager another store's customers.
 */
final class SearchFilters {

    private static final Logger LOG = LoggerFactory.getLogger(SearchFilters.class);

    private final Map<String, List<SearchFilter>> byType = new ConcurrentHashMap<>();

    /** Follows the filter services of all bundles until the returned tracker is closed. */
    ServiceTracker<SearchFilter, SearchFilter> track(BundleContext context) {
        ServiceTracker<SearchFilter, SearchFilter> tracker = new ServiceTracker<>(context, SearchFilter.class, null) {
            @Override
            public SearchFilter addingService(ServiceReference<SearchFilter> ref) {
                SearchFilter filter = context.getService(ref);
                if (filter != null) {
                    add(filter);
                }
                return filter;
            }

            @Override
            public void removedService(ServiceReference<SearchFilter> ref, SearchFilter filter) {
                byType.values().forEach(list -> list.remove(filter));
                context.ungetService(ref);
            }
        };
        tracker.open(true);
        return tracker;
    }

    /** A filter's type is read once, when it registers. */
    void add(SearchFilter filter) {
        String type;
        try {
            type = filter.type();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("A search filter that cannot name its type is ignored: {}", e.toString());
            return;
        }
        byType.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(filter);
    }

    boolean isEmpty() {
        return byType.isEmpty();
    }

    /** Whether {@code username} may see a hit: every filter of its type must agree. */
    boolean visible(String type, String id, String username) {
        List<SearchFilter> guards = byType.get(type);
        if (guards == null) {
            return true;
        }
        for (SearchFilter f : guards) {
            try {
                if (!f.visible(id, username)) {
                    return false;
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Search filter for '{}' failed on {}; hit hidden: {}", type, id, e.toString());
                return false;
            }
        }
        return true;
    }
}
