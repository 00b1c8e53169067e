package org.siyu.kernel.imports.internal;

/** Where an import is; the same words as the host's job states. */
public enum ImportState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED,
    /** The node stopped while it ran: the rows counted as done are written, the rest are not. */
    INTERRUPTED;

    public boolean ended() {
        return this != QUEUED && this != RUNNING;
    }
}
