package org.siyu.launcher.internal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.siyu.api.jobs.JobProgress;
import org.siyu.api.jobs.JobService;
import org.siyu.api.search.DocumentSource;
import org.siyu.api.search.SearchDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundles' {@link DocumentSource}s by type (whiteboard) and the rebuilds of the search index from them, each a
 * job of the host's {@link JobService}, at most one per type at a time. A type is rebuilt once, as its source arrives,
 * when the index came up empty (new, or unreadable and moved aside) or holds none of the type's documents while the
 * source has some.
 */
final class DocumentSources {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentSources.class);

    /** The job kind of a rebuild. */
    static final String REBUILD_KIND = "search.rebuild";

    /** A registered source and the bundle it came from. */
    record Source(long serviceId, String bundle, DocumentSource source) {
    }

    private final JobService jobs;
    /** The index, waiting for it to open (throws when it cannot). */
    private final Supplier<LuceneIndex> index;
    /** The index if it is open now, else {@code null}. */
    private final Supplier<LuceneIndex> ifOpen;
    private final BooleanSupplier closed;
    /** Sources by type; the first registered for a type serves it. */
    private final Map<String, Source> sources = new ConcurrentHashMap<>();
    /** Running rebuilds: type → job id. */
    private final Map<String, Long> rebuilding = new ConcurrentHashMap<>();
    /** Types rebuilt after the index came up empty; each only once per run. */
    private final Set<String> initialRebuilds = ConcurrentHashMap.newKeySet();

    DocumentSources(JobService jobs, Supplier<LuceneIndex> index, Supplier<LuceneIndex> ifOpen,
            BooleanSupplier closed) {
        this.jobs = jobs;
        this.index = index;
        this.ifOpen = ifOpen;
        this.closed = closed;
    }

    /** The index has opened: rebuild every source registered meanwhile that needs it. */
    void opened(LuceneIndex opened) {
        if (opened.opening().empty()) {
            LOG.info("The search index is {}; every document source is rebuilt as it registers",
                    opened.opening().created() ? "new" : "replaced");
            sources.keySet().forEach(this::initialRebuild);
        } else {
            sources.forEach((type, s) -> rebuildIfMissing(opened, type, s.source()));
        }
    }

    /** A source registered. Returns false (and logs) if its type is unusable or taken. */
    boolean add(long serviceId, String bundle, DocumentSource source) {
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
        LuceneIndex opened = ifOpen.get();
        if (opened != null) {
            if (opened.opening().empty()) {
                initialRebuild(type);
            } else {
                rebuildIfMissing(opened, type, source);
            }
        }
        return true;
    }

    void remove(long serviceId) {
        sources.values().removeIf(s -> s.serviceId() == serviceId);
    }

    /** Follows the source services of all bundles until the returned tracker is closed. */
    ServiceTracker<DocumentSource, DocumentSource> track(BundleContext context) {
        ServiceTracker<DocumentSource, DocumentSource> tracker = new ServiceTracker<>(context, DocumentSource.class,
                null) {
            @Override
            public DocumentSource addingService(ServiceReference<DocumentSource> ref) {
                DocumentSource source = context.getService(ref);
                if (source != null) {
                    DocumentSources.this.add((Long) ref.getProperty(Constants.SERVICE_ID),
                            ref.getBundle() == null ? "?" : ref.getBundle().getSymbolicName(), source);
                }
                return source;
            }

            @Override
            public void removedService(ServiceReference<DocumentSource> ref, DocumentSource source) {
                DocumentSources.this.remove((Long) ref.getProperty(Constants.SERVICE_ID));
                context.ungetService(ref);
            }
        };
        tracker.open(true);
        return tracker;
    }

    /**
     * Starts a rebuild of {@code type} as a job, or answers the one running.
     *
     * @return the job's id
     * @throws IllegalArgumentException if no source serves the type
     */
    long rebuild(String type, String actor, Locale locale) {
        Source source = sources.get(type);
        if (source == null) {
            throw new IllegalArgumentException("no document source is registered for type '" + type + "'");
        }
        LuceneIndex target = index.get();
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
                    return new Rebuild(target, source, type,
                            () -> closed.getAsBoolean() || sources.get(type) != source).run(progress);
                } finally {
                    rebuilding.remove(type, jobId.join());
                }
            }).id();
            rebuilding.put(type, id);
            jobId.complete(id);
            return id;
        }
    }

    /** The types that have a source. */
    Set<String> types() {
        return sources.keySet();
    }

    /** The bundle serving {@code type}, or {@code null}. */
    String bundle(String type) {
        Source s = sources.get(type);
        return s == null ? null : s.bundle();
    }

    /** The job rebuilding {@code type}, or 0. */
    long rebuildJob(String type) {
        Long job = rebuilding.get(type);
        return job == null ? 0 : job;
    }

    private static String typeOf(DocumentSource source) {
        try {
            return source.type();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
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

    private void initialRebuild(String type) {
        if (!closed.getAsBoolean() && initialRebuilds.add(type)) {
            try {
                rebuild(type, "system", Locale.ENGLISH);
            } catch (RuntimeException e) {
                LOG.warn("Cannot start the rebuild of '{}': {}", type, e.getMessage());
            }
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
