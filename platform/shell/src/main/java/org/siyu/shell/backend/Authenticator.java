package org.siyu.shell.backend;

import java.util.Optional;
import org.siyu.api.security.Role;

/** Checks credentials of admin accounts. Every attempt is audited by the implementation. */
public interface Authenticator {

    /**
     * The account if {@code password} is right for {@code username}, empty otherwise (no hint which of the
     * two was wrong).
     */
    Optional<Account> authenticate(String username, String password, String remoteAddress);

    /** An authenticated account. */
    record Account(String username, Role role) {
    }
}
