package org.siyu.kernel.tagging.internal.rest;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResource;
import org.siyu.api.rest.RestResponse;
import org.siyu.kernel.tagging.internal.Tagging;
import org.siyu.kernel.tagging.internal.TaggingPermissions;
import org.siyu.kernel.tagging.internal.scope.Scopes;

/**
 * {@code GET /api/v1/tags} → every tag: {@code [{"name","group","system","customers"}…]}, by group then name.
 * {@code customers} counts the caller's data scope ({@link Scopes}); a scope that cannot be worked out is a 503.
 */
@Component
public class TagsResource implements RestResource {

    private final Tagging tagging;
    private final Scopes scopes;

    @Activate
    public TagsResource(@Reference Tagging tagging, @Reference Scopes scopes) {
        this.tagging = tagging;
        this.scopes = scopes;
    }

    @Override
    public String name() {
        return "tags";
    }

    @Override
    public Object handle(RestRequest request, RestResponse response) throws RestException {
        Resources.require(request, TaggingPermissions.VIEW);
        if (!request.segments().isEmpty()) {
            throw RestException.notFound("no resource at /api/v1/tags/" + String.join("/", request.segments())
                    + "; there is GET /api/v1/tags (a customer's tags are under /api/v1/customers/<id>/tags)");
        }
        Resources.requireGet(request);
        return tagging.list(Resources.scope(scopes, request).within());
    }
}
