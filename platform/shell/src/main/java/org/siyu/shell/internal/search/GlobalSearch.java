package org.siyu.shell.internal.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.siyu.api.search.SearchHit;
import org.siyu.api.search.SearchProvider;
import org.siyu.shell.internal.ViewEntry;

/**
 * Asks every search provider in parallel and keeps what arrives before the deadline. A provider that throws
 * or is slow is skipped for that query; the views whose title matches come first.
 */
public final class GlobalSearch {

    private static final ExecutorService EXECUTOR = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("siyu-search-", 0).factory());

    private final Duration timeout;

    public GlobalSearch(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * @param views     the views the user may open, matched by title and id
     * @param providers the providers to ask
     * @param limit     hits asked of each provider
     */
    public List<SearchResult> search(String query, Locale locale, List<ViewEntry> views,
            List<SearchProvider> providers, int limit) {
        String q = query == null ? "" : query.trim();
        if (q.isEmpty()) {
            return List.of();
        }
        List<SearchResult> results = new ArrayList<>(matchViews(q, locale, views));
        List<Future<List<SearchHit>>> futures = new ArrayList<>();
        for (SearchProvider provider : providers) {
            futures.add(EXECUTOR.submit(() -> provider.search(q, limit, locale)));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<List<SearchHit>> future : futures) {
            try {
                List<SearchHit> hits = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (hits != null) {
                    hits.stream().limit(limit).forEach(h -> results.add(
                            new SearchResult(null, h.type(), h.id(), h.title(), h.detail())));
                }
            } catch (TimeoutException e) {
                future.cancel(true);
            } catch (ExecutionException | RuntimeException e) {
                // a broken provider is skipped for this query
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return results;
    }

    static List<SearchResult> matchViews(String query, Locale locale, List<ViewEntry> views) {
        String q = query.toLowerCase(Locale.ROOT);
        List<SearchResult> results = new ArrayList<>();
        for (ViewEntry v : views) {
            String title = v.title().get(locale);
            if (title.toLowerCase(Locale.ROOT).contains(q) || v.id().toLowerCase(Locale.ROOT).contains(q)
                    || v.title().en().toLowerCase(Locale.ROOT).contains(q)) {
                results.add(new SearchResult(v.id(), null, null, title, v.group().get(locale)));
            }
        }
        return results;
    }
}
