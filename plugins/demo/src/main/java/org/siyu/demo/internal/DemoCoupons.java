package org.siyu.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.siyu.api.membership.CouponTemplate;
import org.siyu.api.membership.MembershipService;
import org.siyu.api.membership.NewCouponTemplate;

/**
 * The demo's coupons, through the membership plugin's SDK service when it runs: three templates, a welcome coupon
 * for every person at the first touch, a repurchase coupon after the first order, a member-day coupon (limited stock)
 * after the third, and their use on the orders that follow, so the member cards and the coupon view have a history.
 *
 * <p>Who uses a coupon is decided by a random stream of its own ({@link #PURPOSE}), so the planned people, orders and
 * every figure measured on them stay what they were; the discount is recorded against the planned amount (the
 * order's total), which is not changed. Everything is judged at the order's time, as membership judges a history: a
 * coupon is used only on an order placed while it was valid and reaching its threshold. Issue keys are per person
 * ({@code demo:welcome:<person>}) and a redemption is per coupon and order number, so a batch written again issues
 * and redeems nothing twice. The seed asks for nothing membership would refuse (it checks validity, threshold and
 * stock first), because a refusal would roll the batch back.
 */
final class DemoCoupons {

    /** The random stream of coupon use: after the plan's 0–2 (organisation, people, events). */
    static final int PURPOSE = 7;

    static final String WELCOME = "新人礼券";
    static final String REPURCHASE = "复购券";
    static final String MEMBER_DAY = "会员日";

    /** Share of people who use a coupon they can use, per template (percent). */
    static final int USE_WELCOME = 55;
    static final int USE_REPURCHASE = 45;
    static final int USE_MEMBER_DAY = 70;
    /** Percent of buyers who give their birthday. */
    static final int GIVE_BIRTHDAY = 60;
    static final long MEMBER_DAY_STOCK = 3_000;

    /** The three templates' ids, and what is left of the member-day stock. */
    static final class Templates {
        final long welcome;
        final long repurchase;
        final long memberDay;
        long memberDayLeft;

        Templates(long welcome, long repurchase, long memberDay, long memberDayLeft) {
            this.welcome = welcome;
            this.repurchase = repurchase;
            this.memberDay = memberDay;
            this.memberDayLeft = memberDayLeft;
        }
    }

    /** What one person's coupons did. */
    record Outcome(int issued, int redeemed) {
    }

    private DemoCoupons() {
    }

    /** Creates the templates membership does not have yet (by name, active ones), and answers all three. */
    static Templates ensureTemplates(MembershipService membership) {
        List<CouponTemplate> existing = membership.templates();
        long welcome = find(existing, WELCOME).map(CouponTemplate::id).orElseGet(() -> membership.createTemplate(
                NewCouponTemplate.amountOff(WELCOME, 2_000, 9_900, 30, 1_000_000), Seeder.ACTOR).id());
        long repurchase = find(existing, REPURCHASE).map(CouponTemplate::id).orElseGet(() -> membership.createTemplate(
                NewCouponTemplate.percentOff(REPURCHASE, 10, 5_000L, 19_900, 30, 1_000_000), Seeder.ACTOR).id());
        CouponTemplate memberDay = find(existing, MEMBER_DAY).orElseGet(() -> membership.createTemplate(
                NewCouponTemplate.amountOff(MEMBER_DAY, 5_000, 29_900, 14, MEMBER_DAY_STOCK), Seeder.ACTOR));
        return new Templates(welcome, repurchase, memberDay.id(), memberDay.remaining());
    }

    private static Optional<CouponTemplate> find(List<CouponTemplate> templates, String name) {
        return templates.stream().filter(t -> t.name().equals(name) && t.active()).findFirst();
    }

    /** A planned order: its number, time and amount. */
    record PlannedOrder(String number, Instant at, long amountFen) {
    }

