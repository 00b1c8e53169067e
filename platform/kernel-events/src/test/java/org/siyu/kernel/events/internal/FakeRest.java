package org.siyu.kernel.events.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResponse;
import org.siyu.api.security.Role;
import org.siyu.api.security.User;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** A request and response as the host's dispatcher hands them to a resource (JSON bound with Jackson). */
final class FakeRest implements RestRequest, RestResponse {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String method;
    private final List<String> segments;
    private final Map<String, String> query = new HashMap<>();
    private final User user;
    private final String body;
    int status = 200;

    FakeRest(Role role, String method, String body, String... segments) {
        this.method = method;
        this.segments = List.of(segments);
        this.body = body;
        this.user = new User() {
            @Override
            public String username() {
                return role.name().toLowerCase() + "1";
            }

            @Override
            public Role role() {
                return role;
            }

            @Override
            public boolean isPermitted(String permission) {
                return role.includes(Role.OPERATOR);
            }
        };
    }

    FakeRest query(String name, String value) {
        query.put(name, value);
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
        return Optional.empty();
    }

    @Override
    public User user() {
        return user;
    }

    @Override
    public <T> T body(Class<T> type) throws RestException {
        try {
            return JSON.readValue(body, type);
        } catch (JacksonException e) {
            throw RestException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    @Override
    public byte[] bytes() {
        return body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void status(int status) {
        this.status = status;
    }

    @Override
    public void header(String name, String value) {
    }
}
