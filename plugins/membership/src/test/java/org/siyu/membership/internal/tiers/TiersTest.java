package org.siyu.membership.internal.tiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;
import org.siyu.api.tags.TagAssignment;
import org.siyu.membership.internal.Fixture;
import org.siyu.membership.internal.MembershipException;
import org.siyu.membership.internal.Settings;
import org.siyu.membership.internal.model.Tier;
import org.siyu.membership.internal.model.TierValues;

class TiersTest {

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

    @Test
    void shouldSeedFourTiersWithThresholdsInFen() {
        List<Tier> tiers = f.tiers.list();
        assertEquals(List.of("普通会员", "银卡", "金卡", "黑金"), tiers.stream().map(Tier::nameZh).toList());
        assertEquals(List.of(0L, 100_000L, 500_000L, 2_000_000L), tiers.stream().map(Tier::minSpendFen).toList());
    }

    @Test
    void shouldUpgradeAtOnceAndTagTheMemberWithTheReason() throws Exception {
        f.orders.apply(Fixture.paid("e1", 5, "o1", 600_000, Fixture.T0));

        assertEquals("gold", tierOf(5));
        List<Event> changes = f.bus.ofType("member.tier.changed");
        assertEquals(2, changes.size());
        assertTrue(changes.get(0).data().contains("\"direction\":\"join\""), changes.get(0).data());
        assertTrue(changes.get(1).data().contains("\"from\":\"regular\",\"to\":\"gold\""), changes.get(1).data());
        assertEquals(Fixture.T0, changes.get(1).time());
        List<TagAssignment> tags = f.tagService.tags(5);
        assertEquals(List.of("会员:金卡"), tags.stream().map(TagAssignment::tag).toList());
        assertEquals(TierTags.SOURCE, tags.getFirst().source());
        assertEquals("金卡: 12-month spend ¥6,000.00 (needs ¥5,000.00); order o1 (event e1)", tags.getFirst().evidence());
        // the order that made gold earned at the rate held when paying (regular: 100 per ¥100), the next at gold's
        assertEquals(6_000, f.ledger.balance(5).points());
        f.orders.apply(Fixture.paid("e2", 5, "o2", 10_000, Fixture.T0.plusSeconds(60)));
        assertEquals(6_150, f.ledger.balance(5).points());
    }

    @Test
    void shouldGoDownOnlyOnTheReviewDate() throws Exception {
        f.orders.apply(Fixture.paid("e1", 5, "o1", 600_000, Fixture.T0));
        f.orders.apply(Fixture.refunded("r1", 5, "o1", "rf1", 300_000, 300_000, Fixture.T0.plus(Duration.ofDays(2))));
        f.clock.set(Fixture.T0.plus(Duration.ofDays(100)));
        assertEquals(0, f.tiers.review(50)); // not due yet
        assertEquals("gold", tierOf(5));

        f.clock.set(Instant.parse("2027-03-16T00:00:00Z")); // a year after the upgrade: due; o1 left the window
        assertEquals(1, f.tiers.review(50));
        assertEquals("regular", tierOf(5));
        Event down = f.bus.ofType("member.tier.changed").getLast();
        assertTrue(down.data().contains("\"direction\":\"down\""), down.data());
        assertEquals(List.of("会员:普通会员"), f.tagService.tags(5).stream().map(TagAssignment::tag).toList());
    }

    @Test
    void shouldKeepTheTierAtAReviewThatStillQualifiesAndMoveTheReviewDate() throws Exception {
        f.orders.apply(Fixture.paid("e1", 5, "o1", 150_000, Fixture.T0)); // silver
        f.orders.apply(Fixture.paid("e2", 5, "o2", 150_000, Instant.parse("2027-01-10T00:00:00Z")));
        f.clock.set(Instant.parse("2027-03-16T00:00:00Z"));
        assertEquals(0, f.tiers.review(50));
        assertEquals("silver", tierOf(5));
        assertEquals(Instant.parse("2028-03-16T00:00:00Z"), f.unit.inTransaction(em -> em.createQuery(
                "select m.reviewAt from Member m", Instant.class).getSingleResult()));
    }

    @Test
    void shouldQualifyOnGrowthWhenConfigured() throws Exception {
        f.settings.set(Settings.DEFAULTS.withBasis(Settings.Basis.GROWTH));
        f.orders.apply(Fixture.paid("e1", 5, "o1", 99_999, Fixture.T0)); // growth 999
        assertEquals("regular", tierOf(5));
        f.orders.apply(Fixture.paid("e2", 5, "o2", 100, Fixture.T0.plusSeconds(1))); // 1000
        assertEquals("silver", tierOf(5));
    }

    @Test
    void shouldRefuseALadderWhoseThresholdsDoNotRise() {
        TierValues silver = f.tiers.find("silver").orElseThrow().values();
        MembershipException e = assertThrows(MembershipException.class, () -> f.tiers.save(new TierValues("silver",
                1, "银卡", "Silver", 900_000, 1000, 2, false, 0, "", 120), "admin"));
        assertEquals("minSpendFen", e.field());
        assertTrue(e.getMessage().contains("gold ranks above silver"), e.getMessage());
        assertEquals(silver, f.tiers.find("silver").orElseThrow().values());

        e = assertThrows(MembershipException.class, () -> f.tiers.save(new TierValues("Bad Code", 9, "x", "x", 0, 0, 0,
                false, 0, "", 100), "admin"));
        assertEquals("code", e.field());
        e = assertThrows(MembershipException.class, () -> f.tiers.save(new TierValues("silver", 1, "银卡", "Silver",
                100_000, 1000, 95, false, 0, "", 120), "admin"));
        assertEquals("discountPercent", e.field());
    }

    @Test
    void shouldSaveEditedBenefits() {
        TierValues gold = f.tiers.find("gold").orElseThrow().values();
        TierValues edited = new TierValues("gold", 2, "金卡", "Gold", 500_000, 5000, 8, true, 12, "生日礼盒", 180);
        try {
            f.tiers.save(edited, "admin");
            Tier saved = f.tiers.find("gold").orElseThrow();
            assertEquals(edited, saved.values());
            assertEquals("admin", saved.updatedBy());
        } finally {
            f.tiers.save(gold, "admin");
        }
    }

    private static String tierOf(int customer) {
        return f.unit.inTransaction(em -> em.createQuery("select m.tierCode from Member m where m.customerId = :c",
                String.class).setParameter("c", customer).getSingleResult());
    }
}
