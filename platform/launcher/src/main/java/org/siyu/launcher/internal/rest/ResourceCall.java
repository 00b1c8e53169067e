package org.siyu.launcher.internal.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResponse;
import org.siyu.api.security.User;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** One request to a bundle's resource: the SDK's view of the servlet request and response. */
final class ResourceCall implements RestRequest, RestResponse {

    private final HttpServletRequest req;
    private final HttpServletResponse resp;
    private final User user;
    private final List<String> segments;
    private byte[] body;
    int status;

    ResourceCall(HttpServletRequest req, HttpServletResponse resp, User user, String rest) {
        this.req = req;
        this.resp = resp;
        this.user = user;
        this.segments = decodedSegments(rest);
    }

    /** The segments of a raw (percent-encoded) path, each decoded once; empty segments are dropped. */
    static List<String> decodedSegments(String raw) {
        List<String> parts = new ArrayList<>();
        for (String s : raw.split("/")) {
            if (!s.isEmpty()) {
                parts.add(decode(s));
            }
        }
        return List.copyOf(parts);
    }

    /**
     * Percent-decodes one path segment. Unlike a form, a path keeps {@code +} as a plus sign ({@code phone:+86…}):
     * {@link URLDecoder} would make it a space, so it is escaped first.
     */
    static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String method() {
        return req.getMethod();
    }

    @Override
    public List<String> segments() {
        return segments;
    }

    @Override
    public Optional<String> query(String name) {
        return Optional.ofNullable(req.getParameter(name));
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(req.getHeader(name));
    }

    @Override
    public User user() {
        return user;
    }

    @Override
    public <T> T body(Class<T> type) throws RestException {
        byte[] bytes = bytes();
        if (bytes.length == 0) {
            throw RestException.badRequest("the request needs a JSON body");
        }
        try {
            return ApiServlet.JSON.readValue(bytes, type);
        } catch (DatabindException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            throw RestException.badRequest((path.isEmpty() ? "" : "field '" + path + "': ") + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw RestException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    @Override
    public byte[] bytes() {
        if (body == null) {
            try {
                body = req.getInputStream().readAllBytes();
            } catch (IOException e) {
                body = new byte[0];
            }
        }
        return body;
    }

    @Override
    public void status(int status) {
        this.status = status;
    }

    @Override
    public void header(String name, String value) {
        resp.setHeader(name, value);
    }
}
