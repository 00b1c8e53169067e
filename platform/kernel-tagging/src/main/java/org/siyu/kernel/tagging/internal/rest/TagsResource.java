package org.siyu.kernel.tagging.internal.rest;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResource;
import org.siyu.api.rest.RestResponse;
import org.siyu.api.tags.TagService;
import org.siyu.kernel.tagging.internal.TaggingPermissions;

/** {@code GET /api/v1/tags} → every tag: {@code [{"name","group","system","customers"}…]}, by group then name. */
@Component
public class TagsResource implements RestResource {

    private final TagService tags;

    @Activate
    public TagsResource(@Reference TagService tags) {
        this.tags = tags;
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
        return tags.list();
    }
}
