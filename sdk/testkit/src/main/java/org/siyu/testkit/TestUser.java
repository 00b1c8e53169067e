package org.siyu.testkit;

import java.util.function.Predicate;
import org.siyu.api.security.Role;
import org.siyu.api.security.User;

/** The signed-in user of the fakes: fixed when handed out, so a later {@code as(...)} does not change it. */
record TestUser(String username, Role role, Predicate<String> permitted) implements User {

    /** {@code null}, "any signed-in user", is always granted. */
    @Override
    public boolean isPermitted(String permission) {
        return permission == null || permitted.test(permission);
    }
}
