package org.siyu.kernel.imports.internal.rest;

import java.util.List;
import java.util.Optional;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResponse;
import org.siyu.api.security.User;
import org.siyu.testkit.FakeRestRequest;

/**
 * A {@link FakeRestRequest} with a body of raw bytes (a CSV in GB18030), which the test kit can only give as UTF-8
 * JSON text; everything else, the response included, is the fake's.
 */
final class RawBody implements RestRequest, RestResponse {

    private final FakeRestRequest fake;
    private final byte[] body;

    RawBody(FakeRestRequest fake, byte[] body) {
        this.fake = fake;
        this.body = body.clone();
    }

    RawBody query(String name, String value) {
        fake.query(name, value);
        return this;
    }

    RawBody withHeader(String name, String value) {
        fake.withHeader(name, value);
        return this;
    }

    int status() {
        return fake.status();
    }

    Optional<String> responseHeader(String name) {
        return fake.responseHeader(name);
    }

    @Override
    public String method() {
        return fake.method();
    }

    @Override
    public List<String> segments() {
        return fake.segments();
    }

    @Override
    public Optional<String> query(String name) {
        return fake.query(name);
    }

    @Override
    public Optional<String> header(String name) {
        return fake.header(name);
    }

    @Override
    public User user() {
        return fake.user();
    }

    @Override
    public <T> T body(Class<T> type) throws RestException {
        return fake.body(type);
    }

    @Override
    public byte[] bytes() {
        return body.clone();
    }

    @Override
    public void status(int status) {
        fake.status(status);
    }

    @Override
    public void header(String name, String value) {
        fake.header(name, value);
    }
}
