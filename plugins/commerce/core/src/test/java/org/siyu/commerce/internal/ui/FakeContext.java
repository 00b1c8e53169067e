package org.siyu.commerce.internal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.siyu.api.security.Role;
import org.siyu.api.security.User;
import org.siyu.api.ui.Selection;
import org.siyu.api.ui.ViewContext;

/** A session as the shell gives it to an admin: records what the view asked for. */
final class FakeContext implements ViewContext {

    final List<String> opened = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    Selection selected;
    private final Locale locale;

    FakeContext(Locale locale) {
        this.locale = locale;
    }

    @Override
    public User user() {
        return new User() {
            @Override
            public String username() {
                return "admin";
            }

            @Override
            public Role role() {
                return Role.ADMIN;
            }

            @Override
            public boolean isPermitted(String permission) {
                return true;
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
