package org.siyu.bench;

/** Siyu and a peer gave different answers on the same data: the run fails, no figure is reported. */
public final class Mismatch extends RuntimeException {

    public Mismatch(String message) {
        super(message);
    }
}
