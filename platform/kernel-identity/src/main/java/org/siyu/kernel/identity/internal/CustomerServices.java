package org.siyu.kernel.identity.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.siyu.api.events.EventBus;
import org.siyu.api.org.DataScope;
import org.siyu.api.org.OrgService;
import org.siyu.api.tags.TagService;

/**
 * What the customer list, the editor and the search documents use: OneID, and the services of other bundles, each
 * optional and followed live (a bundle that stops or is uninstalled takes its part of the UI with it, nothing fails).
 * Read a service once per use: it may go at any time.
 */
@Component(service = CustomerServices.class)
public class CustomerServices {

    private final OneId oneId;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TagService tags;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventBus bus;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OrgService org;

    @Activate
    public CustomerServices(@Reference OneId oneId) {
        this.oneId = oneId;
    }

    /** For tests: any of the optional services may be null. */
    public CustomerServices(OneId oneId, TagService tags, EventBus bus, OrgService org) {
        this.oneId = oneId;
        this.tags = tags;
        this.bus = bus;
        this.org = org;
    }

    public OneId oneId() {
        return oneId;
    }

    /** Tagging, or null while it does not run. */
    public TagService tags() {
        return tags;
    }

    /** The event bus, or null while it does not run. */
    public EventBus bus() {
        return bus;
    }

    /** Org units and staff, or null while the org bundle does not run. */
    public OrgService org() {
        return org;
    }

    /** The data scope of an account: everything without the org bundle. */
    public DataScope scope(String account) {
        OrgService service = org;
        return service == null ? DataScope.ALL : service.scope(account);
    }
}
