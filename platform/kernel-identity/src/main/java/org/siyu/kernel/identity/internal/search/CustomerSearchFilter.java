package org.siyu.kernel.identity.internal.search;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.org.DataScope;
import org.siyu.api.search.SearchFilter;
import org.siyu.kernel.identity.internal.CustomerServices;
import org.siyu.kernel.identity.internal.ui.CustomerUi;

/**
 * Customer hits only for users whose data scope holds the customer: a store manager searching 王 sees the store's
 * customers named 王, not the brand's. The same rule as the customer list, editor and REST; answered from the
 * in-memory owner index and the org bundle's in-memory scopes.
 */
@Component
public class CustomerSearchFilter implements SearchFilter {

    private final CustomerServices services;

    @Activate
    public CustomerSearchFilter(@Reference CustomerServices services) {
        this.services = services;
    }

    @Override
    public String type() {
        return CustomerUi.TYPE;
    }

    @Override
    public boolean visible(String id, String username) {
        int customer;
        try {
            customer = Integer.parseInt(id);
        } catch (NumberFormatException e) {
            return false;
        }
        if (!services.oneId().isLive(customer)) {
            return false;   // merged away since it was indexed: its survivor is the hit to show
        }
        DataScope scope = services.scope(username);
        return scope.unrestricted() || scope.allowsOwner(services.oneId().owner(customer));
    }
}
