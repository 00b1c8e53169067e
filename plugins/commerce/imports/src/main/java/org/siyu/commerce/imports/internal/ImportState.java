package org.siyu.commerce.imports.internal;

/** Where an import is. */
public enum ImportState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED,
    /** The node stopped while it ran. */
    INTERRUPTED;

    public boolean ended() {
        return this != QUEUED && this != RUNNING;
    }
}
