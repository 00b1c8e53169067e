package org.siyu.launcher.internal.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.security.Role;
import org.siyu.shell.backend.JobMonitor;

/**
 * Jobs, for operators: {@code GET /api/v1/jobs?limit=N} (newest first, default 50, at most 500),
 * {@code GET /api/v1/jobs/<id>}, {@code POST /api/v1/jobs/<id>/cancel} (202 with the job; 409 if it has ended).
 */
final class JobRoutes {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final JobMonitor jobs;

    JobRoutes(JobMonitor jobs) {
        this.jobs = jobs;
    }

    Object handle(String method, List<String> segments, HttpServletRequest req, HttpServletResponse resp, Auth auth)
            throws ApiError {
        if (segments.isEmpty()) {
            ApiServlet.requireMethod(method, "GET");
            auth.require(req, Role.OPERATOR);
            return Map.of("jobs", jobs.recent(limit(req.getParameter("limit"))));
        }
        long id = id(segments.get(0));
        if (segments.size() == 1) {
            ApiServlet.requireMethod(method, "GET");
            auth.require(req, Role.OPERATOR);
            return find(id);
        }
        if (segments.size() == 2 && segments.get(1).equals("cancel")) {
            ApiServlet.requireMethod(method, "POST");
            ApiUser user = auth.require(req, Role.OPERATOR);
            JobInfo job = find(id);
            if (job.state().ended() || !jobs.cancel(id, user.username())) {
                throw new ApiError(409, "conflict", "job " + id + " has already ended ("
                        + find(id).state().name().toLowerCase() + ")");
            }
            resp.setStatus(202);
            return find(id);
        }
        throw ApiError.notFound("no API resource at /api/v1/jobs/" + String.join("/", segments));
    }

    private JobInfo find(long id) throws ApiError {
        return jobs.job(id).orElseThrow(() -> ApiError.notFound("no job with id " + id));
    }

    private static long id(String text) throws ApiError {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("the job id must be a number, not '" + text + "'");
        }
    }

    private static int limit(String text) throws ApiError {
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
}
