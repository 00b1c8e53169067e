package org.siyu.kernel.identity.internal.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResponse;
import org.siyu.api.security.Role;
import org.siyu.api.security.User;

/** A request as the host would hand it over: method, segments after the resource name, user and a parsed body. */
final class FakeRequest implements RestRequest, RestResponse {

    private final String method;
    private final List<String> segments;
    private final User user;
    private final Object body;
    int status;

    private FakeRequest(String method, String path, Role role, Object body) {
        this.method = method;
        this.segments = path.isEmpty() ? List.of() : Arrays.asList(path.split("/"));
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
                return true;
            }
        };
        this.body = body;
    }

    static FakeRequest of(String method, String path, Role role, Object body) {
        return new FakeRequest(method, path, role, body);
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
        return Optional.empty();
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
        if (body == null) {
            throw RestException.badRequest("the request needs a JSON body");
        }
        if (!type.isInstance(body)) {
            throw RestException.badRequest("the body is not a " + type.getSimpleName());
        }
        return type.cast(body);
    }

    @Override
    public byte[] bytes() {
        return new byte[0];
    }

    @Override
    public void status(int status) {
        this.status = status;
    }

    @Override
    public void header(String name, String value) {
    }
}
