package org.siyu.api.ui;

/** A working mode of the shell: it decides which navigator nodes are shown. */
public enum Perspective {
    /** Daily operations: customers, tags, orders, groups. */
    OPERATIONS,
    /** Reports and charts. */
    ANALYTICS,
    /** Plugins, configuration, events, logs. */
    DEVELOPER
}
