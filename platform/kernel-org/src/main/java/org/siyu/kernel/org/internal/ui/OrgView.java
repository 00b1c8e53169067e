package org.siyu.kernel.org.internal.ui;

import com.vaadin.flow.component.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.Perspective;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;
import org.siyu.kernel.org.internal.Org;
import org.siyu.kernel.org.internal.OrgPermissions;

/**
 * The navigator node "Organisation › Org units &amp; staff" (组织 › 门店与导购). In the Operations perspective: stores
 * and guides are the brand's daily business (who owns which customers), not platform plumbing; the Developer
 * perspective holds plugins, configuration and the event bus. Everyone with {@code org.view} sees it; the forms are
 * there for {@code org.admin} only.
 */
@org.osgi.service.component.annotations.Component
public class OrgView implements ViewContribution {

    static final Text GROUP = Text.of("Organisation", "组织");

    private final Org org;

    @Activate
    public OrgView(@Reference Org org) {
        this.org = org;
    }

    @Override
    public String id() {
        return "org.units";
    }

    @Override
    public Text title() {
        return Text.of("Org units & staff", "门店与导购");
    }

    @Override
    public Text group() {
        return GROUP;
    }

    @Override
    public String icon() {
        return "SITEMAP";
    }

    @Override
    public Perspective perspective() {
        return Perspective.OPERATIONS;
    }

    @Override
    public String permission() {
        return OrgPermissions.VIEW;
    }

    @Override
    public Component createView(ViewContext context) {
        return new OrgPanel(org, context.locale(), context.user().username(),
                context.user().isPermitted(OrgPermissions.ADMIN));
    }
}
