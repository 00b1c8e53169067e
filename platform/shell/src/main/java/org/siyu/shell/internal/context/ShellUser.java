package org.siyu.shell.internal.context;

import org.siyu.api.security.Role;
import org.siyu.api.security.User;
import org.siyu.shell.backend.Authenticator.Account;
import org.siyu.shell.internal.Access;

/** The signed-in account as contributions see it. */
public record ShellUser(Account account, Access access) implements User {

    @Override
    public String username() {
        return account.username();
    }

    @Override
    public Role role() {
        return account.role();
    }

    @Override
    public boolean isPermitted(String permission) {
        return access.isPermitted(account.role(), permission);
    }
}
