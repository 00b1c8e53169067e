package org.siyu.shell.internal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletContext;
import org.siyu.shell.LoginView;
import org.siyu.shell.ShellRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registered in {@code META-INF/services}: starts the run-time routes when the Vaadin service starts (if the
 * servlet context listener has not already), and makes every UI check on each navigation that its session is
 * signed in, sending it to the login page otherwise.
 */
public final class ShellServiceInit implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ShellServiceInit.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (event.getSource().getContext() instanceof VaadinServletContext servlet) {
            startRoutes(servlet.getContext());
        }
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            ui.setLocale(ShellSession.of(ui.getSession()).locale());
            ui.addBeforeEnterListener(ShellServiceInit::checkAccess);
        });
    }

    static void checkAccess(BeforeEnterEvent event) {
        if (LoginView.class.equals(event.getNavigationTarget())) {
            return;
        }
        ShellSession state = ShellSession.of(event.getUI().getSession());
        if (!state.signedIn()) {
            state.afterLogin(event.getLocation().getPathWithQueryParameters());
            event.forwardTo(LoginView.class);
        }
    }

    /** Starts {@link ShellRoutes} if the host has put its backend into {@code context}. */
    public static void startRoutes(jakarta.servlet.ServletContext context) {
        Object backend = context.getAttribute(org.siyu.shell.backend.ShellBackend.ATTRIBUTE);
        if (backend instanceof org.siyu.shell.backend.ShellBackend b) {
            ShellRoutes.of(context).start(b.contributions());
        } else {
            LOG.warn("No {} in the servlet context yet: contributed views get no /view/<id> route",
                    org.siyu.shell.backend.ShellBackend.ATTRIBUTE);
        }
    }
}
