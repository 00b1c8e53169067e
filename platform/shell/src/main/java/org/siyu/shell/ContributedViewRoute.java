package org.siyu.shell;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import org.siyu.shell.internal.layout.Workbench;

/**
 * The IDE layout with one contributed view open. Registered at run time under {@code view/<id>} for every
 * view contribution (see {@link ShellRoutes}); the view's id is read from the path.
 */
public class ContributedViewRoute extends Workbench implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String path = event.getLocation().getPath();
        if (path.startsWith(ShellRoutes.PREFIX)) {
            openOnAttach(path.substring(ShellRoutes.PREFIX.length()));
        }
    }
}
