package org.siyu.shell.backend;

/**
 * A plugin operation that was refused. {@link #error()} is a short code-like summary, {@link #detail()} says in
 * plain words what is wrong; {@link #status()} is the HTTP status the REST API answers with.
 */
public class PluginException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final int status;

    public PluginException(int status, String error, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.error = error;
    }

    public PluginException(int status, String error, String detail) {
        this(status, error, detail, null);
    }

    public String error() {
        return error;
    }

    public String detail() {
        return getMessage();
    }

    public int status() {
        return status;
    }
}
