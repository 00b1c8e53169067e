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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.siyu.api.jobs.JobProgress;
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
 * and when the node stops. {@link DocumentSource}s come and go through {@link #addSource}/{@link #removeSource}; a
 * rebuild runs as a job. When the index was just created, or was unreadable and moved aside, every source is rebuilt
 * once, as it arrives.
 */
public final class HostSearch implements SearchIndex, SearchAdmin, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HostSearch.class);

    static final long REFRESH_MILLIS = 500;
    static final long COMMIT_SECONDS = 10;
    static final int OPEN_WAIT_SECONDS = 60;
    static final int MAX_LIMIT = 1000;
    static final String REBUILD_KIND = "search.rebuild";

    private final Path folder;
    private final JobService jobs;
    private final CompletableFuture<LuceneIndex> index = new CompletableFuture<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "siyu-search");
        t.setDaemon(true);
        return t;
    });
    /** Sources by type; the first registered for a type serves it. */
    private final Map<String, Source> sources = new ConcurrentHashMap<>();
    /** Running rebuilds: type → job id. */
    private final Map<String, Long> rebuilding = new ConcurrentHashMap<>();
    /** Types rebuilt after the index came up empty; each only once per run. */
    private final Set<String> initialRebuilds = ConcurrentHashMap.newKeySet();
    private final SearchFilters filters = new SearchFilters();
    private volatile boolean closed;
    private volatile boolean opening;

    /** A registered source and the bundle it came from. */
    public record Source(long serviceId, String bundle, DocumentSource source) {
    }

    public HostSearch(Path folder, JobService jobs) {
        this.folder = folder;
        this.jobs = jobs;
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
                if (opened.opening().empty()) {
                    LOG.info("The search index is {}; every document source is rebuilt as it registers",
                            opened.opening().created() ? "new" : "replaced");
                    sources.keySet().forEach(this::initialRebuild);
                } else {
                    sources.forEach((type, s) -> rebuildIfMissing(opened, type, s.source()));
                }
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
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("the search query is blank");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        return index().search(query, types == null ? Set.of() : types, Math.min(limit, MAX_LIMIT));
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
        Source source = sources.get(type);
        if (source == null) {
            throw new IllegalArgumentException("no document source is registered for type '" + type + "'");
        }
        LuceneIndex target = index();
        synchronized (rebuilding) {
            Long running = rebuilding.get(type);
            if (running != null) {
                return running;
            }
            String title = locale != null && "zh".equals(locale.getLanguage()) ? "重建搜索索引：" + type
                    : "Rebuild search index: " + type;
            // The job may end before start() returns; it removes its own entry once its id is known.
            CompletableFuture<Long> jobId = new CompletableFuture<>();
            long id = jobs.start(REBUILD_KIND, title, actor, progress -> {
                try {
                    return new Rebuild(target, source, type, () -> closed || sources.get(type) != source)
                            .run(progress);
                } finally {
                    rebuilding.remove(type, jobId.join());
                }
            }).id();
            rebuilding.put(type, id);
            jobId.complete(id);
            return id;
        }
    }

    private static String typeOf(DocumentSource source) {
        try {
            return source.type();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** A {@link DocumentSource} registered. Returns false (and logs) if its type is unusable or taken. */
    public boolean addSource(long serviceId, String bundle, DocumentSource source) {
        String type = typeOf(source);
        if (type == null || type.isBlank()) {
            LOG.error("Document source of {} names no type; ignored", bundle);
            return false;
        }
        Source entry = new Source(serviceId, bundle, source);
        Source before = sources.putIfAbsent(type, entry);
        if (before != null) {
            LOG.error("Document source for '{}' of {} ignored: {} already provides that type", type, bundle,
                    before.bundle());
            return false;
        }
        if (index.isDone() && !index.isCompletedExceptionally()) {
            if (index.join().opening().empty()) {
                initialRebuild(type);
            } else {
                rebuildIfMissing(index.join(), type, source);
            }
        }
        return true;
    }

    /**
     * A type the index holds nothing of while its source has documents (a bundle installed into a home that already
     * had data, or an index older than the bundle's documents) is rebuilt once, so search finds what exists.
     */
    private void rebuildIfMissing(LuceneIndex opened, String type, DocumentSource source) {
        try {
            opened.refresh();   // count what was put so far, not what the last periodic refresh saw
            if (opened.count(type) == 0 && source.estimate() > 0) {
                LOG.info("The search index has no '{}' documents but its source has some; rebuilding it", type);
                initialRebuild(type);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Cannot tell whether '{}' needs a rebuild: {}", type, e.toString());
        }
    }

    public void removeSource(long serviceId) {
        sources.values().removeIf(s -> s.serviceId() == serviceId);
    }

    /**
     * Follows the {@link DocumentSource} services of all bundles (whiteboard) until the returned tracker is closed.
     * Open it before bundles start, so no source registered at boot is missed.
     */
    public ServiceTracker<DocumentSource, DocumentSource> track(BundleContext context) {
        ServiceTracker<DocumentSource, DocumentSource> tracker = new ServiceTracker<>(context, DocumentSource.class,
                null) {
            @Override
            public DocumentSource addingService(ServiceReference<DocumentSource> ref) {
                DocumentSource source = context.getService(ref);
                if (source != null) {
                    addSource((Long) ref.getProperty(Constants.SERVICE_ID),
                            ref.getBundle() == null ? "?" : ref.getBundle().getSymbolicName(), source);
                }
                return source;
            }

            @Override
            public void removedService(ServiceReference<DocumentSource> ref, DocumentSource source) {
                removeSource((Long) ref.getProperty(Constants.SERVICE_ID));
                context.ungetService(ref);
            }
        };
        tracker.open(true);
        return tracker;
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
     * The index's hits that {@code username} may see, best first: asks the index for more than {@code limit} when
     * filters may hide some.
     */
    @Override
    public List<SearchHit> searchAs(String username, String query, Set<String> types, int limit, Locale locale) {
        int ask = filters.isEmpty() ? limit : Math.min(MAX_LIMIT, limit * 4);
        return search(query, types, ask, locale).stream().filter(h -> visible(h.type(), h.id(), username))
                .limit(limit).toList();
    }

    private void initialRebuild(String type) {
        if (!closed && initialRebuilds.add(type)) {
            try {
                rebuild(type, "system");
            } catch (RuntimeException e) {
                LOG.warn("Cannot start the rebuild of '{}': {}", type, e.getMessage());
            }
        }
    }

    @Override
    public List<TypeStatus> types() {
        Map<String, Long> counts = index().counts();
        Map<String, TypeStatus> all = new TreeMap<>();
        counts.forEach((type, n) -> all.put(type, status(type, n)));
        for (String type : sources.keySet()) {
            all.computeIfAbsent(type, t -> status(t, 0));
        }
        return new ArrayList<>(all.values());
    }

    private TypeStatus status(String type, long documents) {
        Source s = sources.get(type);
        Long job = rebuilding.get(type);
        return new TypeStatus(type, documents, s == null ? null : s.bundle(), job == null ? 0 : job);
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

    /** One rebuild of one type: every document the source produces, then the older ones of the type go. */
    private record Rebuild(LuceneIndex index, Source source, String type, BooleanSupplier gone) {

        private static final int BATCH = 500;

        String run(JobProgress progress) {
            long before = index.writeBarrier();   // every write from now on has a greater stamp
            long estimate;
            try {
                estimate = source.source().estimate();
            } catch (RuntimeException e) {
                estimate = -1;
            }
            progress.total(estimate);
            progress.message("reading " + type + " documents from " + source.bundle());
            List<SearchDocument> batch = new ArrayList<>(BATCH);
            long[] written = {0};
            Consumer<SearchDocument> sink = d -> {
                if (d == null) {
                    return;
                }
                if (!type.equals(d.type())) {
                    throw new IllegalArgumentException("the source of '" + type + "' (" + source.bundle()
                            + ") produced a document of type '" + d.type() + "' (id " + d.id() + ")");
                }
                batch.add(d);
                if (batch.size() >= BATCH) {
                    index.put(batch);
                    written[0] += batch.size();
                    progress.advance(batch.size());
                    batch.clear();
                }
            };
            source.source().documents(sink, () -> progress.cancelled() || gone.getAsBoolean());
            if (progress.cancelled() || gone.getAsBoolean()) {
                // Partly rebuilt: the new documents replaced theirs; the rest keep their old version.
                index.put(batch);
                String done = written[0] + batch.size() + " " + type + " documents rewritten, older ones kept";
                if (!progress.cancelled()) {
                    throw new IllegalStateException("the document source of '" + type + "' (" + source.bundle()
                            + ") went away during the rebuild; " + done);
                }
                return done;
            }
            index.put(batch);
            written[0] += batch.size();
            progress.advance(batch.size());
            long removed = index.deleteOlder(type, before);
            index.refresh();
            if (estimate < 0) {
                progress.total(written[0]);
            }
            return written[0] + " " + type + " documents indexed, " + removed + " stale removed";
        }
    }
}
