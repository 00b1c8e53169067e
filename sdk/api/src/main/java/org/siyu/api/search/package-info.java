/**
 * Search. The host keeps one full-text index (Lucene; Chinese text is segmented with SmartChineseAnalyzer) to which
 * bundles contribute documents of their own types through {@link org.siyu.api.search.SearchIndex}, and which they can
 * rebuild from their own data through a {@link org.siyu.api.search.DocumentSource}. The global search box, the
 * command palette and {@code GET /api/v1/search} ask the index and every {@link org.siyu.api.search.SearchProvider}.
 */
@Export
@Version("1.1.0")
package org.siyu.api.search;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
