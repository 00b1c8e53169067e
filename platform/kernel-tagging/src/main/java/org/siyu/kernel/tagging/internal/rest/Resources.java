package org.siyu.kernel.tagging.internal.rest;

import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;

/** Checks shared by the resources. */
final class Resources {

    private Resources() {
    }

    static void require(RestRequest request, String permission) throws RestException {
        if (!request.user().isPermitted(permission)) {
            throw RestException.forbidden("this needs the permission " + permission + "; "
                    + request.user().username() + " does not hold it");
        }
    }

    static void requireGet(RestRequest request) throws RestException {
        if (!"GET".equals(request.method())) {
            throw new RestException(405, "method not allowed", request.method() + " is not supported here; use GET");
        }
    }
}
