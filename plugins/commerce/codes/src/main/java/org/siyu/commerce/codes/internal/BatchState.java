package org.siyu.commerce.codes.internal;

/** Where a batch's generation is. */
public enum BatchState {
    /** Its job is making the codes. */
    GENERATING,
    /** Every code exists. */
    READY,
    FAILED,
    CANCELLED,
    /** The node stopped while it generated; {@link CodeService#resume} makes the rest. */
    INTERRUPTED;

    public boolean ended() {
        return this != GENERATING;
    }
}
