package org.siyu.api.search;

import java.util.List;
import java.util.Locale;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Answers global searches for the records a bundle owns. The shell asks every registered provider while the
 * user types, so {@link #search} must return within tens of milliseconds; a provider that throws or is slow
 * is skipped for that query.
 */
@ConsumerType
public interface SearchProvider {

    /**
     * The best hits for {@code query}, at most {@code limit}.
     *
     * @param query  what the user typed, trimmed, never empty
     * @param limit  how many hits at most
     * @param locale the user's language, for the hit texts
     */
    List<SearchHit> search(String query, int limit, Locale locale);
}
