package org.siyu.api.membership;

import java.time.Instant;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Member cards and coupons. Provided by the membership plugin; absent while it is not installed.
 *
 * <p>Every method that changes something joins the calling thread's transaction if one is open, else runs in its
 * own, and publishes its events ({@code coupon.issued}, {@code coupon.redeemed}) in that transaction. Refusals are
 * {@link MembershipException}s whose {@link MembershipException#reason() reason} tells a REST resource which 4xx to
 * answer and whose {@link MembershipException#field() field} names the argument at fault; membership's own REST
 * resources answer the same refusals the same way.
 */
@ProviderType
public interface MembershipService {

    /**
     * The member card of a customer.
     *
     * @throws MembershipException {@code NOT_FOUND} ({@code customerId}) for a customer OneID does not know or that
     *                             was merged into another (when OneID runs)
     */
    MemberCard card(int customerId);

    /** The active coupon templates, newest first. */
    List<CouponTemplate> templates();

    /**
     * Creates a coupon template.
     *
     * @param actor who creates it (a user name, or the plugin: {@code demo})
     * @throws MembershipException {@code INVALID} naming the field (blank name, amount ≤ 0, percent outside 1–99,
     *                             both or neither of {@code validDays} and {@code validUntil}, stock &lt; 0)
     */
    CouponTemplate createTemplate(NewCouponTemplate template, String actor);

    /**
     * Issues a coupon of a template to a customer now. See {@link #issue(long, int, String, Instant, String)}.
     */
    default IssuedCoupon issue(long templateId, int customerId, String issueKey, String actor) {
        return issue(templateId, customerId, issueKey, null, actor);
    }

    /**
     * Issues a coupon of a template to a customer, never beyond the template's stock (concurrent issues of the last
     * coupon give it once).
     *
     * @param issueKey makes the issue count once per customer ({@code live:<room>:<push>}, {@code group:<id>}): a
     *                 second call with the same key answers the coupon of the first with {@code created = false};
     *                 {@code null} issues every time. At most 190 characters.
     * @param issuedAt when it was given, for a history recorded later (the demo, an import): validity counts from
     *                 it; {@code null} for now. Not in the future.
     * @param actor    who gives it
     * @throws MembershipException {@code INVALID} ({@code customerId}, {@code issueKey}, {@code issuedAt}),
     *                             {@code NOT_FOUND} ({@code templateId}), {@code CONFLICT} ({@code stock} when every
     *                             coupon is issued, {@code templateId} when the template is archived or has ended)
     */
    IssuedCoupon issue(long templateId, int customerId, String issueKey, Instant issuedAt, String actor);

    /**
     * Uses a coupon on an order outside commerce now. See
     * {@link #redeem(String, int, String, long, Instant, String)}.
     */
    default Redemption redeem(String couponCode, int customerId, String orderRef, long orderTotalFen, String actor) {
        return redeem(couponCode, customerId, orderRef, orderTotalFen, null, actor);
    }

    /**
     * Uses a coupon on an order that commerce does not take (a store's till, a marketplace, the demo's history;
     * commerce's own orders use coupons through its {@code OrderAdjuster}). The coupon must be the customer's, unused,
     * valid at {@code usedAt} and the order must reach its threshold. Redeeming it again on the same order answers
     * the first redemption with {@code created = false}.
     *
     * @param couponCode    the code, any case
     * @param orderRef      the order's number where it was placed, 1–100 characters
     * @param orderTotalFen the order's total before this coupon, ≥ 0: checked against the threshold, and what a
     *                      percent-off coupon is taken from
     * @param usedAt        when the order was placed, for a history recorded later: the coupon must have been valid
     *                      then; {@code null} for now. Not in the future.
     * @return the discount
     * @throws MembershipException {@code INVALID} ({@code couponCode}: another customer's, expired, not yet valid,
     *                             below the threshold; {@code orderRef}, {@code orderTotalFen}, {@code usedAt}),
     *                             {@code NOT_FOUND} ({@code couponCode}), {@code CONFLICT} ({@code couponCode}: used
     *                             on another order)
     */
    Redemption redeem(String couponCode, int customerId, String orderRef, long orderTotalFen, Instant usedAt,
            String actor);

    /**
     * Sets (or changes) a customer's birthday: on that day membership sends the coupon of the customer's tier, once a
     * year, counting from the day after it was set (since 1.1).
     *
     * @throws MembershipException {@code INVALID} ({@code customerId}), {@code NOT_FOUND} ({@code customerId}) for a
     *                             customer OneID does not know (when OneID runs)
     */
    void setBirthday(int customerId, MonthDay birthday, String actor);

    /** A customer's birthday, if given (since 1.1). */
    Optional<MonthDay> birthday(int customerId);
}
