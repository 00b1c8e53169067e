package org.siyu.launcher.internal.rest;

/**
 * A refused request: HTTP {@code status} with JSON {@code {"error":…,"detail":…}}. {@code error} is a short
 * summary, {@code detail} says what is wrong in plain words, naming the field where there is one.
 */
final class ApiError extends Exception {

    private static final long serialVersionUID = 1L;

    final int status;
    final String error;

    ApiError(int status, String error, String detail) {
        super(detail);
        this.status = status;
        this.error = error;
    }

    static ApiError badRequest(String detail) {
        return new ApiError(400, "bad request", detail);
    }

    static ApiError unauthorized(String detail) {
        return new ApiError(401, "unauthorized", detail);
    }

    static ApiError forbidden(String detail) {
        return new ApiError(403, "forbidden", detail);
    }

    static ApiError notFound(String detail) {
        return new ApiError(404, "not found", detail);
    }
}
