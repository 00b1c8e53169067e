package org.siyu.shell.backend;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.siyu.api.search.SearchHit;

/** The host's search index as the shell uses it: searching, and the Search index view's status and rebuilds. */
public interface SearchAdmin {

    /**
     * The index's best hits, best first.
     *
     * @param types only these types; empty for all
     * @throws IllegalArgumentException if the query is blank
     */
    List<SearchHit> search(String query, Set<String> types, int limit, Locale locale);

    /** As {@link #search}, without the hits that the bundles' search filters hide from {@code username}. */
    List<SearchHit> searchAs(String username, String query, Set<String> types, int limit, Locale locale);

    /** Whether {@code username} may see a hit of {@code type} (a provider's hit, too): what the filters say. */
    boolean visible(String type, String id, String username);

    /** Every type that has documents or a registered source, by name. */
    List<TypeStatus> types();

    /** Whether the index is open, still opening, or failed to open (with why). */
    Status status();

    /**
     * Starts a rebuild of {@code type} as a job, titled in {@code locale}; if one is already running, returns that one.
     *
     * @return the job id
     * @throws IllegalArgumentException if no source is registered for the type
     */
    long rebuild(String type, String actor, Locale locale);

    /**
     * One document type.
     *
     * @param documents    documents in the index now
     * @param sourceBundle the bundle whose {@code DocumentSource} produces the type, or {@code null} if none is registered
     * @param rebuildJob   the running rebuild's job id, or {@code 0}
     */
    record TypeStatus(String type, long documents, String sourceBundle, long rebuildJob) {
    }

    /**
     * @param state   {@code OPENING}, {@code READY} or {@code FAILED}
     * @param message why it failed, or what happened at start (a corrupt index moved aside), or {@code null}
     */
    record Status(String state, String message, String directory) {
    }
}
