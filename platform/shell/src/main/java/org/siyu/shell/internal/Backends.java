package org.siyu.shell.internal;

import com.vaadin.flow.server.VaadinContext;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletContext;
import java.util.Optional;
import org.siyu.shell.backend.ShellBackend;

/** Finds the host's {@link ShellBackend} from any Vaadin thread (also push/websocket requests). */
public final class Backends {

    private Backends() {
    }

    public static Optional<ShellBackend> current() {
        VaadinService service = VaadinService.getCurrent();
        return service == null ? Optional.empty() : of(service.getContext());
    }

    public static Optional<ShellBackend> of(VaadinContext context) {
        if (context instanceof VaadinServletContext servlet) {
            Object backend = servlet.getContext().getAttribute(ShellBackend.ATTRIBUTE);
            if (backend instanceof ShellBackend b) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
