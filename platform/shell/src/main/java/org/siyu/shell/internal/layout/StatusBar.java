package org.siyu.shell.internal.layout;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.siyu.api.ui.Perspective;
import org.siyu.shell.backend.Authenticator.Account;
import org.siyu.shell.internal.Messages;

/** The line at the bottom: version, user and role, perspective, and (for who may see them) the running jobs. */
final class StatusBar extends HorizontalLayout {

    private final Span perspective = new Span();
    private final Messages m;

    StatusBar(Messages m, String version, Account account, Perspective current) {
        this.m = m;
        setId("status-bar");
        setWidthFull();
        setPadding(false);
        getStyle().set("padding", "2px var(--lumo-space-m)").set("font-size", "var(--lumo-font-size-xs)")
                .set("color", "var(--lumo-secondary-text-color)").set("border-top", "1px solid var(--lumo-contrast-10pct)");
        Span v = new Span(m.t("status.version", version));
        v.setId("status-version");
        Span user = new Span(m.t("status.user", account.username(), m.t("role." + account.role().name())));
        user.setId("status-user");
        perspective.setId("status-perspective");
        perspective(current);
        add(v, user, perspective);
    }

    void showJobs(JobIndicator jobs) {
        add(jobs);
    }

    void perspective(Perspective p) {
        perspective.setText(m.t("perspective." + p.name()));
    }
}
