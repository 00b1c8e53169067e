package org.siyu.shell.internal;

import java.util.Optional;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.CommandContribution;

/** A snapshot of a command contribution's metadata; see {@link ViewEntry}. */
public record CommandEntry(String id, Text title, String permission, String bundle, CommandContribution command) {

    public static Optional<CommandEntry> of(CommandContribution command, String bundle) {
        try {
            String id = command.id();
            Text title = command.title();
            if (id == null || id.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new CommandEntry(id, title == null ? Text.of(id) : title, command.permission(),
                    bundle, command));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
