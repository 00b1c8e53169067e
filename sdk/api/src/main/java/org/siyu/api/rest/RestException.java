package org.siyu.api.rest;

/**
 * A refusal with an HTTP status and the common error body {@code {"error": error, "detail": detail}}. The detail
 * says what is wrong in plain words and names the field where there is one.
 */
public class RestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    public RestException(int status, String error, String detail) {
        super(detail);
        this.status = status;
        this.error = error;
    }

    public static RestException badRequest(String detail) {
        return new RestException(400, "bad request", detail);
    }

    public static RestException forbidden(String detail) {
        return new RestException(403, "forbidden", detail);
    }

    public static RestException notFound(String detail) {
        return new RestException(404, "not found", detail);
    }

    public static RestException conflict(String detail) {
        return new RestException(409, "conflict", detail);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String detail() {
        return getMessage();
    }
}
