package org.siyu.kernel.tagging.internal.rest;

import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.kernel.tagging.internal.scope.Scope;
import org.siyu.kernel.tagging.internal.scope.Scopes;

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

    /**
     * The caller's data scope, for answers that count or list customers.
     *
     * @throws RestException 503 naming what is missing when the caller has a scope that cannot be worked out now:
     *                       nothing of the brand is shown in its place
     */
    static Scope scope(Scopes scopes, RestRequest request) throws RestException {
        Scope scope = scopes.of(request.user());
        if (scope.closed()) {
            throw new RestException(503, "data scope unavailable", scope.problem().en());
        }
        return scope;
    }
}
