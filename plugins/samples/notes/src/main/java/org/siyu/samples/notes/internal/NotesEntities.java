package org.siyu.samples.notes.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.siyu.api.persistence.EntityContribution;

/**
 * Offers the bundle's entities and migrations to the platform. In return the platform migrates the schema
 * (from {@code db/migration/notes}, history in {@code flyway_notes}) and registers the {@code notes}
 * {@link org.siyu.api.persistence.PersistenceUnit} that {@link NoteRepository} waits for.
 */
@Component
public class NotesEntities implements EntityContribution {

    /** The unit's name: the prefix of every table of this bundle and the folder of its migrations. */
    static final String UNIT = "notes";

    @Override
    public String unit() {
        return UNIT;
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(Note.class);
    }
}
