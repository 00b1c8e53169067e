package org.siyu.kernel.identity.internal.ui;

import com.vaadin.flow.component.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.Perspective;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;
import org.siyu.kernel.identity.internal.IdentityPermissions;
import org.siyu.kernel.identity.internal.OneId;
import org.siyu.kernel.identity.internal.graph.GraphChecks;

/**
 * The navigator node "Customers › Identity graph check" (客户 › 身份图谱检查): the operator's view of the graph check
 * (kernel-identity README, "The graph check"), with the merges it lists and their undo. Operators and admins only, as
 * undoing merges is theirs ({@link IdentityPermissions#EDIT}).
 */
@org.osgi.service.component.annotations.Component
public class GraphCheckView implements ViewContribution {

    private final GraphChecks checks;
    private final OneId oneId;

    @Activate
    public GraphCheckView(@Reference GraphChecks checks, @Reference OneId oneId) {
        this.checks = checks;
        this.oneId = oneId;
    }

    @Override
    public String id() {
        return "identity.graph-check";
    }

    @Override
    public Text title() {
        return Text.of("Identity graph check", "身份图谱检查");
    }

    @Override
    public Text group() {
        return CustomerUi.GROUP;
    }

    @Override
    public String icon() {
        return "CLUSTER";
    }

    @Override
    public Perspective perspective() {
        return Perspective.OPERATIONS;
    }

    @Override
    public String permission() {
        return IdentityPermissions.EDIT;
    }

    @Override
    public Component createView(ViewContext context) {
        return new GraphCheckPanel(checks, oneId, context);
    }
}
