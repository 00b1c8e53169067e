package org.siyu.commerce.internal.scope;

import java.util.Arrays;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.siyu.api.i18n.Text;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.org.DataScope;
import org.siyu.api.org.OrgService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data scopes for orders, as the kernel applies them to customers: an account linked to an org unit sees the orders
 * of the customers owned by that unit's staff. Without the org bundle there are no scopes. With a scope but without
 * OneID (which knows the owners), or when the scope cannot be worked out, the account sees no orders: it fails
 * closed, and says why.
 */
@Component(service = Scopes.class)
public class Scopes {

    private static final Logger LOG = LoggerFactory.getLogger(Scopes.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OrgService org;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile IdentityService identity;

    @Activate
    public Scopes() {
    }

    /** For tests: either may be {@code null} (that bundle is not running). */
    public Scopes(OrgService org, IdentityService identity) {
        this.org = org;
        this.identity = identity;
    }

    /** The scope of an account. Never throws: what cannot be worked out is a closed scope. */
    public Scope of(String account) {
        OrgService orgService = org;
        if (orgService == null) {
            return Scope.UNRESTRICTED;
        }
        try {
            DataScope scope = orgService.scope(account);
            if (scope.unrestricted()) {
                return Scope.UNRESTRICTED;
            }
            IdentityService oneId = identity;
            if (oneId == null) {
                return Scope.closed(Text.of("'" + account + "' sees only the orders of its data scope, and OneID (bundle"
                        + " org.siyu.kernel.identity), which knows who owns each customer, is not running: no orders"
                        + " are shown", "账号 " + account + " 只能查看其数据范围内的订单，而记录客户归属的 OneID（bundle"
                        + " org.siyu.kernel.identity）未运行：不显示任何订单"));
            }
            int[] ids = oneId.idsOwnedBy(scope.staffIds());
            int[] sorted = Arrays.copyOf(ids, ids.length);
            Arrays.sort(sorted);
            return new Scope(sorted, null);
        } catch (RuntimeException e) {
            LOG.warn("The data scope of account '{}' could not be worked out; it sees no orders", account, e);
            return Scope.closed(Text.of("the data scope of '" + account + "' could not be worked out (" + e.getMessage()
                    + "): no orders are shown", "无法确定账号 " + account + " 的数据范围（" + e.getMessage()
                    + "）：不显示任何订单"));
        }
    }
}
