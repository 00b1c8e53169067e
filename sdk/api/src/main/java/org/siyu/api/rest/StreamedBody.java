package org.siyu.api.rest;

import java.io.IOException;
import java.io.OutputStream;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A response body written as bytes instead of JSON (a CSV export, a file): return one from
 * {@link RestResource#handle}. The platform sets the status (200 unless {@link RestResponse#status} said otherwise)
 * and {@code Content-Type}, keeps the headers the resource set (such as {@code Content-Disposition}), and calls
 * {@link #writeTo} with the response stream, which it closes afterwards. Refuse bad requests before returning the
 * body: once writing has started the status cannot change, and a failure only cuts the response short.
 *
 * @since 1.1
 */
@ConsumerType
public interface StreamedBody {

    /** The media type, e.g. {@code text/csv; charset=UTF-8}. */
    String contentType();

    /** Writes the body. */
    void writeTo(OutputStream out) throws IOException;
}
