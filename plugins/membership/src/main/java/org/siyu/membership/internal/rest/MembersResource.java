package org.siyu.membership.internal.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResource;
import org.siyu.api.rest.RestResponse;
import org.siyu.membership.internal.MemberCards;
import org.siyu.membership.internal.MembershipException;
import org.siyu.membership.internal.MembershipPermissions;
import org.siyu.membership.internal.birthdays.BirthdayGifts;
import org.siyu.membership.internal.coupons.Coupons;
import org.siyu.membership.internal.model.LedgerEntry;
import org.siyu.membership.internal.points.PointsLedger;

/**
 * {@code /api/v1/members}:
 * <ul>
 *   <li>{@code GET /members/{customerId}}: the member card ({@code tier}, {@code points}, {@code coupons}, growth,
 *       next expiry, benefits)</li>
 *   <li>{@code GET /members/{customerId}/ledger?limit=}: the newest ledger rows</li>
 *   <li>{@code POST /members/{customerId}/points/redeem} {@code {"points","requestId","note"}}</li>
 *   <li>{@code POST /members/{customerId}/coupons} {@code {"templateId","requestId"}}: issue one coupon</li>
 *   <li>{@code PUT /members/{customerId}/birthday} {@code {"birthday":"05-12"}} (or {@code yyyy-MM-dd}; the year is
 *       not kept): the day the tier's birthday coupon is sent</li>
 *   <li>{@code POST /members/{customerId}/coupons/{code}/redeem} {@code {"orderId","orderTotalFen"}}: use a coupon on an
 *       order that commerce does not know (a store till, an ingested order)</li>
 * </ul>
 */
@Component
public class MembersResource implements RestResource {

    private final MemberCards cards;
    private final PointsLedger ledger;
    private final Coupons coupons;
    private final BirthdayGifts birthdays;

    @Activate
    public MembersResource(@Reference MemberCards cards, @Reference PointsLedger ledger, @Reference Coupons coupons,
            @Reference BirthdayGifts birthdays) {
        this.cards = cards;
        this.ledger = ledger;
        this.coupons = coupons;
        this.birthdays = birthdays;
    }

    @Override
    public String name() {
        return "members";
    }

    /** The body of a redemption. */
    public record RedeemBody(Long points, String requestId, String note) {
    }

    /** The body of a coupon issue. */
    public record IssueBody(Long templateId, String requestId) {
    }

    /** The body of a birthday. */
    public record BirthdayBody(String birthday) {
    }

    /** The body of a coupon used outside commerce. */
    public record UseBody(String orderId, Long orderTotalFen) {
    }

    @Override
    public Object handle(RestRequest request, RestResponse response) throws Exception {
        List<String> s = request.segments();
        if (s.isEmpty()) {
            throw RestException.badRequest("customerId is missing: GET /api/v1/members/{customerId}");
        }
        int customerId = Rest.intId(s, 0, "customerId");
        return Rest.call(() -> {
            if (s.size() == 1) {
                requireMethod(request, "GET");
                Rest.require(request, MembershipPermissions.VIEW);
                return cards.card(customerId);
            }
            String what = s.get(1);
            if (s.size() == 2 && what.equals("birthday")) {
                requireMethod(request, "PUT");
                Rest.require(request, MembershipPermissions.EDIT);
                cards.requireCustomer(customerId); // 404 for a customer OneID does not know
                java.time.MonthDay birthday = BirthdayGifts.parse(request.body(BirthdayBody.class).birthday());
                birthdays.set(customerId, birthday, request.user().username());
                return Map.of("customerId", customerId, "birthday", BirthdayGifts.format(birthday));
            }
            if (s.size() == 2 && what.equals("ledger")) {
                requireMethod(request, "GET");
                Rest.require(request, MembershipPermissions.VIEW);
                int limit = limit(request);
                return ledger.ledger(customerId, limit).stream().map(MembersResource::row).toList();
            }
            if (s.size() == 3 && what.equals("points") && s.get(2).equals("redeem")) {
                requireMethod(request, "POST");
                Rest.require(request, MembershipPermissions.EDIT);
                RedeemBody body = request.body(RedeemBody.class);
                long points = Rest.required(body.points(), "points");
                cards.requireCustomer(customerId); // 404 for a customer OneID does not know
                LedgerEntry entry = ledger.redeem(customerId, points, body.requestId(), request.user().username(),
                        body.note());
                return row(entry);
            }
            if (s.size() == 2 && what.equals("coupons")) {
                requireMethod(request, "POST");
                Rest.require(request, MembershipPermissions.EDIT);
                IssueBody body = request.body(IssueBody.class);
                long templateId = Rest.required(body.templateId(), "templateId");
                cards.card(customerId);
                String key = body.requestId() == null || body.requestId().isBlank() ? null : "req:" + body.requestId().strip();
                Coupons.Issued issued = coupons.issue(templateId, customerId, key, request.user().username());
                response.status(issued.created() ? 201 : 200);
                return coupon(issued);
            }
            if (s.size() == 4 && what.equals("coupons") && s.get(3).equals("redeem")) {
                requireMethod(request, "POST");
                Rest.require(request, MembershipPermissions.EDIT);
                UseBody body = request.body(UseBody.class);
                String orderId = Rest.required(body.orderId(), "orderId").strip();
                long total = Rest.required(body.orderTotalFen(), "orderTotalFen");
                if (orderId.isEmpty() || orderId.length() > 100) {
                    throw RestException.badRequest("orderId must be 1–100 characters");
                }
                if (total < 0) {
                    throw RestException.badRequest("orderTotalFen must be ≥ 0, was " + total);
                }
                Coupons.CouponWithTemplate found = coupons.byCode(s.get(2)).orElseThrow(() ->
                        MembershipException.notFound("code", "no coupon with code " + s.get(2)));
                long discount = coupons.check(found, customerId, total, "code");
                coupons.use(found.coupon().code(), customerId, orderId, discount, "code");
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("code", found.coupon().code());
                answer.put("orderId", orderId);
                answer.put("discountFen", discount);
                return answer;
            }
            throw Rest.noRoute(request, "members");
        });
    }

    private static void requireMethod(RestRequest request, String method) throws RestException {
        if (!method.equals(request.method())) {
            throw Rest.methodNotAllowed(request, method);
        }
    }

    private static int limit(RestRequest request) throws RestException {
        String text = request.query("limit").orElse("50");
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= 1000) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw RestException.badRequest("limit must be between 1 and 1000, was '" + text + "'");
    }

    static Map<String, Object> row(LedgerEntry e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", e.id());
        row.put("kind", e.kind().name());
        row.put("points", e.points());
        row.put("balance", e.balanceAfter());
        row.put("shortfall", e.shortfall());
        row.put("orderId", e.orderId());
        row.put("eventId", e.eventId());
        row.put("actor", e.actor());
        row.put("note", e.note());
        row.put("happenedAt", e.happenedAt().toString());
        return row;
    }

    static Map<String, Object> coupon(Coupons.Issued issued) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", issued.coupon().code());
        c.put("templateId", issued.coupon().templateId());
        c.put("customerId", issued.coupon().customerId());
        c.put("status", issued.coupon().status().name());
        c.put("validFrom", issued.coupon().validFrom().toString());
        c.put("validUntil", issued.coupon().validUntil().toString());
        c.put("created", issued.created());
        return c;
    }
}
