package org.siyu.membership.internal.birthdays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;
import org.siyu.membership.internal.Fixture;
import org.siyu.membership.internal.MembershipException;
import org.siyu.membership.internal.model.CouponTemplate;
import org.siyu.membership.internal.model.Tier;

class BirthdayGiftsTest {

    private static Fixture f;

    @BeforeAll
    static void open() {
        f = new Fixture();
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @BeforeEach
    void empty() throws Exception {
        f.reset();
    }

    /** Links a birthday coupon of {@code stock} to the silver tier. */
    private static CouponTemplate silverGift(long stock) {
        CouponTemplate gift = f.amountOff(stock);
        Tier silver = f.tiers.find("silver").orElseThrow();
        f.tiers.save(silver.values().withBirthdayTemplate(gift.id()), "op");
        return gift;
    }

    private static void silver(int customer) {
        f.orders.apply(Fixture.paid("e" + customer, customer, "o" + customer, 150_000, Fixture.T0));
    }

    @Test
    void shouldSendTheTierCouponOnTheBirthdayOnceAYear() throws Exception {
        CouponTemplate gift = silverGift(100);
        silver(5);
        f.orders.apply(Fixture.paid("e6", 6, "o6", 10_000, Fixture.T0)); // regular: no birthday coupon
        f.birthdays.set(5, MonthDay.of(3, 20), "op");
        f.birthdays.set(6, MonthDay.of(3, 20), "op");
        f.birthdays.set(7, MonthDay.of(3, 20), "op"); // never bought: the entry tier
        f.birthdays.set(8, MonthDay.of(4, 1), "op");

        f.clock.set(Instant.parse("2026-03-20T01:00:00Z")); // 09:00 in Shanghai
        assertEquals(new BirthdayGifts.Sent(1, 0, 2, 0), f.birthdays.sendDue());
        assertEquals(1, f.sql("select count(*) from mb_coupon where customer_id = 5 and template_id = " + gift.id()
                + " and issue_key = 'birthday:2026'"));
        Event issued = f.bus.ofType("coupon.issued").getLast();
        assertEquals(5, issued.subject());
        assertTrue(issued.data().contains("\"actor\":\"birthday\""), issued.data());
        assertTrue(f.birthdays.sent(5, 2026));

        assertEquals(new BirthdayGifts.Sent(0, 1, 2, 0), f.birthdays.sendDue(), "a second run sends nothing more");
        // a birthday moved to a later day of the same year does not give a second coupon
        f.birthdays.set(5, MonthDay.of(3, 25), "op");
        f.clock.set(Instant.parse("2026-03-25T01:00:00Z"));
        assertEquals(0, f.birthdays.sendDue().sent());
        assertEquals(1, f.sql("select count(*) from mb_coupon where customer_id = 5"));

        f.clock.set(Instant.parse("2027-03-25T01:00:00Z"));
        f.unit.execute("update mb_member set review_at = timestamp with time zone '2027-12-31 00:00:00+00'");
        assertEquals(1, f.birthdays.sendDue().sent(), "next year, next coupon");
        assertTrue(f.birthdays.sent(5, 2027));
    }

    @Test
    void shouldCatchUpDaysMissedButNotBirthdaysGivenOnOrAfterTheDay() throws Exception {
        silverGift(100);
        for (int c = 1; c <= 4; c++) {
            silver(c);
        }
        // given on 15 March (T0): 13 and 15 March are not counted this year, 16 March is
        f.birthdays.set(1, MonthDay.of(3, 13), "op");
        f.birthdays.set(2, MonthDay.of(3, 15), "op");
        f.birthdays.set(3, MonthDay.of(3, 16), "op");
        f.birthdays.set(4, MonthDay.of(3, 11), "op");
        assertEquals(0, f.birthdays.sendDue().sent(), "a birthday given today or for the days before gives nothing");

        // the node was down on 16 and 17 March
        f.clock.set(Instant.parse("2026-03-18T05:00:00Z"));
        assertEquals(1, f.birthdays.sendDue().sent());
        assertTrue(f.birthdays.sent(3, 2026));
        assertFalse(f.birthdays.sent(1, 2026));
        assertFalse(f.birthdays.sent(2, 2026));
        assertFalse(f.birthdays.sent(4, 2026), "11 March is beyond the catch-up window");
        // past the window, a missed day stays missed
        f.clock.set(Instant.parse("2026-03-20T05:00:00Z"));
        assertEquals(0, f.birthdays.sendDue().sent());
    }

    @Test
    void shouldCelebrateTheTwentyNinthOfFebruaryOnTheTwentyEighthInOtherYears() throws Exception {
        silverGift(100);
        silver(5);
        f.birthdays.set(5, MonthDay.of(2, 29), "op");
        f.unit.execute("update mb_member set review_at = timestamp with time zone '2029-12-31 00:00:00+00'");

        f.clock.set(Instant.parse("2027-02-27T05:00:00Z"));
        assertEquals(0, f.birthdays.sendDue().sent());
        f.clock.set(Instant.parse("2027-02-28T05:00:00Z"));
        assertEquals(1, f.birthdays.sendDue().sent());
        f.clock.set(Instant.parse("2028-02-28T05:00:00Z"));
        assertEquals(0, f.birthdays.sendDue().sent(), "2028 has a 29 February");
        f.clock.set(Instant.parse("2028-02-29T05:00:00Z"));
        assertEquals(1, f.birthdays.sendDue().sent());
    }

    @Test
    void shouldGiveAMergedCustomersBirthdayToTheSurvivorUnlessItHasItsOwn() throws Exception {
        silverGift(100);
        silver(5);
        silver(9);
        silver(11);
        silver(12);
        f.birthdays.set(9, MonthDay.of(3, 20), "op");
        f.unit.execute("update mb_member set merged_into = 5 where customer_id = 9");
        f.birthdays.set(12, MonthDay.of(3, 20), "op");
        f.birthdays.set(11, MonthDay.of(6, 1), "op");
        f.unit.execute("update mb_member set merged_into = 11 where customer_id = 12");

        f.clock.set(Instant.parse("2026-03-20T05:00:00Z"));
        assertEquals(1, f.birthdays.sendDue().sent());
        assertTrue(f.birthdays.sent(5, 2026));
        assertFalse(f.birthdays.sent(9, 2026));
        assertFalse(f.birthdays.sent(11, 2026), "the survivor's own birthday is 1 June");
        assertFalse(f.birthdays.sent(12, 2026));
    }

    @Test
    void shouldSendTheOthersWhenTheStockRunsOutAndCountTheFailure() throws Exception {
        silverGift(1);
        silver(5);
        silver(6);
        f.birthdays.set(5, MonthDay.of(3, 20), "op");
        f.birthdays.set(6, MonthDay.of(3, 20), "op");
        f.clock.set(Instant.parse("2026-03-20T05:00:00Z"));
        assertEquals(new BirthdayGifts.Sent(1, 0, 0, 1), f.birthdays.sendDue());
    }

    @Test
    void shouldReadBirthdaysAndNameTheFieldOfABadOne() {
        assertEquals(MonthDay.of(5, 12), BirthdayGifts.parse("05-12"));
        assertEquals(MonthDay.of(5, 12), BirthdayGifts.parse(" 1990-05-12 "));
        assertEquals(MonthDay.of(2, 29), BirthdayGifts.parse("02-29"));
        for (String bad : List.of("", "5/12", "13-01", "02-30", "1990-02-30", "2999-01-01")) {
            MembershipException e = assertThrows(MembershipException.class, () -> BirthdayGifts.parse(bad), bad);
            assertEquals("birthday", e.field(), bad);
        }
        assertTrue(assertThrows(MembershipException.class, () -> BirthdayGifts.parse("5/12")).getMessage()
                .contains("MM-dd"));
        assertEquals("05-12", BirthdayGifts.format(MonthDay.of(5, 12)));
    }

    @Test
    void shouldRefuseATierGiftThatIsNoTemplateOrArchived() {
        Tier silver = f.tiers.find("silver").orElseThrow();
        MembershipException e = assertThrows(MembershipException.class,
                () -> f.tiers.save(silver.values().withBirthdayTemplate(999_999L), "op"));
        assertEquals("birthdayTemplateId", e.field());
        CouponTemplate archived = f.coupons.archive(f.amountOff(5).id());
        e = assertThrows(MembershipException.class,
                () -> f.tiers.save(silver.values().withBirthdayTemplate(archived.id()), "op"));
        assertTrue(e.getMessage().contains("archived"), e.getMessage());
    }

    @Test
    void shouldCreateTheDefaultTiersBirthdayCouponsOnce() throws Exception {
        f.unit.execute("delete from mb_pending_seed");
        f.unit.execute("insert into mb_pending_seed (name) values ('birthday-templates')");
        assertEquals(2, f.birthdays.seedDefaults());
        assertEquals(0, f.birthdays.seedDefaults());
        Tier silver = f.tiers.find("silver").orElseThrow();
        Tier gold = f.tiers.find("gold").orElseThrow();
        assertEquals(2_000, f.coupons.template(silver.birthdayTemplateId()).amountFen());
        assertEquals(5_000, f.coupons.template(gold.birthdayTemplateId()).amountFen());
        assertEquals(null, f.tiers.find("black").orElseThrow().birthdayTemplateId(), "生日礼盒 is a gift box, no coupon");
        assertEquals(null, f.tiers.find("regular").orElseThrow().birthdayTemplateId());
    }
}
