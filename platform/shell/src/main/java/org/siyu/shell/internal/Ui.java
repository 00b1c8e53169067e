package org.siyu.shell.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.VaadinSession;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small helpers: safe {@code ui.access}, calls into plugin code, error panels and notifications. */
public final class Ui {

    private static final Logger LOG = LoggerFactory.getLogger(Ui.class);

    private Ui() {
    }

    /**
     * Runs {@code task} in {@code ui}'s session: at once when this thread already holds the session's lock,
     * otherwise through {@code ui.access}. Does nothing for a detached or closing UI.
     */
    public static void access(UI ui, Runnable task) {
        if (ui == null || ui.isClosing()) {
            return;
        }
        VaadinSession session = ui.getSession();
        if (session == null) {
            return;
        }
        Runnable guarded = () -> {
            if (ui.isAttached() && !ui.isClosing()) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("UI task failed", e);
                }
            }
        };
        if (session.hasLock() && UI.getCurrent() == ui) {
            guarded.run();
            return;
        }
        try {
            ui.access(guarded::run);
        } catch (UIDetachedException | IllegalStateException e) {
            // the UI went away meanwhile
        }
    }

    /** Runs plugin code; a throwable becomes an error panel naming {@code what} (classes of the plugin are not kept). */
    public static Component create(Supplier<Component> factory, Messages m, String errorKey, Object... names) {
        try {
            Component c = factory.get();
            if (c == null) {
                throw new IllegalStateException("returned no component");
            }
            return c;
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("A contribution failed ({} {})", errorKey, java.util.Arrays.toString(names), e);
            Object[] args = java.util.Arrays.copyOf(names, names.length + 1);
            args[names.length] = describe(e);
            return errorPanel(m.t(errorKey, args));
        }
    }

    /** "NoSuchElementException: no note 7", without keeping the exception. */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    public static Div errorPanel(String text) {
        Div panel = new Div(new Span(text));
        panel.addClassName("siyu-error");
        panel.getStyle().set("color", "var(--lumo-error-text-color)")
                .set("background", "var(--lumo-error-color-10pct)")
                .set("padding", "var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("white-space", "pre-wrap");
        return panel;
    }

    public static void error(String text) {
        Notification n = new Notification(text, 6000, Notification.Position.BOTTOM_END);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.open();
    }

    public static void success(String text) {
        Notification n = new Notification(text, 3000, Notification.Position.BOTTOM_END);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        n.open();
    }

    public static void info(String text) {
        new Notification(text, 3000, Notification.Position.BOTTOM_END).open();
    }

    /** A DOM id made from free text: letters, digits, '-', '_', '.' and ':' stay, the rest becomes '-'. */
    public static String id(String prefix, String text) {
        return prefix + text.replaceAll("[^A-Za-z0-9_.:-]", "-");
    }
}
