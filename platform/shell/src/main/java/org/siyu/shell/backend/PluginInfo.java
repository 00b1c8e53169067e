package org.siyu.shell.backend;

import java.util.List;

/**
 * One bundle as the Plugins view and {@code /api/v1/plugins} show it.
 *
 * @param id            the framework's bundle id
 * @param symbolicName  Bundle-SymbolicName
 * @param name          Bundle-Name, or the symbolic name
 * @param version       Bundle-Version
 * @param state         INSTALLED, RESOLVED, STARTING, STOPPING, ACTIVE or UNINSTALLED
 * @param core          whether the platform ships it (cannot be uninstalled from the admin)
 * @param contributions what the bundle contributes, e.g. "view notes.list", "command notes.new"
 */
public record PluginInfo(long id, String symbolicName, String name, String version, String state, boolean core,
        List<String> contributions) {
}
