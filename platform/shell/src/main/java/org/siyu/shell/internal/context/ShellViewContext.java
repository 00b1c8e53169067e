package org.siyu.shell.internal.context;

import java.util.Locale;
import org.siyu.api.security.User;
import org.siyu.api.ui.Selection;
import org.siyu.api.ui.ViewContext;
import org.siyu.shell.internal.layout.Workbench;

/**
 * The {@link ViewContext} of one open shell (one browser tab). Every call is handed to the shell's UI, so a
 * contribution may also call it from a background thread (for example {@link #log} from long work).
 */
public final class ShellViewContext implements ViewContext {

    private final Workbench workbench;
    private final User user;
    private final Locale locale;

    public ShellViewContext(Workbench workbench, User user, Locale locale) {
        this.workbench = workbench;
        this.user = user;
        this.locale = locale;
    }

    @Override
    public User user() {
        return user;
    }

    @Override
    public Locale locale() {
        return locale;
    }

    @Override
    public void openEditor(String type, String recordId) {
        workbench.inUi(() -> workbench.openEditor(type, recordId));
    }

    @Override
    public void openView(String viewId) {
        workbench.inUi(() -> workbench.openView(viewId));
    }

    @Override
    public void select(Selection selection) {
        workbench.inUi(() -> workbench.select(selection));
    }

    @Override
    public void notify(String message) {
        workbench.inUi(() -> org.siyu.shell.internal.Ui.info(message));
    }

    @Override
    public void log(String line) {
        workbench.inUi(() -> workbench.console().appendSession(line));
    }
}
