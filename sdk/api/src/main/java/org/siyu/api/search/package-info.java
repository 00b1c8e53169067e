/**
 * Global search: bundles contribute providers; the search box and the command palette ask all of them.
 */
@Export
@Version("1.0.0")
package org.siyu.api.search;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
