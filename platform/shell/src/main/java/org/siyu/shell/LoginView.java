package org.siyu.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.Optional;
import org.siyu.shell.backend.Authenticator.Account;
import org.siyu.shell.backend.ShellBackend;
import org.siyu.shell.internal.Backends;
import org.siyu.shell.internal.Messages;
import org.siyu.shell.internal.ShellSession;
import org.siyu.shell.internal.Ui;

/** Sign-in ({@code login-form}, language {@code login-language}); a wrong password shows the form's error. */
@Route("login")
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;

    private final ShellSession state = ShellSession.current();

    public LoginView() {
        Messages m = Messages.of(state.locale());
        setId("login-view");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        getStyle().set("background", "var(--lumo-contrast-5pct)");

        Optional<ShellBackend> backend = Backends.current();
        LoginForm form = new LoginForm(i18n(m));
        form.setId("login-form");
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(e -> {
            if (backend.isEmpty()) {
                form.setError(true);
                return;
            }
            String address = VaadinSession.getCurrent().getBrowser().getAddress();
            Optional<Account> account = backend.get().authenticator().authenticate(e.getUsername(), e.getPassword(),
                    address);
            if (account.isEmpty()) {
                form.setError(true);
                return;
            }
            state.signIn(account.get());
            String target = state.afterLogin();
            state.afterLogin(null);
            getUI().ifPresent(ui -> ui.navigate(target == null || target.startsWith("login") ? "" : target));
        });

        Select<Locale> language = new Select<>();
        language.setId("login-language");
        language.setItems(Messages.ZH, Messages.EN);
        language.setItemLabelGenerator(l -> Messages.ZH.equals(l) ? "中文" : "English");
        language.setValue(m.locale());
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                state.locale(e.getValue());
                getUI().ifPresent(ui -> ui.getPage().reload());
            }
        });

        add(form, language);
        if (backend.isEmpty()) {
            Div missing = Ui.errorPanel(m.t("login.nobackend"));
            missing.setId("login-nobackend");
            add(missing);
        }
    }

    private static LoginI18n i18n(Messages m) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Header header = new LoginI18n.Header();
        header.setTitle(m.t("login.title"));
        header.setDescription(m.t("login.description"));
        i18n.setHeader(header);
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(m.t("login.form.title"));
        form.setUsername(m.t("login.username"));
        form.setPassword(m.t("login.password"));
        form.setSubmit(m.t("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(m.t("login.error.title"));
        error.setMessage(m.t("login.error.message"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (state.signedIn()) {
            event.forwardTo(MainView.class);
        }
    }
}
