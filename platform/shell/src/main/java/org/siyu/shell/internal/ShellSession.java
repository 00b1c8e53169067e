package org.siyu.shell.internal;

import com.vaadin.flow.server.VaadinSession;
import java.io.Serializable;
import java.util.Locale;
import org.siyu.api.ui.Perspective;
import org.siyu.shell.backend.Authenticator.Account;

/** What the shell keeps per browser session: the account, language, perspective and theme. */
public final class ShellSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient Account account;
    private Locale locale;
    private Perspective perspective = Perspective.OPERATIONS;
    private boolean dark;
    private String afterLogin;

    /** The state of the current session, created on first use (with the browser's language). */
    public static ShellSession current() {
        return of(VaadinSession.getCurrent());
    }

    public static ShellSession of(VaadinSession session) {
        ShellSession state = session.getAttribute(ShellSession.class);
        if (state == null) {
            state = new ShellSession();
            Locale browser = session.getBrowser() == null ? null : session.getBrowser().getLocale();
            state.locale = Messages.supported(browser);
            session.setAttribute(ShellSession.class, state);
        }
        return state;
    }

    public Account account() {
        return account;
    }

    public void signIn(Account account) {
        this.account = account;
    }

    public boolean signedIn() {
        return account != null;
    }

    public Locale locale() {
        return locale == null ? Messages.EN : locale;
    }

    public void locale(Locale locale) {
        this.locale = Messages.supported(locale);
    }

    public Perspective perspective() {
        return perspective;
    }

    public void perspective(Perspective perspective) {
        this.perspective = perspective;
    }

    public boolean dark() {
        return dark;
    }

    public void dark(boolean dark) {
        this.dark = dark;
    }

    /** Where to go after signing in (the location that sent the user to the login page), or {@code null}. */
    public String afterLogin() {
        return afterLogin;
    }

    public void afterLogin(String location) {
        this.afterLogin = location;
    }
}
