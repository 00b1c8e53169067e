package org.siyu.kernel.tagging.internal.scope;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.roaringbitmap.RoaringBitmap;
import org.siyu.api.i18n.Text;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.org.DataScope;
import org.siyu.api.org.OrgService;
import org.siyu.api.security.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an account's data scope ({@link OrgService#scope}, ADR 0009) into the customers counts and exports may show:
 * the live customers owned by the scope's staff ({@link IdentityService#idsOwnedBy}, from OneID's memory).
 *
 * <ul>
 *   <li>No org bundle: every account is unrestricted, as in the identity bundle's list and REST (ADR 0009: removing
 *       the org bundle lifts the scopes).</li>
 *   <li>An account the org bundle says is unrestricted: unrestricted.</li>
 *   <li>A scoped account: its customers; if OneID is not running, or the org bundle fails to answer, the scope is
 *       <em>closed</em> — nobody, with a message that says why — never the whole brand.</li>
 * </ul>
 * Worked out again at every call: owners change, and at 1 M customers it is an OR of a few in-memory bitmaps.
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

    /** For DS: both services arrive through the fields. */
    @Activate
    public Scopes() {
    }

    /** For tests: either may be {@code null} (that bundle is not running). */
    public Scopes(OrgService org, IdentityService identity) {
        this.org = org;
        this.identity = identity;
    }

    /** The scope of a signed-in user. */
    public Scope of(User user) {
        return of(user.username());
    }

    /** The scope of an account. Never throws: what cannot be worked out is a closed scope. */
    public Scope of(String account) {
        OrgService orgService = org;
        if (orgService == null) {
            return Scope.UNRESTRICTED;
        }
        String unit = "?";
        try {
            DataScope scope = orgService.scope(account);
            if (scope.unrestricted()) {
                return Scope.UNRESTRICTED;
            }
            unit = orgService.accountUnit(account).orElse(String.join(",", scope.unitIds()));
            IdentityService oneId = identity;
            if (oneId == null) {
                return Scope.closed(account, unit, Text.of(
                        "'" + account + "' sees only the customers of unit '" + unit + "', and OneID (bundle "
                                + "org.siyu.kernel.identity), which knows who owns each customer, is not running: no "
                                + "customers are shown",
                        "账号 " + account + " 只能查看组织 " + unit + " 的客户，而记录客户归属的 OneID（bundle "
                                + "org.siyu.kernel.identity）未运行：不显示任何客户"));
            }
            RoaringBitmap customers = RoaringBitmap.bitmapOf(oneId.idsOwnedBy(scope.staffIds()));
            customers.runOptimize();
            return new Scope(customers, account, unit, null);
        } catch (RuntimeException e) {
            LOG.warn("The data scope of account '{}' could not be worked out; it sees no customers in tagging", account,
                    e);
            return Scope.closed(account, unit, Text.of(
                    "the data scope of '" + account + "' could not be worked out (" + e.getMessage() + "): no "
                            + "customers are shown",
                    "无法确定账号 " + account + " 的数据范围（" + e.getMessage() + "）：不显示任何客户"));
        }
    }
}
