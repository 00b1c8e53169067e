package org.siyu.launcher.internal.rest;

import jakarta.servlet.http.HttpServletRequest;
import org.siyu.api.security.Role;

/** Authenticates a request's bearer token and checks that its role holds {@code least}. */
@FunctionalInterface
interface Auth {
    ApiUser require(HttpServletRequest req, Role least) throws ApiError;
}
