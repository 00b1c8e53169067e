package org.siyu.support.csv;

/** The file as a whole cannot be read: empty, no header, a quote that is never closed, an unreadable stream. */
public class CsvFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public CsvFileException(String message) {
        super(message);
    }

    public CsvFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
