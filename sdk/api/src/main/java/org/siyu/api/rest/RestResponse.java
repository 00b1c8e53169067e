package org.siyu.api.rest;

import org.osgi.annotation.versioning.ProviderType;

/** What a {@link RestResource} may set on its response besides the body. */
@ProviderType
public interface RestResponse {

    /** The status; 200 unless set (204 when the body is {@code null}). */
    void status(int status);

    void header(String name, String value);
}
