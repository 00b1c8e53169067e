package org.siyu.api.persistence;

/** A failure of a transaction: the whole transaction was rolled back. */
public class PersistenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
