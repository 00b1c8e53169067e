package org.siyu.kernel.identity.internal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.siyu.api.security.Role;
import org.siyu.api.security.User;
import org.siyu.api.ui.Selection;
import org.siyu.api.ui.ViewContext;
import org.siyu.kernel.identity.internal.IdentityPermissions;

/** A session as the shell gives it: records what the view asked for. */
final class FakeContext implements ViewContext {

    final List<String> opened = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    Selection selected;
    private final Locale locale;
    private final String username;
    private final Role role;

    FakeContext(Locale locale, String username, Role role) {
        this.locale = locale;
        this.username = username;
        this.role = role;
    }

    @Override
    public User user() {
        return new User() {
            @Override
            public String username() {
                return username;
            }

            @Override
            public Role role() {
                return role;
            }

            @Override
            public boolean isPermitted(String permission) {
                return permission == null || permission.equals(IdentityPermissions.VIEW)
                        || (permission.equals(IdentityPermissions.EDIT) && role.includes(Role.OPERATOR));
            }
        };
    }

    @Override
    public Locale locale() {
        return locale;
    }

    @Override
    public void openEditor(String type, String recordId) {
        opened.add(type + ":" + recordId);
    }

    @Override
    public void openView(String viewId) {
        opened.add("view:" + viewId);
    }

    @Override
    public void select(Selection selection) {
        selected = selection;
    }

    @Override
    public void notify(String message) {
        notes.add(message);
    }

    @Override
    public void log(String line) {
    }
}
