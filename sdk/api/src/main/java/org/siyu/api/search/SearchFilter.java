package org.siyu.api.search;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hides the hits of one document type from users who may not see those records (a store manager and the customers
 * of other stores). Registered by the bundle that owns the type; the global search box, the command palette and
 * {@code GET /api/v1/search} ask it for every hit of its type before showing it. A filter that throws hides the hit.
 *
 * @since 1.1
 */
@ConsumerType
public interface SearchFilter {

    /** The document type this filter guards. */
    String type();

    /**
     * Whether the user may see the record. Called once per hit while the user types: answer from memory. One search
     * may ask about many hits — when a filter hides most of them, the host reads further hits (up to a thousand) to
     * fill the page.
     *
     * @param id       the hit's record id
     * @param username the signed-in account
     */
    boolean visible(String id, String username);
}
