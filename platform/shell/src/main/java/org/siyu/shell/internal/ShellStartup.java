package org.siyu.shell.internal;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Set;
import org.siyu.shell.ShellRoutes;

/**
 * Registered in {@code META-INF/services}: once the web application has started (after Vaadin's own
 * initializers), registers the routes of the views already contributed, so {@code /view/<id>} works before
 * the first request; when the context stops, removes them and stops following the registry.
 */
public final class ShellStartup implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.addListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                ShellServiceInit.startRoutes(event.getServletContext());
            }

            @Override
            public void contextDestroyed(ServletContextEvent event) {
                ShellRoutes.of(event.getServletContext()).stop();
            }
        });
    }
}
