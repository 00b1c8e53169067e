package org.siyu.launcher.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.siyu.api.search.SearchDocument;
import org.siyu.api.search.SearchHit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lucene index in a folder: writes through one {@link IndexWriter}, searches through a {@link SearcherManager}
 * that the owner refreshes (near-real-time: a write is searchable after the next {@link #refresh}), durable after
 * {@link #commit}. Thread-safe. {@link #open} moves an index it cannot read aside and starts empty.
 */
final class LuceneIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LuceneIndex.class);
    private static final Set<String> HIT_FIELDS = Set.of(Fields.TYPE, Fields.ID, Fields.TITLE, Fields.DETAIL);

    private final Path folder;
    private final SearchQueries queries;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicLong stamps;
    /**
     * Held (shared) by every write from taking its stamp until the writer has it; {@link #writeBarrier} takes it
     * exclusively. Without it a put could take stamp 5, stall (in analysis: SmartCN's first use loads its
     * dictionaries), let a rebuild note 7 and write the same id with 8, then land on top with 5 — and the rebuild's
     * "older than 7" delete would remove a document that is current.
     */
    private final ReadWriteLock writing = new ReentrantReadWriteLock();
    private final Opening opening;
    /** Test seam: called for each document after its stamp is taken and before it is written. */
    volatile Consumer<SearchDocument> beforeWrite = d -> { };

    /**
     * How the index came up.
     *
     * @param created  there was no index: it is new and empty
     * @param movedTo  the folder an unreadable index was moved to (the index is new and empty), or {@code null}
     * @param problem  what was wrong with the moved index, or {@code null}
     */
    record Opening(boolean created, Path movedTo, String problem) {

        boolean empty() {
            return created || movedTo != null;
        }
    }

    private LuceneIndex(Path folder, Analyzer smart, Directory directory, IndexWriter writer, Opening opening)
            throws IOException {
        this.folder = folder;
        this.queries = new SearchQueries(smart);
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.opening = opening;
        long newest = 0;
        IndexSearcher s = searchers.acquire();
        try {
            byte[] max = PointValues.getMaxPackedValue(s.getIndexReader(), Fields.STAMP);
            newest = max == null ? 0 : LongPoint.decodeDimension(max, 0);
        } finally {
            searchers.release(s);
        }
        // Wall-clock microseconds keep stamps increasing across restarts; the index's newest guards a clock set back.
        this.stamps = new AtomicLong(Math.max(System.currentTimeMillis() * 1000, newest + 1));
    }

    /**
     * Opens (or creates) the index in {@code folder}. An index that cannot be read is moved to a sibling folder
     * {@code <name>.corrupt-<time>} and replaced by an empty one; {@link #opening()} says so.
     *
     * @throws IOException if the folder cannot be used at all, e.g. another process holds its lock
     */
    static LuceneIndex open(Path folder) throws IOException {
        Files.createDirectories(folder);
        Analyzer smart = Analysis.smart();
        boolean existed;
        try (Directory probe = FSDirectory.open(folder)) {
            existed = DirectoryReader.indexExists(probe);
        }
        try {
            return openIn(folder, smart, new Opening(!existed, null, null));
        } catch (LockObtainFailedException e) {
            throw e;   // in use by another node: nothing is wrong with the index itself
        } catch (IOException | RuntimeException e) {
            String problem = e.toString();
            Path aside = folder.resolveSibling(folder.getFileName() + ".corrupt-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            Files.move(folder, aside);
            LOG.error("The search index in {} cannot be read ({}); moved it to {} and starting an empty index",
                    folder, problem, aside);
            Files.createDirectories(folder);
            return openIn(folder, smart, new Opening(false, aside, problem));
        }
    }

    private static LuceneIndex openIn(Path folder, Analyzer smart, Opening opening) throws IOException {
        Directory dir = FSDirectory.open(folder);
        IndexWriter w = null;
        try {
            IndexWriterConfig config = new IndexWriterConfig(Analysis.indexing(smart, Analysis.grams(true)));
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            config.setRAMBufferSizeMB(32);
            w = new IndexWriter(dir, config);
            LuceneIndex index = new LuceneIndex(folder, smart, dir, w, opening);
            index.verify();
            return index;
        } catch (IOException | RuntimeException e) {
            if (w != null) {
                try {
                    w.rollback();
                } catch (IOException | RuntimeException ignored) {
                    // already failing
                }
            }
            dir.close();
            throw e;
        }
    }

    /** Reads every segment once (a search over all documents, stored fields of the last), so damage shows now. */
    private void verify() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs all = s.search(new MatchAllDocsQuery(), 1);
            if (all.scoreDocs.length > 0) {
                s.storedFields().document(all.scoreDocs[0].doc);
            }
            s.count(new MatchAllDocsQuery());
        } finally {
            searchers.release(s);
        }
    }

    Opening opening() {
        return opening;
    }

    Path folder() {
        return folder;
    }

    /** A new write stamp, greater than every one before. */
    long stamp() {
        return stamps.incrementAndGet();
    }

    /**
     * A stamp such that every write with a stamp up to it has reached the writer, and every later write has a
     * greater one. Waits for writes in progress.
     */
    long writeBarrier() {
        writing.writeLock().lock();
        try {
            return stamps.get();
        } finally {
            writing.writeLock().unlock();
        }
    }

    void put(Collection<SearchDocument> documents) {
        for (SearchDocument d : documents) {
            if (d.type().isBlank() || d.id().isBlank()) {
                throw new IllegalArgumentException("a search document needs a type and an id, got type '" + d.type()
                        + "', id '" + d.id() + "'");
            }
        }
        for (SearchDocument d : documents) {
            writing.readLock().lock();
            try {
                Document doc = Fields.document(d, stamp());
                beforeWrite.accept(d);
                writer.updateDocument(Fields.uid(d.type(), d.id()), doc);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to the search index: " + e.getMessage(), e);
            } finally {
                writing.readLock().unlock();
            }
        }
    }

    void delete(String type, Collection<String> ids) {
        Term[] terms = ids.stream().map(id -> Fields.uid(type, id)).toArray(Term[]::new);
        try {
            writer.deleteDocuments(terms);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete from the search index: " + e.getMessage(), e);
        }
    }

    /** Removes the documents of {@code type} written at or before {@code stamp}; returns how many there were. */
    long deleteOlder(String type, long stamp) {
        Query stale = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TYPE, type)), Occur.FILTER)
                .add(LongPoint.newRangeQuery(Fields.STAMP, Long.MIN_VALUE, stamp), Occur.FILTER)
                .build();
        try {
            refresh();
            long count = withSearcher(s -> (long) s.count(stale));
            writer.deleteDocuments(stale);
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete from the search index: " + e.getMessage(), e);
        }
    }

    List<SearchHit> search(String query, Set<String> types, int limit) {
        return search(query, types, limit, h -> true, limit);
    }

    /**
     * The best {@code limit} hits that {@code keep} accepts, looking at no more than {@code examine} hits in all: pages
     * of the best hits (the first {@code limit} long, each next one four times the last) are read from one searcher
     * until enough are kept.
     */
    List<SearchHit> search(String query, Set<String> types, int limit, Predicate<SearchHit> keep, int examine) {
        Query q = query(query, types);
        if (q == null) {
            return List.of();
        }
        return withSearcher(s -> {
            StoredFields stored = s.storedFields();
            List<SearchHit> kept = new ArrayList<>(limit);
            ScoreDoc after = null;
            int examined = 0;
            int page = Math.min(limit, examine);
            while (page > 0) {
                TopDocs top = top(s, q, after, page);
                for (ScoreDoc sd : top.scoreDocs) {
                    SearchHit hit = hit(stored, sd);
                    if (keep.test(hit)) {
                        kept.add(hit);
                        if (kept.size() == limit) {
                            return kept;
                        }
                    }
                }
                examined += top.scoreDocs.length;
                if (top.scoreDocs.length < page) {
                    break;   // no more hits
                }
                after = top.scoreDocs[top.scoreDocs.length - 1];
                page = Math.min(page * 4, examine - examined);
            }
            return kept;
        });
    }

    /**
     * The best {@code n} documents for {@code q} after {@code after} ({@code null}: from the top). Hits beyond the
     * {@code n} best are not counted — nothing shows a total, and counting (Lucene counts 1,000 by default) is time in
     * which top-k pruning cannot start — so {@code totalHits} is only a lower bound once it exceeds {@code n}.
     */
    static TopDocs top(IndexSearcher s, Query q, ScoreDoc after, int n) throws IOException {
        return s.search(q, new TopScoreDocCollectorManager(n, after, n));
    }

    /** {@link #top} on the current searcher, from the top; for tests. */
    TopDocs top(Query q, int n) {
        return withSearcher(s -> top(s, q, null, n));
    }

    private static SearchHit hit(StoredFields stored, ScoreDoc sd) throws IOException {
        Document d = stored.document(sd.doc, HIT_FIELDS);
        return new SearchHit(d.get(Fields.TYPE), d.get(Fields.ID), d.get(Fields.TITLE), d.get(Fields.DETAIL), sd.score);
    }

    /** The query for what a user typed ({@link SearchQueries#query}); {@code null} if nothing is left. */
    Query query(String text, Set<String> types) {
        return queries.query(text, types);
    }

    long count(String type) {
        return withSearcher(s -> (long) s.count(new TermQuery(new Term(Fields.TYPE, type))));
    }

    /** Every type with documents, and how many. */
    Map<String, Long> counts() {
        return withSearcher(s -> {
            Map<String, Long> counts = new TreeMap<>();
            Terms terms = MultiTerms.getTerms(s.getIndexReader(), Fields.TYPE);
            if (terms != null) {
                TermsEnum e = terms.iterator();
                for (BytesRef t = e.next(); t != null; t = e.next()) {
                    String type = t.utf8ToString();
                    long n = s.count(new TermQuery(new Term(Fields.TYPE, type)));
                    if (n > 0) {
                        counts.put(type, n);
                    }
                }
            }
            return counts;
        });
    }

    /** Makes the writes so far searchable. */
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot refresh the search index: " + e.getMessage(), e);
        }
    }

    /** Makes the writes so far durable, if there are any. */
    void commit() throws IOException {
        if (writer.hasUncommittedChanges()) {
            writer.commit();
        }
    }

    /** Work on one searcher (package-private for the benchmark, which times other queries on it too). */
    interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return work.run(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index: " + e.getMessage(), e);
        }
    }

    /** Commits and closes. */
    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close();   // commits
        } finally {
            directory.close();
        }
    }
}
