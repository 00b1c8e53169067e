package org.siyu.shell.internal.builtin;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.siyu.api.ui.ViewContext;
import org.siyu.shell.backend.PluginException;
import org.siyu.shell.backend.PluginInfo;
import org.siyu.shell.backend.ShellBackend;
import org.siyu.shell.internal.Access;
import org.siyu.shell.internal.Messages;
import org.siyu.shell.internal.Ui;

/**
 * Plugins: the bundles in the framework ({@code plugin-grid}), a jar upload that installs ({@code plugin-upload},
 * admins only), and Start/Stop/Uninstall per non-core bundle ({@code start-/stop-/uninstall-<symbolicName>}).
 * The outcome of the last action is in {@code plugin-result}. The grid follows the registry live.
 */
final class PluginsView extends VerticalLayout {

    private final ShellBackend backend;
    private final ViewContext ctx;
    private final Messages m;
    private Grid<PluginInfo> grid;
    private List<Long> shownIds = List.of();
    private final Div result = new Div();
    private Runnable subscription;
    private volatile UI ui;

    PluginsView(ShellBackend backend, ViewContext ctx) {
        this.backend = backend;
        this.ctx = ctx;
        this.m = Messages.of(ctx.locale());
        setId("plugins-view");
        setSizeFull();
        result.setId("plugin-result");
        Button refresh = new Button(m.t("plugins.refresh"), e -> refresh());
        refresh.setId("plugin-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout();
        bar.setWidthFull();
        bar.setAlignItems(Alignment.CENTER);
        if (manager()) {
            bar.add(upload());
        }
        bar.add(refresh);
        grid = newGrid();
        add(bar, result, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private Grid<PluginInfo> newGrid() {
        Grid<PluginInfo> g = new Grid<>();
        g.setId("plugin-grid");
        g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        g.addColumn(PluginInfo::id).setHeader(m.t("plugins.col.id")).setAutoWidth(true).setFlexGrow(0);
        g.addColumn(PluginInfo::name).setHeader(m.t("plugins.col.name")).setAutoWidth(true);
        g.addColumn(PluginInfo::symbolicName).setHeader(m.t("plugins.col.symbolicName")).setAutoWidth(true);
        g.addColumn(PluginInfo::version).setHeader(m.t("plugins.col.version")).setAutoWidth(true);
        g.addColumn(PluginInfo::state).setHeader(m.t("plugins.col.state")).setAutoWidth(true);
        g.addColumn(p -> String.join(", ", p.contributions() == null ? List.of() : p.contributions()))
                .setHeader(m.t("plugins.col.contributions")).setFlexGrow(1);
        if (manager()) {
            g.addComponentColumn(this::actions).setHeader(m.t("plugins.col.actions")).setAutoWidth(true)
                    .setFlexGrow(0).setFrozenToEnd(true);
        }
        return g;
    }

    private boolean manager() {
        return ctx.user().isPermitted(Access.PLUGINS_MANAGE);
    }

    private Upload upload() {
        String actor = ctx.user().username();
        Upload upload = new Upload();
        upload.setId("plugin-upload");
        upload.setAcceptedFileTypes(".jar", "application/java-archive");
        upload.setMaxFiles(1);
        upload.setDropLabel(new Span(m.t("plugins.upload.drop")));
        upload.setUploadButton(new Button(m.t("plugins.upload")));
        upload.setUploadHandler(UploadHandler.inMemory((meta, bytes) -> {
            String outcome;
            boolean ok;
            if (!ctx.user().isPermitted(Access.PLUGINS_MANAGE)) {
                outcome = m.t("error.denied");
                ok = false;
            } else {
                try {
                    PluginInfo info = backend.plugins().install(meta.fileName(), new ByteArrayInputStream(bytes), actor);
                    outcome = m.t("plugins.installed", info.symbolicName(), info.version());
                    ok = true;
                } catch (PluginException e) {
                    outcome = m.t("plugins.install.failed", meta.fileName(), e.detail());
                    ok = false;
                } catch (RuntimeException e) {
                    outcome = m.t("plugins.install.failed", meta.fileName(), Ui.describe(e));
                    ok = false;
                }
            }
            String text = outcome;
            boolean success = ok;
            Ui.access(ui, () -> {
                show(text, success);
                upload.clearFileList();
                refresh();
            });
        }));
        return upload;
    }

    private Component actions(PluginInfo p) {
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(false);
        if (p.core()) {
            return row;
        }
        String sn = p.symbolicName();
        if ("ACTIVE".equals(p.state())) {
            row.add(button("stop-", sn, m.t("plugins.stop"), () -> act(sn, "plugins.stopped", Op.STOP)));
        } else {
            row.add(button("start-", sn, m.t("plugins.start"), () -> act(sn, "plugins.started", Op.START)));
        }
        Button uninstall = button("uninstall-", sn, m.t("plugins.uninstall"), () -> confirmUninstall(sn));
        uninstall.addThemeVariants(ButtonVariant.LUMO_ERROR);
        row.add(uninstall);
        return row;
    }

    private Button button(String prefix, String sn, String label, Runnable action) {
        Button b = new Button(label, e -> action.run());
        b.setId(Ui.id(prefix, sn));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return b;
    }

    private void confirmUninstall(String sn) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-uninstall");
        dialog.setHeader(m.t("plugins.uninstall.confirm.title", sn));
        dialog.setText(m.t("plugins.uninstall.confirm.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(m.t("common.cancel"));
        Button ok = new Button(m.t("plugins.uninstall"), e -> {
            dialog.close();
            act(sn, "plugins.uninstalled", Op.UNINSTALL);
        });
        ok.setId("confirm-uninstall-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.setConfirmButton(ok);
        dialog.open();
    }

    private enum Op { START, STOP, UNINSTALL }

    private void act(String sn, String successKey, Op op) {
        if (!ctx.user().isPermitted(Access.PLUGINS_MANAGE)) {
            show(m.t("error.denied"), false);
            return;
        }
        String actor = ctx.user().username();
        try {
            switch (op) {
                case START -> backend.plugins().start(sn, actor);
                case STOP -> backend.plugins().stop(sn, actor);
                case UNINSTALL -> backend.plugins().uninstall(sn, actor);
            }
            show(m.t(successKey, sn), true);
        } catch (PluginException e) {
            show(e.detail(), false);
        } catch (RuntimeException e) {
            show(Ui.describe(e), false);
        }
        refresh();
    }

    private void show(String text, boolean ok) {
        result.setText(text);
        result.getElement().setAttribute("data-outcome", ok ? "success" : "error");
        result.getStyle().set("color", ok ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)")
                .set("white-space", "pre-wrap");
        if (ok) {
            Ui.success(text);
        } else {
            Ui.error(text);
        }
    }

    /**
     * Shows the current list. When bundles went away the grid is replaced: a grid keeps the components of
     * removed rows in hidden rows of the page, and a browser test must not find a departed bundle's buttons.
     */
    private void refresh() {
        try {
            List<PluginInfo> plugins = backend.plugins().list();
            List<Long> ids = plugins.stream().map(PluginInfo::id).toList();
            if (!ids.containsAll(shownIds)) {
                Grid<PluginInfo> fresh = newGrid();
                replace(grid, fresh);
                setFlexGrow(1, fresh);
                grid = fresh;
            }
            shownIds = ids;
            grid.setItems(plugins);
        } catch (RuntimeException e) {
            show(Ui.describe(e), false);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        ui = event.getUI();
        UI attached = ui;
        subscription = backend.contributions().subscribe(change -> Ui.access(attached, this::refresh));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.run();
            subscription = null;
        }
        super.onDetach(event);
    }
}
