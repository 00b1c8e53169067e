package org.siyu.shell.internal.layout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.siyu.api.search.SearchProvider;
import org.siyu.api.ui.EditorContribution;
import org.siyu.shell.backend.Authenticator.Account;
import org.siyu.shell.backend.ContributionRegistry.Contributed;
import org.siyu.shell.backend.ShellBackend;
import org.siyu.shell.internal.Catalog;
import org.siyu.shell.internal.CommandEntry;
import org.siyu.shell.internal.Messages;
import org.siyu.shell.internal.Ui;
import org.siyu.shell.internal.ViewEntry;
import org.siyu.shell.internal.palette.PaletteModel.CommandLine;
import org.siyu.shell.internal.search.GlobalSearch;
import org.siyu.shell.internal.search.SearchResult;

/**
 * What a user can ask the shell to do, with the server-side checks: every view, editor and command is
 * looked up again and its permission checked before anything runs, whatever the browser sent. Failures
 * of plugin code are caught and shown, naming the contribution.
 */
final class Actions {

    private static final GlobalSearch SEARCH = new GlobalSearch(Duration.ofMillis(400));

    private final Workbench workbench;
    private final Catalog catalog;
    private final ShellBackend backend;
    private final Account account;
    private final Messages m;

    Actions(Workbench workbench, Catalog catalog, ShellBackend backend, Account account, Messages m) {
        this.workbench = workbench;
        this.catalog = catalog;
        this.backend = backend;
        this.account = account;
        this.m = m;
    }

    private boolean permitted(String permission) {
        return catalog.access().isPermitted(account.role(), permission);
    }

    private void refuse(String what) {
        Ui.error(m.t("error.denied"));
        workbench.console().appendError(m.t("error.denied") + " (" + what + ")");
    }

    void openView(String viewId) {
        Optional<ViewEntry> found = catalog.view(viewId);
        if (found.isEmpty()) {
            Ui.error(m.t("error.noview", viewId));
            return;
        }
        ViewEntry v = found.get();
        if (!permitted(v.permission())) {
            refuse("view " + viewId);
            return;
        }
        workbench.tabs().open("view:" + v.id(), v.title().get(m.locale()), v.view(),
                () -> Ui.create(() -> v.view().createView(workbench.context()), m, "error.view", v.id(), v.bundle()));
    }

    void openEditor(String type, String recordId) {
        Contributed<EditorContribution> editor = null;
        for (Contributed<EditorContribution> c : backend.contributions().all(EditorContribution.class)) {
            try {
                if (type.equals(c.service().type())) {
                    editor = c;
                    break;
                }
            } catch (RuntimeException | LinkageError e) {
                // a broken editor cannot be the one
            }
        }
        if (editor == null) {
            Ui.error(m.t("error.noeditor", type));
            return;
        }
        EditorContribution e = editor.service();
        String bundle = editor.bundle();
        String permission;
        String title;
        try {
            permission = e.permission();
            title = e.title(recordId, m.locale());
        } catch (RuntimeException | LinkageError ex) {
            Ui.error(m.t("error.editor", type, bundle, Ui.describe(ex)));
            return;
        }
        if (!permitted(permission)) {
            refuse("editor " + type);
            return;
        }
        workbench.tabs().open("editor:" + type + ":" + recordId, title == null ? type + " " + recordId : title, e,
                () -> Ui.create(() -> {
                    try {
                        return e.createEditor(recordId, workbench.context());
                    } catch (NoSuchElementException none) {
                        return Ui.errorPanel(m.t("error.norecord", type + " " + recordId));
                    }
                }, m, "error.editor", type, bundle));
    }

    void runCommand(String id, String argument) {
        Optional<CommandEntry> found = catalog.command(id);
        if (found.isEmpty()) {
            Ui.error(m.t("error.nocommand", id));
            workbench.console().appendError(m.t("console.unknown", id));
            return;
        }
        CommandEntry c = found.get();
        if (!permitted(c.permission())) {
            refuse("command " + id);
            return;
        }
        try {
            c.command().execute(workbench.context(), argument == null ? "" : argument);
            workbench.console().appendSession(m.t("console.ran", id));
        } catch (Exception | LinkageError e) {
            String text = m.t("error.command", id + " (" + c.bundle() + ")", Ui.describe(e));
            Ui.error(text);
            workbench.console().appendError(text);
        }
    }

    void runCommandLine(String line) {
        CommandLine parsed = CommandLine.parse(line);
        if (parsed == null) {
            return;
        }
        if (parsed.id().equals("help")) {
            workbench.console().appendSession(m.t("console.help"));
            for (CommandEntry c : catalog.permittedCommands(account.role())) {
                workbench.console().appendSession("  " + c.id() + " — " + c.title().get(m.locale()));
            }
            return;
        }
        runCommand(parsed.id(), parsed.argument());
    }

    /** Views whose title matches, then the index's hits, then every provider's; without what the user may not open. */
    List<SearchResult> search(String query) {
        List<SearchProvider> providers = new ArrayList<>();
        providers.add(index());
        backend.contributions().searchProviders().forEach(c -> providers.add(c.service()));
        List<SearchResult> results = SEARCH.search(query, m.locale(), catalog.permittedViews(account.role()),
                providers, 8);
        Set<String> seen = new HashSet<>();
        return results.stream().filter(r -> r.isView() || editorPermitted(r.type()))
                .filter(r -> r.isView() || backend.search().visible(r.type(), r.id(), account.username()))
                .filter(r -> seen.add(r.key())).toList();
    }

    /** The records (not views) that {@link #search} finds, for the command palette. */
    List<SearchResult> searchRecords(String query) {
        return search(query).stream().filter(r -> !r.isView()).toList();
    }

    /** The host's index as one more provider: a failure or a slow index is skipped like any provider's. */
    private SearchProvider index() {
        return (q, limit, locale) -> backend.search().searchAs(account.username(), q, Set.of(), limit, locale);
    }

    private boolean editorPermitted(String type) {
        for (Contributed<EditorContribution> c : backend.contributions().all(EditorContribution.class)) {
            try {
                if (type.equals(c.service().type())) {
                    return permitted(c.service().permission());
                }
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }
        return true; // no editor: the hit stays, opening it says so
    }

    void open(SearchResult result) {
        if (result.isView()) {
            openView(result.viewId());
        } else {
            openEditor(result.type(), result.id());
        }
    }
}
