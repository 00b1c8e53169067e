package org.siyu.shell.internal.layout;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.theme.lumo.Lumo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.siyu.api.ui.Perspective;
import org.siyu.api.ui.Selection;
import org.siyu.shell.backend.Authenticator.Account;
import org.siyu.shell.backend.ContributionRegistry.Change;
import org.siyu.shell.backend.ShellBackend;
import org.siyu.shell.internal.Access;
import org.siyu.shell.internal.Backends;
import org.siyu.shell.internal.Catalog;
import org.siyu.shell.internal.Messages;
import org.siyu.shell.internal.ShellSession;
import org.siyu.shell.internal.Ui;
import org.siyu.shell.internal.builtin.BuiltInViews;
import org.siyu.shell.internal.context.ShellUser;
import org.siyu.shell.internal.context.ShellViewContext;
import org.siyu.shell.internal.palette.CommandPalette;
import org.siyu.shell.internal.palette.PaletteEntry;
import org.siyu.shell.internal.palette.PaletteModel;
import org.siyu.shell.internal.search.SearchBox;

/**
 * The IDE layout of one browser tab: top bar; navigator | tabs | inspector; console; status bar. It follows
 * the registry and the console feed while attached, and unsubscribes on detach so nothing of a departing
 * plugin stays referenced. What the user does goes through {@link Actions}, which checks permissions.
 */
public class Workbench extends VerticalLayout implements TopBar.Actions {

    private final ShellSession state;
    private final ShellBackend backend;
    private final Account account;
    private final Messages m;
    private final List<Runnable> subscriptions = new ArrayList<>();
    private Catalog catalog;
    private ShellViewContext context;
    private Navigator navigator;
    private EditorTabs tabs;
    private Inspector inspector;
    private ConsolePanel console;
    private CommandPalette palette;
    private StatusBar status;
    private JobIndicator jobIndicator;
    private Actions actions;
    private UI ui;
    private String openOnAttach;

    public Workbench() {
        this.state = ShellSession.current();
        this.backend = Backends.current().orElse(null);
        this.account = state.account();
        this.m = Messages.of(state.locale());
        setId("workbench");
        setSizeFull();
        setPadding(false);
        setSpacing(false);
        getStyle().set("background", "var(--lumo-base-color)").set("color", "var(--lumo-body-text-color)");
        if (backend == null) {
            add(Ui.errorPanel(m.t("login.nobackend")));
            return;
        }
        if (account == null) {
            return; // the access check sends the browser to the login page
        }
        build();
    }

    private void build() {
        catalog = new Catalog(backend.contributions(), () -> BuiltInViews.entries(backend));
        context = new ShellViewContext(this, new ShellUser(account, catalog.access()), m.locale());
        actions = new Actions(this, catalog, backend, account, m);
        tabs = new EditorTabs(m);
        navigator = new Navigator(m, v -> openView(v.id()));
        inspector = new Inspector(m, () -> backend.contributions().inspectorSections(), context);
        console = new ConsolePanel(m, line -> actions.runCommandLine(line));
        palette = new CommandPalette(m, () -> PaletteModel.entries(catalog, account.role(), m.locale()),
                actions::searchRecords, this::runPaletteEntry);
        SearchBox search = new SearchBox(m, q -> actions.search(q), actions::open);
        status = new StatusBar(m, backend.version(), account, state.perspective());
        if (catalog.access().isPermitted(account.role(), Access.JOBS_VIEW)) {
            jobIndicator = new JobIndicator(m, () -> openView(BuiltInViews.JOBS));
            status.showJobs(jobIndicator);
        }

        SplitLayout right = new SplitLayout(tabs, inspector);
        right.setSplitterPosition(78);
        right.setSizeFull();
        right.setId("split-centre");
        SplitLayout main = new SplitLayout(navigator, right);
        main.setSplitterPosition(18);
        main.setSizeFull();
        main.setId("split-main");
        SplitLayout vertical = new SplitLayout(main, console, SplitLayout.Orientation.VERTICAL);
        vertical.setSplitterPosition(75);
        vertical.setSizeFull();
        vertical.setId("split-console");

        add(new TopBar(m, account, state.perspective(), state.dark(), search, this), vertical, status);
        setFlexGrow(1, vertical);
        refreshNavigator();
    }

