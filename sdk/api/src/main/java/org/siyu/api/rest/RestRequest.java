package org.siyu.api.rest;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.siyu.api.security.User;

/** One request to a {@link RestResource}. */
@ProviderType
public interface RestRequest {

    /** GET, POST, PUT, PATCH or DELETE. */
    String method();

    /** The path segments after the resource name, URL-decoded: {@code /api/v1/customers/42/tags} → [42, tags]. */
    List<String> segments();

    /** A query parameter, URL-decoded. */
    Optional<String> query(String name);

    /** A request header. */
    Optional<String> header(String name);

    /** The authenticated user. */
    User user();

    /**
     * The JSON body bound to {@code type} (a record or class with a no-argument constructor; also
     * {@code java.util.Map} and {@code java.util.List}).
     *
     * @throws RestException 400 naming the field when the body is not valid JSON or does not fit {@code type}
     */
    <T> T body(Class<T> type) throws RestException;

    /** The raw body bytes. */
    byte[] bytes();
}
