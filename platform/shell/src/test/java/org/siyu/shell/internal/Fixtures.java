package org.siyu.shell.internal;

import com.vaadin.flow.component.Component;
import java.util.List;
import org.siyu.api.i18n.Text;
import org.siyu.api.security.Permission;
import org.siyu.api.security.PermissionProvider;
import org.siyu.api.security.Role;
import org.siyu.api.ui.CommandContribution;
import org.siyu.api.ui.Perspective;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;
import org.siyu.shell.backend.ContributionRegistry;

/** Small contributions for tests; none of them is ever rendered. */
public final class Fixtures {

    private Fixtures() {
    }

    public static ViewContribution view(String id, String en, String zh, String group, Perspective p, String permission) {
        return new ViewContribution() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Text title() {
                return Text.of(en, zh);
            }

            @Override
            public Text group() {
                return Text.of(group);
            }

            @Override
            public Perspective perspective() {
                return p;
            }

            @Override
            public String permission() {
                return permission;
            }

            @Override
            public Component createView(ViewContext context) {
                throw new UnsupportedOperationException();
            }
        };
    }

    public static ViewContribution brokenView() {
        return new ViewContribution() {
            @Override
            public String id() {
                throw new IllegalStateException("broken");
            }

            @Override
            public Text title() {
                return Text.of("Broken");
            }

            @Override
            public Text group() {
                return Text.of("X");
            }

            @Override
            public Component createView(ViewContext context) {
                throw new UnsupportedOperationException();
            }
        };
    }

    public static CommandContribution command(String id, String en, String permission) {
        return new CommandContribution() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Text title() {
                return Text.of(en);
            }

            @Override
            public String permission() {
                return permission;
            }

            @Override
            public void execute(ViewContext context, String argument) {
            }
        };
    }

    /** A registry with notes views/commands; {@code notes.edit} is declared for operators. */
    public static ContributionRegistry notesRegistry() {
        ContributionRegistry r = new ContributionRegistry();
        PermissionProvider perms = () -> List.of(
                new Permission("notes.edit", Text.of("Edit notes"), Role.OPERATOR),
                new Permission("notes.read", Text.of("Read notes"), Role.VIEWER));
        r.add(PermissionProvider.class, 1, "org.siyu.notes", perms);
        r.add(ViewContribution.class, 2, "org.siyu.notes",
                view("notes.list", "Notes", "笔记", "Notes", Perspective.OPERATIONS, "notes.read"));
        r.add(ViewContribution.class, 3, "org.siyu.notes",
                view("notes.stats", "Note statistics", "笔记统计", "Notes", Perspective.ANALYTICS, null));
        r.add(ViewContribution.class, 4, "org.siyu.notes",
                view("notes.secret", "Secret notes", null, "Notes", Perspective.OPERATIONS, "notes.undeclared"));
        r.add(ViewContribution.class, 5, "org.siyu.broken", brokenView());
        r.add(CommandContribution.class, 6, "org.siyu.notes", command("notes.new", "New note", "notes.edit"));
        r.add(CommandContribution.class, 7, "org.siyu.notes", command("notes.reindex", "Reindex notes", "notes.undeclared"));
        return r;
    }
}