    /** The view to open once attached (the {@code /view/<id>} route). */
    protected void openOnAttach(String viewId) {
        this.openOnAttach = viewId;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        ui = event.getUI();
        ui.getElement().getThemeList().set(Lumo.DARK, state.dark());
        if (catalog == null) {
            return;
        }
        subscriptions.add(backend.contributions().subscribe(this::onChange));
        backend.console().recent().forEach(console::append);
        subscriptions.add(backend.console().subscribe(line -> Ui.access(ui, () -> console.append(line))));
        var ctrlK = ui.addShortcutListener(palette::openFresh, Key.KEY_K, KeyModifier.CONTROL);
        var metaK = ui.addShortcutListener(palette::openFresh, Key.KEY_K, KeyModifier.META);
        subscriptions.add(ctrlK::remove);
        subscriptions.add(metaK::remove);
        if (jobIndicator != null) {
            UI attached = ui;
            subscriptions.add(backend.jobs().subscribe(job -> Ui.access(attached, () -> jobIndicator.update(job))));
            jobIndicator.reset(backend.jobs().active());
        }
        refreshNavigator();
        palette.refresh();
        if (openOnAttach != null) {
            openView(openOnAttach);
            openOnAttach = null;
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        subscriptions.forEach(Runnable::run);
        subscriptions.clear();
        super.onDetach(event);
    }

    private void onChange(Change change) {
        Ui.access(ui, () -> {
            refreshNavigator();
            palette.refresh();
            if (!change.added()) {
                Object gone = change.contribution().service();
                int closed = tabs.closeOwnedBy(owner -> owner == gone);
                if (closed > 0) {
                    console.appendSession(m.t("error.removed") + " (" + change.contribution().bundle() + ")");
                }
            }
            inspector.render();
        });
    }

    private void refreshNavigator() {
        navigator.show(catalog.navigator(account.role(), state.perspective(), m.locale()));
    }

    private void runPaletteEntry(PaletteEntry entry) {
        if (entry.kind() == PaletteEntry.Kind.VIEW) {
            openView(entry.id());
        } else if (entry.kind() == PaletteEntry.Kind.RECORD) {
            int colon = entry.id().indexOf(':');
            openEditor(entry.id().substring(0, colon), entry.id().substring(colon + 1));
        } else {
            actions.runCommand(entry.id(), "");
        }
    }

    /** Runs {@code task} in this shell's UI, from any thread. */
    public void inUi(Runnable task) {
        UI target = ui != null ? ui : UI.getCurrent();
        Ui.access(target, task);
    }

    public void openView(String viewId) {
        actions.openView(viewId);
    }

    public void openEditor(String type, String recordId) {
        actions.openEditor(type, recordId);
    }

    public void select(Selection selection) {
        inspector.show(selection);
    }

    public ConsolePanel console() {
        return console;
    }

    EditorTabs tabs() {
        return tabs;
    }

    ShellViewContext context() {
        return context;
    }

    @Override
    public void openPalette() {
        palette.openFresh();
    }

    @Override
    public void perspective(Perspective perspective) {
        state.perspective(perspective);
        status.perspective(perspective);
        refreshNavigator();
    }

    @Override
    public void language(Locale locale) {
        state.locale(locale);
        ui.getPage().reload();
    }

    @Override
    public void toggleTheme() {
        state.dark(!state.dark());
        ui.getElement().getThemeList().set(Lumo.DARK, state.dark());
        getChildren().filter(TopBar.class::isInstance).map(TopBar.class::cast)
                .forEach(bar -> bar.showTheme(state.dark()));
    }

    @Override
    public void logout() {
        try {
            backend.audit().record(account.username(), "logout", account.username(), null, null);
        } catch (RuntimeException e) {
            // auditing a logout is best effort
        }
        state.signIn(null);
        ui.getPage().setLocation("login");
        VaadinSession.getCurrent().getSession().invalidate();
    }
}
