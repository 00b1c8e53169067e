package org.siyu.kernel.identity.internal.ui;

import com.vaadin.flow.component.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.ViewContext;
import org.siyu.api.ui.ViewContribution;
import org.siyu.kernel.identity.internal.CustomerServices;
import org.siyu.kernel.identity.internal.IdentityPermissions;

/** The navigator node "Customers › Customers" (客户 › 客户列表). */
@org.osgi.service.component.annotations.Component
public class CustomersView implements ViewContribution {

    private final CustomerServices services;

    @Activate
    public CustomersView(@Reference CustomerServices services) {
        this.services = services;
    }

    @Override
    public String id() {
        return "identity.customers";
    }

    @Override
    public Text title() {
        return Text.of("Customers", "客户列表");
    }

    @Override
    public Text group() {
        return CustomerUi.GROUP;
    }

    @Override
    public String icon() {
        return "USERS";
    }

    @Override
    public String permission() {
        return IdentityPermissions.VIEW;
    }

    @Override
    public Component createView(ViewContext context) {
        return new CustomerListPanel(services, context);
    }
}
