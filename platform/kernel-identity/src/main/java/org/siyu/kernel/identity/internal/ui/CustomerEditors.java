package org.siyu.kernel.identity.internal.ui;

import com.vaadin.flow.component.Component;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.i18n.Text;
import org.siyu.api.ui.EditorContribution;
import org.siyu.api.ui.ViewContext;
import org.siyu.kernel.identity.internal.CustomerServices;
import org.siyu.kernel.identity.internal.IdentityPermissions;

/**
 * Opens customers (type {@value CustomerUi#TYPE}) as editor tabs: from the customer list, a search hit, a merge
 * link. The data scope is checked by the editor; the title of a customer outside it is only its number.
 */
@org.osgi.service.component.annotations.Component
public class CustomerEditors implements EditorContribution {

    private final CustomerServices services;

    @Activate
    public CustomerEditors(@Reference CustomerServices services) {
        this.services = services;
    }

    @Override
    public String type() {
        return CustomerUi.TYPE;
    }

    /** The shell asks without a user, so a name could leak past the data scope: the tab is titled by number. */
    @Override
    public String title(String recordId, Locale locale) {
        return Text.of("Customer ", "客户 ").get(locale) + recordId;
    }

    @Override
    public String permission() {
        return IdentityPermissions.VIEW;
    }

    @Override
    public Component createEditor(String recordId, ViewContext context) {
        int id = CustomerUi.customerId(recordId);
        if (services.oneId().customer(id).isEmpty()) {
            throw new java.util.NoSuchElementException("no customer " + id);
        }
        return new CustomerEditor(services, id, context);
    }
}
