package org.siyu.api.search;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The host's full-text index. Writes are visible to searches within about a second (near-real-time); they are
 * durable once committed by the index's periodic commit, and a {@link DocumentSource} can always rebuild its type.
 */
@ProviderType
public interface SearchIndex {

    /** Adds or replaces documents. */
    void put(Collection<SearchDocument> documents);

    /** Removes documents of one type by id. */
    void delete(String type, Collection<String> ids);

    /**
     * The best hits for {@code query}.
     *
     * @param types only these types; empty for all
     * @throws IllegalArgumentException if the query is blank
     */
    List<SearchHit> search(String query, Set<String> types, int limit, Locale locale);

    /** How many documents of the type the index holds. */
    long count(String type);

    /**
     * Rebuilds one type from its {@link DocumentSource} as a job with progress; the old documents stay searchable
     * until the new ones replace them.
     *
     * @return the job id
     * @throws IllegalArgumentException if no source is registered for the type
     */
    long rebuild(String type, String actor);
}
