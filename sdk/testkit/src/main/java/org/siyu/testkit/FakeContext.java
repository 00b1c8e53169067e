package org.siyu.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.siyu.api.security.Role;
import org.siyu.api.security.User;
import org.siyu.api.ui.Selection;
import org.siyu.api.ui.ViewContext;

/**
 * A session as the shell hands it to a view: records what the view asked of it (editors and views opened, the
 * selection, notifications) so a test can assert on them. The user is {@code admin} with {@link Role#ADMIN} and
 * every permission unless {@link #as} and {@link #permitting} say otherwise. One test, one thread.
 */
public final class FakeContext implements ViewContext {

    private final List<String> opened = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Locale locale;
    private Selection selected;
    private String username = "admin";
    private Role role = Role.ADMIN;
    private Predicate<String> permitted = permission -> true;

    public FakeContext(Locale locale) {
        this.locale = locale;
    }

    /** Makes the user {@code username} with {@code role}. */
    public FakeContext as(String username, Role role) {
        this.username = username;
        this.role = role;
        return this;
    }

    /** Which permissions the user holds ({@code null}, "any signed-in user", is always granted). */
    public FakeContext permitting(Predicate<String> permitted) {
        this.permitted = permitted;
        return this;
    }

    /** {@code type:recordId} for each editor opened, {@code view:viewId} for each view, in order. */
    public List<String> opened() {
        return opened;
    }

    /** Every notification shown, in order. */
    public List<String> notes() {
        return notes;
    }

    /** What the view last selected, or {@code null}. */
    public Selection selected() {
        return selected;
    }

    @Override
    public User user() {
        return new TestUser(username, role, permitted);
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
