package org.siyu.shell.backend;

import java.io.InputStream;
import java.util.List;

/** Plugin lifecycle as the admin sees it. Every change is audited with the actor's name. */
public interface PluginAdmin {

    /** Every bundle in the framework, system and kernel bundles included, ordered by id. */
    List<PluginInfo> list();

    /**
     * Installs and starts a plugin jar. If a bundle with the same symbolic name is installed, it is updated.
     *
     * @throws PluginException if the jar is not a bundle, cannot resolve (the detail lists the missing
     *         requirements in plain words) or fails to start; nothing stays installed then
     */
    PluginInfo install(String fileName, InputStream jar, String actor) throws PluginException;

    /** Stops and uninstalls the plugin; its data stays. */
    void uninstall(String symbolicName, String actor) throws PluginException;

    void start(String symbolicName, String actor) throws PluginException;

    void stop(String symbolicName, String actor) throws PluginException;
}
