package org.siyu.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResponse;
import org.siyu.api.security.Role;
import org.siyu.api.security.User;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request to a {@link org.siyu.api.rest.RestResource} and its response, as the host's dispatcher hands them over:
 * method, path segments after the resource name, query parameters, headers, the signed-in user and a body: JSON that
 * {@link #body(Class)} binds with Jackson as the host does (a 400 {@link RestException} naming the field when it does
 * not fit), or raw bytes ({@link #body(byte[])}) for resources that read {@link #bytes()}. The status and headers the
 * resource sets are kept for the test to check.
 *
 * <pre>{@code
 * FakeRestRequest call = FakeRestRequest.of("POST", "resolve").as(Role.OPERATOR)
 *         .json(Map.of("identities", List.of("wecom:wm1")));
 * Object answer = resource.handle(call, call);
 * assertEquals(200, call.status());
 * }</pre>
 *
 * <p>The user is {@code operator1} with {@link Role#OPERATOR} unless {@link #as} says otherwise; it holds every
 * permission unless {@link #permitting} says otherwise.
 */
public final class FakeRestRequest implements RestRequest, RestResponse {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String method;
    private final List<String> segments;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private String username = "operator1";
    private Role role = Role.OPERATOR;
    private Predicate<String> permitted = permission -> true;
    private byte[] body = new byte[0];
    private int status = 200;

    /** A request with {@code method} and the path segments after the resource name ({@code /customers/42/tags} → 42, tags). */
    public FakeRestRequest(String method, String... segments) {
        this(method, List.of(segments));
    }

    /** A request with {@code method} and the path segments after the resource name. */
    public FakeRestRequest(String method, List<String> segments) {
        this.method = method;
        this.segments = List.copyOf(segments);
    }

    /** A request with {@code method} and the path after the resource name, split at {@code /} ({@code ""} for none). */
    public static FakeRestRequest of(String method, String path) {
        return new FakeRestRequest(method, path.isEmpty() ? List.of() : Arrays.asList(path.split("/")));
    }

    /** A GET with the path segments after the resource name. */
    public static FakeRestRequest get(String... segments) {
        return new FakeRestRequest("GET", segments);
    }

    /** Makes the user {@code <role in lower case>1} with {@code role}. */
    public FakeRestRequest as(Role role) {
        return as(role.name().toLowerCase() + "1", role);
    }

    /** Makes the user {@code username} with {@code role}. */
    public FakeRestRequest as(String username, Role role) {
        this.username = username;
        this.role = role;
        return this;
    }

    /** Which permissions the user holds ({@code null}, "any signed-in user", is always granted). */
    public FakeRestRequest permitting(Predicate<String> permitted) {
        this.permitted = permitted;
        return this;
    }

    /** Adds a query parameter. */
    public FakeRestRequest query(String name, String value) {
        query.put(name, value);
        return this;
    }

    /** Adds the query parameters. */
    public FakeRestRequest query(Map<String, String> parameters) {
        query.putAll(parameters);
        return this;
    }

    /** Adds a request header. */
    public FakeRestRequest withHeader(String name, String value) {
        requestHeaders.put(name, value);
        return this;
    }

    /** Sets the body to this JSON text ({@code null} for none). */
    public FakeRestRequest json(String json) {
        this.body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /**
     * Sets the body to these bytes as they are (a CSV file in GB18030, an image; {@code null} for none), for resources
     * that read {@link #bytes()}. Set the {@code Content-Type} with {@link #withHeader} as a client would.
     */
    public FakeRestRequest body(byte[] bytes) {
        this.body = bytes == null ? new byte[0] : bytes.clone();
        return this;
    }

    /** Sets the body to {@code value} written as JSON (maps, lists, records; {@code null} for none). */
    public FakeRestRequest json(Object value) {
        this.body = value == null ? new byte[0] : JSON.writeValueAsBytes(value);
        return this;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public List<String> segments() {
        return segments;
    }

    @Override
    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(requestHeaders.get(name));
    }

    @Override
    public User user() {
        return new TestUser(username, role, permitted);
    }

    /** Binds the body as the host does: 400 when there is none, when it is not JSON, or naming the field that does not fit. */
    @Override
    public <T> T body(Class<T> type) throws RestException {
        if (body.length == 0) {
            throw RestException.badRequest("the request needs a JSON body");
        }
        try {
            return JSON.readValue(body, type);
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
        return body.clone();
    }

    @Override
    public void status(int status) {
        this.status = status;
    }

    /** The status the resource set; 200 unless it set one. */
    public int status() {
        return status;
    }

    @Override
    public void header(String name, String value) {
        responseHeaders.put(name, value);
    }

    /** A response header the resource set. */
    public Optional<String> responseHeader(String name) {
        return Optional.ofNullable(responseHeaders.get(name));
    }

    /** The response headers the resource set. */
    public Map<String, String> responseHeaders() {
        return Map.copyOf(responseHeaders);
    }
}
