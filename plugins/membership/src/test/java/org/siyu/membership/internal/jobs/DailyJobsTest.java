package org.siyu.membership.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.siyu.membership.internal.Fixture;

class DailyJobsTest {

    private static Fixture f;
    private static DailyJobs daily;

    @BeforeAll
    static void open() {
        f = new Fixture();
        daily = new DailyJobs(f.ledger, f.coupons, f.tiers, f.birthdays, f.jobs, f.settings);
    }

    @AfterAll
    static void close() {
        daily.deactivate();
        f.close();
    }

    @Test
    void shouldExpirePointsAndCouponsAndReviewTiersOnceADay() throws Exception {
        f.reset();
        f.orders.apply(Fixture.paid("e1", 5, "o1", 150_000, Fixture.T0)); // silver, 1,500 points, review 2027-03-15
        f.coupons.issue(f.amountOff(5).id(), 5, null, "op"); // 30 days
        f.clock.set(Instant.parse("2027-04-02T00:00:00Z"));

        assertEquals("1500 points expired, 1 coupons expired, 1 members changed tier, 0 birthday coupons sent "
                + "(0 already sent, 0 members whose tier has no birthday coupon, 0 failed)", daily.run());
        assertEquals("0 points expired, 0 coupons expired, 0 members changed tier, 0 birthday coupons sent "
                + "(0 already sent, 0 members whose tier has no birthday coupon, 0 failed)", daily.run());
        assertEquals(0, f.ledger.balance(5).points());
        assertEquals("regular", f.unit.inTransaction(em -> em.createQuery("select m.tierCode from Member m",
                String.class).getSingleResult()));
    }
}
