package org.siyu.shell;

import com.vaadin.flow.router.Route;
import org.siyu.shell.internal.layout.Workbench;

/** The IDE layout at the root path. */
@Route("")
public class MainView extends Workbench {

    private static final long serialVersionUID = 1L;
}
