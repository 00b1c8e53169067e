package org.siyu.samples.notes.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.siyu.api.persistence.PersistenceUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes notes. Every method is one transaction of the {@code notes} persistence unit, or joins the
 * caller's transaction if one is open on this thread.
 *
 * <p>This is a component without an SDK interface: the bundle's other components reference it by its class.
 * It becomes active only once the platform has migrated the schema and registered the unit, and so do the
 * views, editor, command and search that depend on it: the plugin's UI appears when its data is ready.
 */
@Component(service = NoteRepository.class, configurationPid = NoteRepository.PID)
@Designate(ocd = NoteRepository.Config.class)
public class NoteRepository {

    /** The configuration PID. It is a public contract (configuration files name it): never change it. */
    public static final String PID = "org.siyu.samples.notes";

    /** The settings an administrator can change; the admin renders its form from this description. */
    @ObjectClassDefinition(id = PID, name = "Notes sample", description = "Settings of the notes sample plugin.")
    public @interface Config {

        @AttributeDefinition(name = "Default title",
                description = "The title of a note created without one: by the New note button, "
                        + "or by the notes.new command without an argument. Default: Untitled note.")
        String defaultTitle() default "Untitled note";

        @AttributeDefinition(name = "Maximum number of notes", min = "1",
                description = "How many notes may exist at most; notes beyond this are refused. Default: 1000.")
        int maxNotes() default 1000;
    }

    private static final Logger LOG = LoggerFactory.getLogger(NoteRepository.class);

    private final PersistenceUnit unit;
    private final Clock clock;
    /** Replaced by {@link #modified}, so a change of settings does not restart the plugin's UI. */
    private volatile Config config;

    @Activate
    public NoteRepository(@Reference(target = "(" + PersistenceUnit.NAME_PROPERTY + "=notes)") PersistenceUnit unit,
            Config config) {
        this(unit, config, Clock.systemUTC());
    }

    /** For tests: a clock that the test moves makes times predictable. */
    NoteRepository(PersistenceUnit unit, Config config, Clock clock) {
        this.unit = unit;
        this.config = config;
        this.clock = clock;
    }

    @Modified
    void modified(Config config) {
        this.config = config;
    }

    /** The title for a note created without one. */
    public String defaultTitle() {
        return config.defaultTitle();
    }

    /** All notes, pinned first, then the most recently updated first. */
    public List<Note> list() {
        return unit.inTransaction(em -> em.createQuery(
                        "select n from Note n order by n.pinned desc, n.updatedAt desc, n.id desc", Note.class)
                .getResultList());
    }

    /** The note with {@code id}, if there is one. */
    public Optional<Note> find(long id) {
        return unit.inTransaction(em -> Optional.ofNullable(em.find(Note.class, id)));
    }

    /** How many notes there are. */
    public long count() {
        return unit.inTransaction(em -> em.createQuery("select count(n) from Note n", Long.class).getSingleResult());
    }

    /**
     * Creates a note. The title is stored without surrounding white space.
     *
     * @throws IllegalArgumentException if the title or body break a rule of {@link NoteRules} (the message names
     *                                  the field), or if there are already {@link Config#maxNotes()} notes
     */
    public Note create(String title, String body, boolean pinned) {
        NoteRules.require(title, body);
        int max = config.maxNotes();
        return unit.inTransaction(em -> {
            long count = em.createQuery("select count(n) from Note n", Long.class).getSingleResult();
            if (count >= max) {
                throw new IllegalArgumentException("cannot create a note: there are already " + count
                        + " notes and the limit is " + max + " (setting maxNotes of " + PID + ")");
            }
            Note note = new Note(title.strip(), body == null ? "" : body, pinned, now());
            em.persist(note);
            em.flush(); // assigns the id and surfaces constraint failures here rather than at commit
            LOG.debug("Created note {}", note.getId());
            return note;
        });
    }

    /**
     * Changes a note's title, body and pinned flag.
     *
     * @throws IllegalArgumentException if the title or body break a rule of {@link NoteRules}
     * @throws NoSuchElementException   if there is no note with {@code id}
     */
    public Note update(long id, String title, String body, boolean pinned) {
        NoteRules.require(title, body);
        return unit.inTransaction(em -> {
            Note note = em.find(Note.class, id);
            if (note == null) {
                throw new NoSuchElementException("no note with id " + id);
            }
            note.change(title.strip(), body == null ? "" : body, pinned, now());
            return note;
        });
    }

    /** Deletes a note; returns whether there was one. */
    public boolean delete(long id) {
        return unit.inTransaction(em -> {
            Note note = em.find(Note.class, id);
            if (note == null) {
                return false;
            }
            em.remove(note);
            LOG.debug("Deleted note {}", id);
            return true;
        });
    }

    /**
     * The notes whose title contains {@code query}, ignoring case, at most {@code limit} of them, most recently
     * updated first. The query's {@code %} and {@code _} match themselves.
     */
    public List<Note> searchTitles(String query, int limit) {
        return unit.inTransaction(em -> em.createQuery(
                        "select n from Note n where lower(n.title) like :pattern escape '" + TitleSearch.ESCAPE + "'"
                                + " order by n.updatedAt desc, n.id desc", Note.class)
                .setParameter("pattern", TitleSearch.likePattern(query))
                .setMaxResults(limit)
                .getResultList());
    }

    /** Microseconds are what both databases store; truncating keeps a note equal to itself once read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
