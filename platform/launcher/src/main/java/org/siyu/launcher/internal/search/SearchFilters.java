package org.siyu.launcher.internal.search;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Map<String, List<SearchFilter>> byType = new ConcurrentHashMap<>();
    /** When each failing filter was last logged as a warning (nanoTime). */
    private final Map<SearchFilter, Long> warned = new ConcurrentHashMap<>();

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
                warned.remove(filter);
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
                failed(f, type, id, e);
                return false;
            }
        }
        return true;
    }

    /**
     * A search asks about up to a thousand hits, so a broken filter would log a thousand warnings a search: one
     * warning (with the stack) a minute per filter, the rest at debug level.
     */
    private void failed(SearchFilter f, String type, String id, Throwable e) {
        long now = System.nanoTime();
        Long last = warned.get(f);
        boolean warn = last == null ? warned.putIfAbsent(f, now) == null
                : now - last >= WARN_EVERY_NANOS && warned.replace(f, last, now);
        if (warn) {
            LOG.warn("Search filter for '{}' failed on {}; its hits are hidden (further failures within a minute are "
                    + "logged at debug level): {}", type, id, e.toString(), e);
        } else {
            LOG.debug("Search filter for '{}' failed on {}; hit hidden: {}", type, id, e.toString());
        }
    }
}
