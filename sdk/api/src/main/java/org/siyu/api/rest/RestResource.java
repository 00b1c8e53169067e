package org.siyu.api.rest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A REST resource under {@code /api/v1/<name>/…}. Register it as an OSGi service; it is reachable while registered.
 * Every request reaching it carries a valid token ({@link RestRequest#user()}); the resource checks permissions.
 */
@ConsumerType
public interface RestResource {

    /** The first path segment after {@code /api/v1/}, such as {@code customers}; lower-case, unique. */
    String name();

    /**
     * Handles one request.
     *
     * @return the response body, serialised as JSON (a record, a map, a list…), or {@code null} for no body
     * @throws RestException for a refusal the caller should see (4xx)
     * @throws Exception anything else becomes a 500 with the exception's text
     */
    Object handle(RestRequest request, RestResponse response) throws Exception;
}
