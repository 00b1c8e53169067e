package org.siyu.launcher.internal.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import org.siyu.api.jobs.JobService;
import org.siyu.api.search.DocumentSource;
import org.siyu.api.search.SearchFilter;
import org.siyu.api.search.SearchDocument;
import org.siyu.api.search.SearchHit;
import org.siyu.api.search.SearchIndex;
import org.siyu.shell.backend.SearchAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's {@link SearchIndex}: a {@link LuceneIndex} in {@code $SIYU_HOME/data/search}, opened in the background so
 * the node's start does not wait for it (calls made meanwhile wait for it, up to {@link #OPEN_WAIT_SECONDS} s).
 * Searches see writes after at most {@link #REFRESH_MILLIS} ms; writes are committed every {@link #COMMIT_SECONDS} s
 * and when the node stops. {@link DocumentSource}s come and go through {@link #addSource}/{@link #removeSource}
 * ({@link DocumentSources}: the whiteboard and the rebuilds, each a job); when the index was just created, or was
 * unreadable and moved aside, every source is rebuilt once, as it arrives.
 */
public final class HostSearch implements SearchIndex, SearchAdmin, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HostSearch.class);

    static final long REFRESH_MILLIS = 500;
    static final long COMMIT_SECONDS = 10;
    static final int OPEN_WAIT_SECONDS = 60;
    static final int MAX_LIMIT = 1000;
    static final String REBUILD_KIND = DocumentSources.REBUILD_KIND;

    private final Path folder;
    private final CompletableFuture<LuceneIndex> index = new CompletableFuture<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "siyu-search");
        t.setDaemon(true);
        return t;
    });
    private final DocumentSources sources;
    private final SearchFilters filters = new SearchFilters();
    private volatile boolean closed;
    private volatile boolean opening;

    public HostSearch(Path folder, JobService jobs) {
        this.folder = folder;
        this.sources = new DocumentSources(jobs, this::index, this::ifOpen, () -> closed);
    }

    /** Opens the index on the search thread; returns at once. */
    public void openInBackground() {
        opening = true;
        timer.execute(() -> {
            long start = System.nanoTime();
            try {
                LuceneIndex opened = LuceneIndex.open(folder);
                // Scheduled before the index is handed out: close() waits for it, then stops the timer.
                timer.scheduleWithFixedDelay(this::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
                timer.scheduleWithFixedDelay(this::commit, COMMIT_SECONDS, COMMIT_SECONDS, TimeUnit.SECONDS);
                index.complete(opened);
                LOG.debug("Search index opened in {} ms", (System.nanoTime() - start) / 1_000_000);
                sources.opened(opened);
            } catch (IOException | RuntimeException e) {
                LOG.error("The search index in {} cannot be opened; search is unavailable: {}", folder, e.toString());
                index.completeExceptionally(e);
            }
        });
    }

    /**
     * Loads SmartCN's dictionaries now (about a second of CPU) rather than at the first write or search. Call after
     * the node has started, so it does not compete with the start.
     */
    public void warmUp() {
        timer.execute(() -> {
            if (index.isDone() && !index.isCompletedExceptionally()) {
                Analysis.terms(Analysis.smart(), Fields.BODY_WORDS, "私域客户运营平台");
            }
        });
    }

    /** The index if it has opened, else {@code null}. */
    private LuceneIndex ifOpen() {
        return index.isDone() && !index.isCompletedExceptionally() ? index.join() : null;
    }

    private LuceneIndex index() {
        if (closed) {
            throw new IllegalStateException("the search index is closed");
        }
        try {
            return index.get(OPEN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the search index is unavailable: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the search index did not open within " + OPEN_WAIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the search index");
        }
    }

    @Override
    public void put(Collection<SearchDocument> documents) {
        if (!documents.isEmpty()) {
            index().put(documents);
        }
    }

    @Override
    public void delete(String type, Collection<String> ids) {
        if (!ids.isEmpty()) {
            index().delete(type, ids);
        }
    }

    @Override
    public List<SearchHit> search(String query, Set<String> types, int limit, Locale locale) {
        check(query, limit);
        return index().search(query, types == null ? Set.of() : types, Math.min(limit, MAX_LIMIT));
    }

    private static void check(String query, int limit) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("the search query is blank");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
    }

    @Override
    public long count(String type) {
        return index().count(type);
    }

    @Override
    public long rebuild(String type, String actor) {
        return rebuild(type, actor, Locale.ENGLISH);
    }

    @Override
    public long rebuild(String type, String actor, Locale locale) {
        return sources.rebuild(type, actor, locale);
    }

    /** A {@link DocumentSource} registered. Returns false (and logs) if its type is unusable or taken. */
    public boolean addSource(long serviceId, String bundle, DocumentSource source) {
        return sources.add(serviceId, bundle, source);
    }

    public void removeSource(long serviceId) {
        sources.remove(serviceId);
    }

    /**
     * Follows the {@link DocumentSource} services of all bundles (whiteboard) until the returned tracker is closed.
     * Open it before bundles start, so no source registered at boot is missed.
     */
    public ServiceTracker<DocumentSource, DocumentSource> track(BundleContext context) {
        return sources.track(context);
    }

    /**
     * Follows the {@link SearchFilter} services of all bundles until the returned tracker is closed.
     */
    public ServiceTracker<SearchFilter, SearchFilter> trackFilters(BundleContext context) {
        return filters.track(context);
    }

    /** A filter registered; hits of its type are shown only where it says so. */
    public void addFilter(SearchFilter filter) {
        filters.add(filter);
    }

    @Override
    public boolean visible(String type, String id, String username) {
        return filters.visible(type, id, username);
    }

    /**
     * The index's best hits that {@code username} may see: when filters hide some, further hits are read until
     * {@code limit} are visible or {@link #MAX_LIMIT} hits have been looked at (so a user who may see fewer than
     * {@code limit} of a query's best thousand hits gets fewer).
     */
    @Override
    public List<SearchHit> searchAs(String username, String query, Set<String> types, int limit, Locale locale) {
        check(query, limit);
        if (filters.isEmpty()) {
            return search(query, types, limit, locale);
        }
        return index().search(query, types == null ? Set.of() : types, Math.min(limit, MAX_LIMIT),
                h -> visible(h.type(), h.id(), username), MAX_LIMIT);
    }

    @Override
    public List<TypeStatus> types() {
        Map<String, Long> counts = index().counts();
        Map<String, TypeStatus> all = new TreeMap<>();
        counts.forEach((type, n) -> all.put(type, status(type, n)));
        for (String type : sources.types()) {
            all.computeIfAbsent(type, t -> status(t, 0));
        }
        return new ArrayList<>(all.values());
    }

    private TypeStatus status(String type, long documents) {
        return new TypeStatus(type, documents, sources.bundle(type), sources.rebuildJob(type));
    }

    @Override
    public Status status() {
        if (!index.isDone()) {
            return new Status("OPENING", null, folder.toString());
        }
        if (index.isCompletedExceptionally()) {
            String why = index.handle((i, e) -> e == null ? null : e.toString()).join();
            return new Status("FAILED", why, folder.toString());
        }
        LuceneIndex.Opening o = index.join().opening();
        String message = o.movedTo() == null ? null
                : "the index could not be read (" + o.problem() + ") and was moved to " + o.movedTo()
                        + "; every source is being rebuilt";
        return new Status("READY", message, folder.toString());
    }

    /** Makes writes searchable now rather than within {@link #REFRESH_MILLIS}; for tests and the end of a rebuild. */
    public void refresh() {
        if (index.isDone() && !index.isCompletedExceptionally()) {
            try {
                index.join().refresh();
            } catch (RuntimeException e) {
                LOG.warn("Search index refresh failed: {}", e.getMessage());
            }
        }
    }

    private void commit() {
        try {
            index.join().commit();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Search index commit failed: {}", e.toString());
        }
    }

    /** Commits and closes the index; rebuilds still running see their source gone and stop. */
    @Override
    public void close() {
        closed = true;
        if (opening) {
            try {
                index.get(OPEN_WAIT_SECONDS, TimeUnit.SECONDS);   // an index still opening is closed, not leaked
            } catch (ExecutionException | TimeoutException e) {
                // nothing to close, or nothing that can be waited for
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (index.isDone() && !index.isCompletedExceptionally()) {
            try {
                index.join().close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Closing the search index failed: {}", e.toString());
            }
        } else {
            index.cancel(false);
        }
    }
}
