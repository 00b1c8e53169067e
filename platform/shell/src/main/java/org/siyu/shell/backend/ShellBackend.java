package org.siyu.shell.backend;

import jakarta.servlet.ServletContext;

/**
 * What the host offers the shell. The host puts one instance into the servlet context under
 * {@link #ATTRIBUTE} before Vaadin starts; views find it with {@link #of(ServletContext)}.
 */
public interface ShellBackend {

    String ATTRIBUTE = ShellBackend.class.getName();

    /** The UI contributions of all bundles, live. */
    ContributionRegistry contributions();

    /** Checks user names and passwords. */
    Authenticator authenticator();

    /** Installs, lists and removes plugins. */
    PluginAdmin plugins();

    /** The audit log. */
    AuditTrail audit();

    /** The platform log and event tail. */
    ConsoleFeed console();

    /** Configuration of components, described by their metatype. */
    Configurations configurations();

    /** Long-running jobs: list, progress, cancel. */
    JobMonitor jobs();

    /** The full-text index behind the global search box and the command palette. */
    SearchAdmin search();

    /** The host's version, shown in the status bar. */
    String version();

    static ShellBackend of(ServletContext context) {
        Object backend = context.getAttribute(ATTRIBUTE);
        if (backend == null) {
            throw new IllegalStateException("the host did not set " + ATTRIBUTE);
        }
        return (ShellBackend) backend;
    }
}
