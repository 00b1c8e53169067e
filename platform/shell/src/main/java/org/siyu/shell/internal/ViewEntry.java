package org.siyu.shell.internal;

import java.util.Optional;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.Perspective;
import org.siyu.api.ui.ViewContribution;

/**
 * A snapshot of a view contribution's metadata, read once so the shell does not call into plugin code for
 * every repaint, and so a contribution whose getters throw is skipped instead of breaking the navigator.
 *
 * @param bundle the contributing bundle, or {@code shell} for the shell's own views
 */
public record ViewEntry(String id, Text title, Text group, Perspective perspective, String permission, String icon,
        String bundle, ViewContribution view) {

    public static final String SHELL = "shell";

    /** The snapshot, or empty if the contribution throws or answers nonsense. */
    public static Optional<ViewEntry> of(ViewContribution view, String bundle) {
        try {
            String id = view.id();
            Text title = view.title();
            if (id == null || id.isBlank() || title == null) {
                return Optional.empty();
            }
            Text group = view.group();
            Perspective perspective = view.perspective();
            return Optional.of(new ViewEntry(id, title, group == null ? Text.of(bundle) : group,
                    perspective == null ? Perspective.OPERATIONS : perspective, view.permission(), view.icon(),
                    bundle, view));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
