package org.siyu.shell.internal.layout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.Locale;
import java.util.function.Consumer;
import org.siyu.api.ui.Perspective;
import org.siyu.shell.backend.Authenticator.Account;
import org.siyu.shell.internal.Messages;
import org.siyu.shell.internal.search.SearchBox;

/** Product name, global search, palette button, perspective, language, theme and the user menu. */
public final class TopBar extends HorizontalLayout {

    /** What the bar's controls do. */
    public interface Actions {
        void openPalette();

        void perspective(Perspective perspective);

        void language(Locale locale);

        void toggleTheme();

        void logout();
    }

    private final Button theme = new Button();
    private final Messages m;

    public TopBar(Messages m, Account account, Perspective perspective, boolean dark, SearchBox search,
            Actions actions) {
        this.m = m;
        setId("top-bar");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setPadding(true);
        getStyle().set("padding-block", "var(--lumo-space-xs)")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");

        Span product = new Span(m.t("app.product"));
        product.setId("product-name");
        product.getStyle().set("font-weight", "700").set("font-size", "var(--lumo-font-size-l)")
                .set("white-space", "nowrap").set("color", "var(--lumo-primary-text-color)");

        Button palette = new Button(m.t("top.palette"), VaadinIcon.TERMINAL.create(), e -> actions.openPalette());
        palette.setId("palette-button");
        palette.setTooltipText(m.t("top.palette.tooltip"));
        palette.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        Select<Perspective> perspectives = new Select<>();
        perspectives.setId("perspective-switch");
        perspectives.setAriaLabel(m.t("top.perspective"));
        perspectives.setItems(Perspective.values());
        perspectives.setItemLabelGenerator(p -> m.t("perspective." + p.name()));
        perspectives.setValue(perspective);
        perspectives.setWidth("9em");
        perspectives.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                actions.perspective(e.getValue());
            }
        });

        Select<Locale> language = new Select<>();
        language.setId("language-switch");
        language.setAriaLabel(m.t("top.language"));
        language.setItems(Messages.ZH, Messages.EN);
        language.setItemLabelGenerator(l -> Messages.ZH.equals(l) ? "中文" : "English");
        language.setValue(m.locale());
        language.setWidth("7.5em");
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                actions.language(e.getValue());
            }
        });

        theme.setId("theme-toggle");
        theme.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        theme.addClickListener(e -> actions.toggleTheme());
        showTheme(dark);

        MenuBar user = new MenuBar();
        user.setId("user-menu");
        user.addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        MenuItem root = user.addItem(VaadinIcon.USER.create());
        root.add(new Span(" " + account.username()));
        root.getSubMenu().addItem(new Span(m.t("role." + account.role().name()))).setEnabled(false);
        MenuItem logout = root.getSubMenu().addItem(m.t("top.logout"), e -> actions.logout());
        logout.setId("logout");

        Span spacer = new Span();
        add(product, search, palette, spacer, perspectives, language, theme, user);
        setFlexGrow(1, spacer);
    }

    /** Shows the icon of the theme a click switches to. */
    public void showTheme(boolean dark) {
        theme.setIcon(dark ? VaadinIcon.SUN_O.create() : VaadinIcon.MOON_O.create());
        String label = dark ? m.t("top.theme.light") : m.t("top.theme.dark");
        theme.setAriaLabel(label);
        theme.setTooltipText(label);
    }
}
