package org.siyu.launcher.internal.rest;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.StreamedBody;
import org.siyu.api.rest.RestResource;
import org.siyu.api.search.SearchIndex;
import org.siyu.api.security.Role;
import org.siyu.launcher.internal.jobs.HostJobs;
import org.siyu.launcher.internal.security.Accounts;
import org.siyu.launcher.internal.security.Tokens;
import org.siyu.shell.backend.Authenticator;
import org.siyu.shell.backend.ContributionRegistry;
import org.siyu.shell.backend.PluginAdmin;
import org.siyu.shell.backend.PluginException;
import org.siyu.shell.backend.PluginInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API under {@code /api}: health (no auth), tokens, plugins, search and jobs, then bundles' resources. JSON
 * in and out; every refusal is {@code {"error":…,"detail":…}} with a 4xx status that says what is wrong.
 */
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final transient Health health;
    private final transient Accounts accounts;
    private final transient Tokens tokens;
    private final transient PluginAdmin plugins;
    private final transient RestResources resources;
    private final transient ContributionRegistry registry;
    private final transient SearchRoutes search;
    private final transient JobRoutes jobs;

    /** Reports the node's health: {@code status}, {@code version}, {@code bundles}. */
    public interface Health {
        Map<String, Object> report();
    }

    public ApiServlet(Health health, Accounts accounts, Tokens tokens, PluginAdmin plugins, RestResources resources,
            ContributionRegistry registry, org.siyu.launcher.internal.search.HostSearch index, HostJobs jobs) {
        this.health = health;
        this.accounts = accounts;
        this.tokens = tokens;
        this.plugins = plugins;
        this.resources = resources;
        this.registry = registry;
        this.search = new SearchRoutes(index, jobs, registry);
        this.jobs = new JobRoutes(jobs);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = rawPath(req);
        String method = req.getMethod();
        try {
            Object body = route(method, path, req, resp);
            if (body instanceof StreamedBody streamed) {
                // bytes rather than JSON (a CSV export): the resource refused bad requests before returning it
                resp.setStatus(resp.getStatus() == 0 ? 200 : resp.getStatus());
                resp.setContentType(streamed.contentType());
                resp.setHeader("Cache-Control", "no-store");
                try (var out = resp.getOutputStream()) {
                    streamed.writeTo(out);
                } catch (IOException | RuntimeException e) { // the status is sent: nothing else to say
                    LOG.warn("{} /api{}: the streamed response was cut short: {}", method, path, e.toString());
                }
                return;
            }
            if (body != null) {
                write(resp, resp.getStatus() == 0 ? 200 : resp.getStatus(), body);
            }
        } catch (ApiError e) {
            write(resp, e.status, error(e.error, e.getMessage()));
        } catch (PluginException e) {
            write(resp, e.status(), error(e.error(), e.detail()));
        } catch (RestException e) {
            write(resp, e.status(), error(e.error(), e.detail()));
        } catch (Exception e) {
            LOG.error("{} /api{} failed", method, path, e);
            write(resp, 500, error("internal error", e.toString()));
        }
    }

    private Object route(String method, String path, HttpServletRequest req, HttpServletResponse resp)
            throws Exception {
        if (path.equals("/health")) {
            requireMethod(method, "GET");
            Map<String, Object> report = health.report();
            resp.setStatus("UP".equals(report.get("status")) ? 200 : 503);
            return report;
        }
        if (path.equals("/v1/auth/token")) {
            requireMethod(method, "POST");
            return token(req, resp);
        }
        if (path.equals("/v1/plugins")) {
            if (method.equals("GET")) {
                authenticate(req, Role.OPERATOR);   // as the shell's Plugins view (platform.plugins.view)
                return plugins.list();
            }
            requireMethod(method, "POST");
            String user = authenticate(req, Role.ADMIN).username();
            String type = req.getContentType();
            if (type == null || !(type.startsWith("application/java-archive") || type.startsWith("application/octet-stream"))) {
                throw new ApiError(415, "unsupported media type",
                        "send the plugin jar as the request body with Content-Type: application/java-archive");
            }
            try (InputStream in = req.getInputStream()) {
                PluginInfo info = plugins.install(req.getHeader("X-File-Name"), in, user);
                resp.setStatus(201);
                resp.setHeader("Location", "/api/v1/plugins/" + info.symbolicName());
                return info;
            }
        }
        if (path.startsWith("/v1/plugins/")) {
            String bsn = ResourceCall.decode(path.substring("/v1/plugins/".length()));
            if (method.equals("GET")) {
                authenticate(req, Role.OPERATOR);
                return plugins.list().stream().filter(p -> p.symbolicName().equals(bsn)).findFirst()
                        .orElseThrow(() -> ApiError.notFound("no plugin with symbolic name " + bsn));
            }
            requireMethod(method, "DELETE");
            String user = authenticate(req, Role.ADMIN).username();
            plugins.uninstall(bsn, user);
            resp.setStatus(204);
            return null;
        }
        if (path.equals("/v1/search") || path.startsWith("/v1/search/")) {
            return search.handle(method, segments(path, "/v1/search"), req, resp, this::authenticate);
        }
        if (path.equals("/v1/jobs") || path.startsWith("/v1/jobs/")) {
            return jobs.handle(method, segments(path, "/v1/jobs"), req, resp, this::authenticate);
        }
        if (path.startsWith("/v1/")) {
            return contributed(path.substring(4), req, resp);
        }
        throw ApiError.notFound("no API resource at /api" + path);
    }

    /**
     * The path after {@code /api} as the client sent it, still percent-encoded: the container's decoded path info
     * would let {@code %2F} split a segment and, decoded again, turn the {@code +} of {@code phone:+86…} into a space.
     */
    static String rawPath(HttpServletRequest req) {
        String uri = req.getRequestURI();
        int start = req.getContextPath().length() + req.getServletPath().length();
        String raw = uri == null || uri.length() <= start ? "/" : uri.substring(start);
        int semicolon = raw.indexOf(';');
        return semicolon < 0 ? raw : raw.substring(0, semicolon);
    }

    /** The decoded path segments after {@code prefix}. */
    private static List<String> segments(String path, String prefix) {
        return ResourceCall.decodedSegments(path.substring(prefix.length()));
    }

    /** {@code /api/v1/<name>/…} served by a bundle's {@link RestResource}. */
    private Object contributed(String rest, HttpServletRequest req, HttpServletResponse resp) throws Exception {
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        RestResource resource = resources.find(name)
                .orElseThrow(() -> ApiError.notFound("no API resource at /api/v1/" + name
                        + " (the plugin that serves it may not be installed)"));
        ApiUser user = authenticate(req, Role.VIEWER);
        ResourceCall call = new ResourceCall(req, resp, user, slash < 0 ? "" : rest.substring(slash + 1));
        Object body;
        try {
            body = resource.handle(call, call);
        } catch (RestException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw RestException.badRequest(e.getMessage());
        } catch (Exception e) {
            LOG.error("/api/v1/{} of {} failed", name, resource.getClass().getName(), e);
            throw new ApiError(500, "internal error", name + ": " + e);
        }
        if (body == null) {
            resp.setStatus(call.status == 0 ? 204 : call.status);
            return null;
        }
        resp.setStatus(call.status == 0 ? 200 : call.status);
        return body;
    }

    private Object token(HttpServletRequest req, HttpServletResponse resp) throws ApiError, IOException {
        JsonNode body = readJson(req);
        String username = requiredText(body, "username");
        String password = requiredText(body, "password");
        Optional<Authenticator.Account> account = accounts.authenticate(username, password, req.getRemoteAddr());
        if (account.isEmpty()) {
            throw ApiError.unauthorized("wrong username or password");
        }
        resp.setStatus(200);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("token", tokens.issue(account.get().username()));
        result.put("expiresInSeconds", Tokens.LIFETIME.toSeconds());
        return result;
    }

    /** The user behind the request's bearer token, if its role holds {@code least}. */
    private ApiUser authenticate(HttpServletRequest req, Role least) throws ApiError {
        String header = req.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiError.unauthorized("send 'Authorization: Bearer <token>'; get a token from POST /api/v1/auth/token");
        }
        String user = tokens.verify(header.substring(7).trim())
                .orElseThrow(() -> ApiError.unauthorized("the token is unknown or expired"));
        Role role = accounts.role(user).orElseThrow(() -> ApiError.unauthorized("the token's account no longer exists"));
        if (!role.includes(least)) {
            throw ApiError.forbidden("this needs the role " + least.name().toLowerCase() + "; " + user + " is "
                    + role.name().toLowerCase());
        }
        return new ApiUser(user, role, registry);
    }

    static JsonNode readJson(HttpServletRequest req) throws ApiError, IOException {
        try (InputStream in = req.getInputStream()) {
            JsonNode node = JSON.readTree(in);
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest("the body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw ApiError.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static String requiredText(JsonNode body, String field) throws ApiError {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiError.badRequest("field '" + field + "' is required");
        }
        if (!value.isString() || value.asString().isEmpty()) {
            throw ApiError.badRequest("field '" + field + "' must be a non-empty string");
        }
        return value.asString();
    }

    static void requireMethod(String method, String... allowed) throws ApiError {
        if (!List.of(allowed).contains(method)) {
            throw new ApiError(405, "method not allowed", method + " is not allowed here; use " + String.join(" or ", allowed));
        }
    }

    private static Map<String, String> error(String error, String detail) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("detail", detail);
        return m;
    }

    private static void write(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        JSON.writeValue(resp.getOutputStream(), body);
    }
}
