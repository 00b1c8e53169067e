package org.siyu.api.ui;

import java.util.Locale;
import org.osgi.annotation.versioning.ProviderType;
import org.siyu.api.security.User;

/** What the shell offers to a contribution in one session. Use it on the session's UI thread. */
@ProviderType
public interface ViewContext {

    /** The signed-in user. */
    User user();

    /** The user's language for this session. */
    Locale locale();

    /** Opens (or focuses) the editor tab for a record, through the {@link EditorContribution} for its type. */
    void openEditor(String type, String recordId);

    /** Opens (or focuses) a contributed view by its id. */
    void openView(String viewId);

    /** Makes {@code selection} the current selection; the inspector shows it. {@code null} clears it. */
    void select(Selection selection);

    /** Shows a short message to the user. */
    void notify(String message);

    /** Writes a line to the console panel of this session. */
    void log(String line);
}
