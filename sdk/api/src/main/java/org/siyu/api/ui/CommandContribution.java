package org.siyu.api.ui;

import org.osgi.annotation.versioning.ConsumerType;
import org.siyu.api.i18n.Text;

/**
 * A command in the command palette (Ctrl+K) and the console's command line. The shell checks
 * {@link #permission()} on the server before it calls {@link #execute}.
 */
@ConsumerType
public interface CommandContribution {

    /** Stable, unique identifier such as {@code notes.new}; typed in the console to run the command. */
    String id();

    /** What the command does, as the palette lists it. */
    Text title();

    /** The permission needed to run this command, or {@code null} for every signed-in user. */
    default String permission() {
        return null;
    }

    /**
     * Runs the command on the session's UI thread. Long work should be started in the background and
     * report through {@link ViewContext#log(String)}.
     *
     * @param argument what the user typed after the command id in the console; empty from the palette
     * @throws Exception any failure; the shell shows its message and the command's id, and the shell stays up
     */
    void execute(ViewContext context, String argument) throws Exception;
}
