/**
 * REST resources contributed by bundles, served under {@code /api/v1/<name>}. The platform authenticates the
 * bearer token, parses and writes JSON, and turns a {@link org.siyu.api.rest.RestException} into the common error
 * shape {@code {"error":…,"detail":…}} with its status. A resource that answers with bytes rather than JSON returns a
 * {@link org.siyu.api.rest.StreamedBody} (since 1.1).
 */
@Export
@Version("1.1.0")
package org.siyu.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
