package org.siyu.launcher.internal.web;

import com.vaadin.flow.server.VaadinServlet;
import jakarta.servlet.http.HttpServlet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.ee11.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.siyu.shell.backend.ShellBackend;

/**
 * Jetty 12 (ee11) with the Vaadin shell on {@code /*} in production mode and the REST API on {@code /api/*}.
 */
public final class WebServer {

    /**
     * Jars and folders of the host class path that Jetty scans for servlet initialisers and serves
     * {@code META-INF/resources} from: Vaadin's initialisers (flow-server), the client engine and push (flow-client,
     * flow-push), the Lumo theme's stylesheet (vaadin-lumo-theme) and the shell's routes. Without a match every
     * request fails (INTEGRATION-NOTES.md); a missing theme jar leaves the admin unstyled. The other 50-odd Vaadin
     * component jars are not scanned: the front-end bundle is compiled at build time, and scanning them cost about
     * two seconds of every start.
     */
    static final String CONTAINER_INCLUDE = ".*/flow-(server|client|push)-[^/]*\\.jar$|.*/vaadin-lumo-theme-[^/]*\\.jar$"
            + "|.*/org\\.siyu\\.shell[^/]*\\.jar$|.*/platform/shell/target/classes/?$";

    private final Server server;
    private final WebAppContext webapp;

    public WebServer(int port, ShellBackend backend, HttpServlet api, Path workDir) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        connector.setHost(System.getProperty("siyu.bind", "0.0.0.0"));
        server.addConnector(connector);

        webapp = new WebAppContext();
        webapp.setContextPath("/");
        Path base = workDir.resolve("webroot");
        Files.createDirectories(base);
        webapp.setBaseResourceAsPath(base);
        webapp.setTempDirectory(workDir.resolve("jetty-tmp").toFile());
        webapp.setParentLoaderPriority(true);
        webapp.setConfigurationDiscovered(true);
        webapp.setAttribute("org.eclipse.jetty.server.webapp.ContainerIncludeJarPattern", CONTAINER_INCLUDE);
        webapp.setAttribute(ShellBackend.ATTRIBUTE, backend);
        webapp.getServletContext().setAttribute(ShellBackend.ATTRIBUTE, backend);

        ServletHolder vaadin = new ServletHolder("vaadin", VaadinServlet.class);
        vaadin.setInitParameter("productionMode", "true");
        vaadin.setInitParameter("pushMode", "automatic");
        vaadin.setAsyncSupported(true);
        vaadin.setInitOrder(1);
        webapp.addServlet(vaadin, "/*");
        ServletHolder apiHolder = new ServletHolder("api", api);
        webapp.addServlet(apiHolder, "/api/*");
        JakartaWebSocketServletContainerInitializer.configure(webapp, null);
        server.setHandler(webapp);
        server.setStopTimeout(3_000);
    }

    public void start() throws Exception {
        server.start();
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** The shell's servlet context; the shell keeps its route table there. */
    public jakarta.servlet.ServletContext servletContext() {
        return webapp.getServletContext();
    }

    public void stop() throws Exception {
        server.stop();
    }
}
