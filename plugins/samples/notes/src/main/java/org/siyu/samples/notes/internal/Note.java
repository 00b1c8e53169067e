package org.siyu.samples.notes.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A note: the one entity of this sample. The table and the sequence are created by
 * {@code db/migration/notes/V1__create_note.sql}; the platform does not generate schema, so every column here
 * must match that migration.
 *
 * <p>Instances leave {@link NoteRepository} detached: reading their fields is fine anywhere, changing them
 * changes nothing in the database.
 */
@Entity
@Table(name = "notes_note")
public class Note {

    /** The record type under which the shell knows a note: in editors, selections and search hits. */
    public static final String TYPE = "notes.note";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notes_note_seq")
    @SequenceGenerator(name = "notes_note_seq", sequenceName = "notes_note_seq", allocationSize = 50)
    private Long id;

    @Column(name = "title", nullable = false, length = NoteRules.MAX_TITLE_LENGTH)
    private String title;

    @Column(name = "body", nullable = false, length = NoteRules.MAX_BODY_LENGTH)
    private String body = "";

    @Column(name = "pinned", nullable = false)
    private boolean pinned;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** For JPA. */
    protected Note() {
    }

    Note(String title, String body, boolean pinned, Instant now) {
        this.title = title;
        this.body = body;
        this.pinned = pinned;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void change(String title, String body, boolean pinned, Instant now) {
        this.title = title;
        this.body = body;
        this.pinned = pinned;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public boolean isPinned() {
        return pinned;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
