package org.siyu.membership.internal.tiers;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.siyu.api.tags.TagService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the tier tag of each member in the kernel ({@code 会员:金卡}, source {@value #SOURCE}, evidence = why), so
 * segments can select by tier. The tag service is optional: without it tier changes are not tagged, which
 * {@link #available()} tells the admin, and the command {@code membership.sync-tags} catches up later.
 */
@Component(service = TierTags.class)
public class TierTags {

    private static final Logger LOG = LoggerFactory.getLogger(TierTags.class);

    /** The tag source of membership's tags. */
    public static final String SOURCE = "plugin:org.siyu.membership";

    /** The prefix of tier tags. */
    public static final String PREFIX = "会员:";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TagService tags;

    /** For DS: the tag service arrives through the field. */
    public TierTags() {
    }

    /** For tests: a tag service, or {@code null} for none. */
    public TierTags(TagService tags) {
        this.tags = tags;
    }

    /** The tag of a tier. */
    public static String tagOf(String tierNameZh) {
        return PREFIX + tierNameZh;
    }

    public boolean available() {
        return tags != null;
    }

    /**
     * Moves the customer's tier tag from {@code previous} (a tier's Chinese name, or {@code null}) to {@code next},
     * in the caller's transaction.
     *
     * @return false if there was no tag service
     */
    public boolean retag(int customerId, String previous, String next, String evidence) {
        TagService service = tags;
        if (service == null) {
            LOG.debug("No tag service: tier tag of customer {} not moved to {}", customerId, next);
            return false;
        }
        if (previous != null && !previous.equals(next)) {
            service.unassign(customerId, tagOf(previous), SOURCE);
        }
        service.assign(customerId, tagOf(next), SOURCE, evidence);
        return true;
    }

    /** Removes a tier tag that no tier carries any more (a renamed tier), keeping the customer's other tags. */
    public void drop(int customerId, String tierNameZh) {
        TagService service = tags;
        if (service != null) {
            service.unassign(customerId, tagOf(tierNameZh), SOURCE);
        }
    }
}
