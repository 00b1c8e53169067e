package org.siyu.kernel.identity.internal.ui;

import com.vaadin.flow.component.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.Perspective;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;
import org.siyu.kernel.identity.internal.IdentityPermissions;
import org.siyu.kernel.identity.internal.acquisition.Acquisition;

/** The navigator node "Customers › Acquisition" (客户 › 获客成本). */
@org.osgi.service.component.annotations.Component
public class AcquisitionView implements ViewContribution {

    private final Acquisition acquisition;

    @Activate
    public AcquisitionView(@Reference Acquisition acquisition) {
        this.acquisition = acquisition;
    }

    @Override
    public String id() {
        return "identity.acquisition";
    }

    @Override
    public Text title() {
        return Text.of("Acquisition", "获客成本");
    }

    @Override
    public Text group() {
        return CustomerUi.GROUP;
    }

    @Override
    public String icon() {
        return "MONEY";
    }

    @Override
    public Perspective perspective() {
        return Perspective.OPERATIONS;
    }

    @Override
    public String permission() {
        return IdentityPermissions.VIEW;
    }

    @Override
    public Component createView(ViewContext context) {
        return new AcquisitionPanel(acquisition, context);
    }
}
