package org.siyu.kernel.tagging.internal.ui;

import com.vaadin.flow.component.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.security.User;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;
import org.siyu.kernel.tagging.internal.Tagging;
import org.siyu.kernel.tagging.internal.TaggingPermissions;
import org.siyu.kernel.tagging.internal.scope.Scopes;
import org.siyu.kernel.tagging.internal.system.SystemTags;

/**
 * The navigator node "Customers › Tags" (客户 › 标签): every tag with its group, kind and how many customers have it;
 * create tags, set titles, recompute the system tags. Counts are of the user's data scope.
 */
@org.osgi.service.component.annotations.Component
public class TagsView implements ViewContribution {

    /** The navigator group shared with the other customer views. */
    static final Text GROUP = Text.of("Customers", "客户");

    private final Tagging tagging;
    private final SystemTags systemTags;
    private final Scopes scopes;

    @Activate
    public TagsView(@Reference Tagging tagging, @Reference SystemTags systemTags, @Reference Scopes scopes) {
        this.tagging = tagging;
        this.systemTags = systemTags;
        this.scopes = scopes;
    }

    @Override
    public String id() {
        return "tagging.tags";
    }

    @Override
    public Text title() {
        return Text.of("Tags", "标签");
    }

    @Override
    public Text group() {
        return GROUP;
    }

    @Override
    public String icon() {
        return "TAGS";
    }

    @Override
    public String permission() {
        return TaggingPermissions.VIEW;
    }

    @Override
    public Component createView(ViewContext context) {
        User user = context.user();
        return new TagsPanel(tagging, systemTags, () -> scopes.of(user), user, context.locale(), context::notify);
    }
}
