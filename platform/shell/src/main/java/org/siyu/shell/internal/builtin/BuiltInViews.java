package org.siyu.shell.internal.builtin;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.function.Function;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.Perspective;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;
import org.siyu.shell.backend.ShellBackend;
import org.siyu.shell.internal.Access;
import org.siyu.shell.internal.Messages;
import org.siyu.shell.internal.ViewEntry;

/** The shell's own views in the Developer perspective, group "Platform / 平台". */
public final class BuiltInViews {

    public static final String PLUGINS = "platform.plugins";
    public static final String AUDIT = "platform.audit";
    public static final String CONFIG = "platform.config";
    public static final String JOBS = "platform.jobs";
    public static final String SEARCH = "platform.search";

    private BuiltInViews() {
    }

    public static List<ViewEntry> entries(ShellBackend backend) {
        return List.of(
                entry(PLUGINS, "plugins.title", "PLUG", Access.PLUGINS_VIEW, ctx -> new PluginsView(backend, ctx)),
                entry(AUDIT, "audit.title", "RECORDS", Access.AUDIT_VIEW, ctx -> new AuditView(backend, ctx)),
                entry(CONFIG, "config.title", "COG", Access.CONFIG_EDIT, ctx -> new ConfigurationView(backend, ctx)),
                entry(JOBS, "jobs.title", "TASKS", Access.JOBS_VIEW, ctx -> new JobsView(backend, ctx)),
                entry(SEARCH, "searchindex.title", "SEARCH", Access.SEARCH_VIEW, ctx -> new SearchIndexView(backend, ctx)));
    }

    private static ViewEntry entry(String id, String titleKey, String icon, String permission,
            Function<ViewContext, Component> factory) {
        ViewContribution view = new BuiltIn(id, Messages.text(titleKey), icon, permission, factory);
        return ViewEntry.of(view, ViewEntry.SHELL).orElseThrow();
    }

    private record BuiltIn(String id, Text title, String icon, String permission,
            Function<ViewContext, Component> factory) implements ViewContribution {

        @Override
        public Text group() {
            return Messages.text("platform.group");
        }

        @Override
        public Perspective perspective() {
            return Perspective.DEVELOPER;
        }

        @Override
        public Component createView(ViewContext context) {
            return factory.apply(context);
        }
    }
}