    /** The orders of a history, oldest first. */
    static List<PlannedOrder> orders(DemoEvents.History history) {
        return history.events().stream().filter(e -> e.type().equals("order.paid"))
                .map(e -> new PlannedOrder((String) e.data().get("orderId"), e.time(),
                        ((Number) e.data().get("amountFen")).longValue()))
                .sorted(Comparator.comparing(PlannedOrder::at).thenComparing(PlannedOrder::number))
                .toList();
    }

    /**
     * Issues and uses one person's coupons, in the caller's (the batch's) transaction.
     *
     * @param end the end of the demo's window: nothing is issued after it
     */
    static Outcome seed(MembershipService membership, Templates templates, DemoPlan.Settings settings,
            DemoPlan.Person person, int customer, List<PlannedOrder> orders) {
        Random r = DemoPlan.random(settings.seed(), person.index(), PURPOSE);
        Instant end = settings.endsAt();
        int issued = 0;
        int redeemed = 0;
        // 新人礼券 满99减20, 30 days from the first touch, on the first order that qualifies in time
        String welcome = membership.issue(templates.welcome, customer, "demo:welcome:" + person.index(),
                person.firstTouch(), Seeder.ACTOR).code();
        issued++;
        boolean wantsWelcome = r.nextInt(100) < USE_WELCOME;
        Instant welcomeEnd = person.firstTouch().plus(Duration.ofDays(30));
        for (PlannedOrder o : orders) {
            if (wantsWelcome && !o.at().isBefore(person.firstTouch()) && o.at().isBefore(welcomeEnd)
                    && o.amountFen() >= 9_900) {
                membership.redeem(welcome, customer, o.number(), o.amountFen(), o.at(), Seeder.ACTOR);
                redeemed++;
                break;
            }
        }
        // 复购券 9折 满199 (at most ¥50), an hour after the first order, 30 days
        if (!orders.isEmpty()) {
            int[] counts = follow(membership, templates.repurchase, "demo:repurchase:" + person.index(), customer,
                    orders, 0, Duration.ofDays(30), 19_900, r.nextInt(100) < USE_REPURCHASE, end);
            issued += counts[0];
            redeemed += counts[1];
        }
        // 会员日 满299减50, to the people who came back twice, while the stock lasts, 14 days
        if (orders.size() >= 3 && templates.memberDayLeft > 0) {
            int[] counts = follow(membership, templates.memberDay, "demo:member-day:" + person.index(), customer,
                    orders, 2, Duration.ofDays(14), 29_900, r.nextInt(100) < USE_MEMBER_DAY, end);
            templates.memberDayLeft -= counts[0];
            issued += counts[0];
            redeemed += counts[1];
        }
        // most buyers give their birthday in the mini-program: membership sends the tier's coupon on the day
        if (!orders.isEmpty() && r.nextInt(100) < GIVE_BIRTHDAY) {
            membership.setBirthday(customer, MonthDay.from(LocalDate.ofYearDay(2001, 1 + r.nextInt(365))),
                    Seeder.ACTOR);
        }
        return new Outcome(issued, redeemed);
    }

    /**
     * Issues a coupon an hour after order {@code after} and uses it on the first later order that qualifies.
     *
     * @return {issued, redeemed}
     */
    private static int[] follow(MembershipService membership, long template, String key, int customer,
            List<PlannedOrder> orders, int after, Duration valid, long threshold, boolean uses, Instant end) {
        Instant at = orders.get(after).at().plusSeconds(3_600);
        if (at.isAfter(end)) {
            return new int[] {0, 0};
        }
        String code = membership.issue(template, customer, key, at, Seeder.ACTOR).code();
        if (uses) {
            for (PlannedOrder o : orders.subList(after + 1, orders.size())) {
                if (!o.at().isBefore(at) && o.at().isBefore(at.plus(valid)) && o.amountFen() >= threshold) {
                    membership.redeem(code, customer, o.number(), o.amountFen(), o.at(), Seeder.ACTOR);
                    return new int[] {1, 1};
                }
            }
        }
        return new int[] {1, 0};
    }
}
