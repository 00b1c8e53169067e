/**
 * Membership: member cards, coupon templates and coupons, as a service other plugins use without depending on the
 * membership plugin (live rooms push coupons, community groups send them, the demo seeds them).
 *
 * <p>{@link org.siyu.api.membership.MembershipService} is provided by the membership plugin when it is installed; a
 * plugin that gives coupons takes it as an optional, dynamic reference and switches those features off while it is
 * absent. Amounts are integers in fen (1 yuan = 100 fen). Writes join the transaction open on the calling thread
 * ({@link org.siyu.api.persistence.PersistenceUnit}), so a coupon and what the caller does with it commit or roll back
 * together; note that a refusal ({@link org.siyu.api.membership.MembershipException}) thrown inside the caller's
 * transaction rolls that transaction back, so check what can be checked first (a template's
 * {@link org.siyu.api.membership.CouponTemplate#remaining() remaining} stock, its {@code active} flag).
 *
 * <p>Birthdays (since 1.1): {@link org.siyu.api.membership.MembershipService#setBirthday setBirthday}; on the day
 * membership issues the coupon template of the customer's tier ({@code coupon.issued} with actor {@code birthday},
 * issue key {@code birthday:<year>}).
 *
 * <p>Points and tiers are not written through this service: membership earns them from {@code order.paid} and claws
 * them back on {@code order.refunded}, whoever publishes those events (see {@code org.siyu.api.commerce}).
 *
 * <p><b>Events</b> published by membership, each with the customer as subject and source {@code membership}:
 * <table>
 *   <caption>membership events</caption>
 *   <tr><th>type</th><th>data</th></tr>
 *   <tr><td>{@code member.tier.changed}</td><td>{@code {"from","to","toName","direction","basis","value","reason","reviewAt"}}</td></tr>
 *   <tr><td>{@code points.earned}, {@code points.redeemed}, {@code points.clawback}, {@code points.expired}</td><td>{@code {"ledgerId","kind","points","balance","orderId","cause","note",…}}</td></tr>
 *   <tr><td>{@code coupon.issued}</td><td>{@code {"code","templateId","name","validUntil","actor"}}, id {@code membership:coupon:<id>:issued}</td></tr>
 *   <tr><td>{@code coupon.redeemed}</td><td>{@code {"code","orderId","discountFen"}}, id {@code membership:coupon:<code>:redeemed:<order>}</td></tr>
 *   <tr><td>{@code coupon.released}</td><td>{@code {"code","orderId"}}: usable again, its order was cancelled before payment (since 1.1)</td></tr>
 *   <tr><td>{@code coupon.expired}</td><td>{@code {"code","templateId","validUntil"}}, time = its end, id {@code membership:coupon:<id>:expired} (since 1.1)</td></tr>
 * </table>
 */
@Export
@Version("1.1.0")
package org.siyu.api.membership;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
