package org.siyu.kernel.tagging.internal.rest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResponse;
import org.siyu.api.security.Role;
import org.siyu.api.security.User;

/** A request as the host's ApiServlet hands it over: method, path segments after the resource name, query. */
record FakeRequest(String method, List<String> segments, Map<String, String> params, boolean permitted)
        implements RestRequest, RestResponse {

    static FakeRequest get(List<String> segments, Map<String, String> params) {
        return new FakeRequest("GET", segments, params, true);
    }

    @Override
    public Optional<String> query(String name) {
        return Optional.ofNullable(params.get(name));
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.empty();
    }

    @Override
    public User user() {
        return new User() {
            @Override
            public String username() {
                return "alice";
            }

            @Override
            public Role role() {
                return Role.VIEWER;
            }

            @Override
            public boolean isPermitted(String permission) {
                return permitted;
            }
        };
    }

    @Override
    public <T> T body(Class<T> type) throws RestException {
        throw RestException.badRequest("no body");
    }

    @Override
    public byte[] bytes() {
        return new byte[0];
    }

    @Override
    public void status(int status) {
    }

    @Override
    public void header(String name, String value) {
    }
}
