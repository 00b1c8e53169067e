package org.siyu.launcher.internal.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.siyu.api.jobs.JobService;
import org.siyu.api.search.SearchHit;
import org.siyu.api.search.SearchIndex;
import org.siyu.api.search.SearchProvider;
import org.siyu.api.security.Role;
import org.siyu.api.ui.EditorContribution;
import org.siyu.shell.backend.ContributionRegistry;
import org.siyu.shell.backend.ContributionRegistry.Contributed;

/**
 * {@code GET /api/v1/search?q=…&types=a,b&limit=N} (viewer): the index's hits, then those of every
 * {@link SearchProvider} that answers within {@link #PROVIDER_BUDGET_MILLIS} ms, without the hits whose editor the
 * user may not open. {@code POST /api/v1/search/rebuild/<type>} (operator): starts a rebuild job, 202 with the job.
 */
final class SearchRoutes {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final long PROVIDER_BUDGET_MILLIS = 400;

    private static final ExecutorService PROVIDERS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("siyu-api-search-", 0).factory());

    private final org.siyu.launcher.internal.search.HostSearch index;
    private final JobService jobs;
    private final ContributionRegistry registry;

    SearchRoutes(org.siyu.launcher.internal.search.HostSearch index, JobService jobs, ContributionRegistry registry) {
        this.index = index;
        this.jobs = jobs;
        this.registry = registry;
    }

    Object handle(String method, List<String> segments, HttpServletRequest req, HttpServletResponse resp, Auth auth)
            throws ApiError {
        if (segments.isEmpty()) {
            ApiServlet.requireMethod(method, "GET");
            ApiUser user = auth.require(req, Role.VIEWER);
            return Map.of("hits", search(req, user));
        }
        if (segments.size() == 2 && segments.get(0).equals("rebuild")) {
            ApiServlet.requireMethod(method, "POST");
            ApiUser user = auth.require(req, Role.OPERATOR);
            long id;
            try {
                id = index.rebuild(segments.get(1), user.username());
            } catch (IllegalArgumentException e) {
                throw ApiError.notFound(e.getMessage());
            }
            resp.setStatus(202);
            resp.setHeader("Location", "/api/v1/jobs/" + id);
            return jobs.job(id).orElseThrow(() -> new ApiError(500, "internal error", "job " + id + " is not recorded"));
        }
        throw ApiError.notFound("no API resource at /api/v1/search/" + String.join("/", segments));
    }

    private List<SearchHit> search(HttpServletRequest req, ApiUser user) throws ApiError {
        String q = req.getParameter("q");
        if (q == null || q.isBlank()) {
            throw ApiError.badRequest("query parameter 'q' is required (what to search for)");
        }
        int limit = limit(req.getParameter("limit"));
        Set<String> types = types(req.getParameter("types"));
        String query = q.strip();
        Locale locale = req.getLocale() == null ? Locale.ENGLISH : req.getLocale();

        List<Future<List<SearchHit>>> asked = new ArrayList<>();
        for (Contributed<SearchProvider> p : registry.searchProviders()) {
            asked.add(PROVIDERS.submit(() -> p.service().search(query, limit, locale)));
        }
        Map<String, SearchHit> hits = new LinkedHashMap<>();
        try {
            for (SearchHit h : index.searchAs(user.username(), query, types, limit, locale)) {
                hits.putIfAbsent(h.type() + ":" + h.id(), h);
            }
        } catch (IllegalStateException e) {
            asked.forEach(f -> f.cancel(true));
            throw new ApiError(503, "unavailable", e.getMessage());
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PROVIDER_BUDGET_MILLIS);
        for (Future<List<SearchHit>> f : asked) {
            try {
                List<SearchHit> answer = f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (answer != null) {
                    answer.stream().filter(h -> types.isEmpty() || types.contains(h.type()))
                            .forEach(h -> hits.putIfAbsent(h.type() + ":" + h.id(), h));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                f.cancel(true);   // slow or broken: skipped for this query, as in the shell
            }
        }
        return hits.values().stream().filter(h -> mayOpen(user, h.type()))
                .filter(h -> index.visible(h.type(), h.id(), user.username())).limit(limit).toList();
    }

    /** A hit whose type has an editor the user may not open is left out, as in the shell's search. */
    private boolean mayOpen(ApiUser user, String type) {
        for (Contributed<EditorContribution> c : registry.all(EditorContribution.class)) {
            try {
                if (type.equals(c.service().type())) {
                    return user.isPermitted(c.service().permission());
                }
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }
        return true;
    }

    static int limit(String text) throws ApiError {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiError.badRequest("query parameter 'limit' must be a whole number from 1 to " + MAX_LIMIT + ", not '"
                + text + "'");
    }

    static Set<String> types(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
