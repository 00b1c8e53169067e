package org.siyu.samples.notes.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.search.SearchHit;
import org.siyu.api.search.SearchProvider;

/**
 * Finds notes by title for the global search and the command palette; choosing a hit opens the note's editor.
 * The shell asks while the user types, so this is one query with a limit. A LIKE over the titles is quick
 * enough for the few thousand notes this sample allows; a plugin with millions of records would contribute
 * them to the platform's search index instead.
 */
@Component
public class NoteSearch implements SearchProvider {

    /** How much of the body a hit shows under the title. */
    private static final int SNIPPET_LENGTH = 80;

    private final NoteRepository notes;

    @Activate
    public NoteSearch(@Reference NoteRepository notes) {
        this.notes = notes;
    }

    @Override
    public List<SearchHit> search(String query, int limit, Locale locale) {
        return notes.searchTitles(query, limit).stream()
                .map(note -> new SearchHit(Note.TYPE, String.valueOf(note.getId()), note.getTitle(),
                        NoteText.snippet(note.getBody(), SNIPPET_LENGTH), TitleSearch.score(note.getTitle(), query)))
                .sorted(Comparator.comparingDouble(SearchHit::score).reversed())
                .toList();
    }
}
