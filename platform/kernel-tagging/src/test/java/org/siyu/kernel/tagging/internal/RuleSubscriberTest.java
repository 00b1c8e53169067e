package org.siyu.kernel.tagging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.siyu.api.events.Event;
import org.siyu.api.tags.TagAssignment;
import org.siyu.testkit.TestPersistenceUnit;

class RuleSubscriberTest {

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    private final TestPersistenceUnit unit = TestPersistenceUnit.of(new TaggingEntities());
    private final FakeEventBus bus = new FakeEventBus();
    private final Tagging tagging = new Tagging(unit, bus, Clock.fixed(T0, ZoneOffset.UTC));
    private final RuleSubscriber rules = new RuleSubscriber(tagging);

    @AfterEach
    void close() {
        tagging.deactivate();
        unit.close();
    }

    /** Enables the seeded example rule 1: 2 order.paid within 30 days → 复购客户. */
    private void enableRepeatBuyerRule() {
        unit.inTransaction(em -> {
            em.find(RuleEntity.class, 1).enable(true);
            return null;
        });
        rules.refresh();
    }

    private static Event paid(String id, int customer, Instant time) {
        return new Event(1, id, "order.paid", "commerce", customer, time, "{\"order\":\"" + id + "\"}");
    }

    @Test
    void shouldTagOnTheSecondEventWithinTheWindowWithTheCompletingEventAsEvidence() {
        enableRepeatBuyerRule();
        rules.onEvent(paid("o-1", 5, T0));
        assertEquals(List.of(), tagging.tags(5), "one order is not a repeat");

        rules.onEvent(paid("o-2", 5, T0.plus(Duration.ofDays(29))));

        TagAssignment why = tagging.tags(5).getFirst();
        assertEquals(new TagAssignment("复购客户", "rules", "rule:1", "o-2", T0), why);
        assertEquals(1, tagging.count("tag:复购客户"));
        assertEquals(1, bus.ofType("tag.assigned").size());
    }

    @Test
    void shouldNotTagWhenTheEventsAreFurtherApartThanTheWindow() {
        enableRepeatBuyerRule();
        rules.onEvent(paid("o-1", 5, T0));
        rules.onEvent(paid("o-2", 5, T0.plus(Duration.ofDays(31))));
        assertEquals(List.of(), tagging.tags(5));

        rules.onEvent(paid("o-3", 5, T0.plus(Duration.ofDays(40))));
        assertEquals("o-3", tagging.tags(5).getFirst().evidence(), "o-2 and o-3 are 9 days apart");
    }

    @Test
    void shouldCountAnEventDeliveredTwiceOnce() {
        enableRepeatBuyerRule();
        rules.onEvent(paid("o-1", 5, T0));
        rules.onEvent(paid("o-1", 5, T0));
        assertEquals(List.of(), tagging.tags(5));
        rules.onEvent(paid("o-2", 5, T0.plusSeconds(60)));
        rules.onEvent(paid("o-2", 5, T0.plusSeconds(60)));
        assertEquals(1, tagging.tags(5).size());
        assertEquals(1, bus.ofType("tag.assigned").size());
    }

    @Test
    void shouldCountEventsThatArriveOutOfOrder() {
        enableRepeatBuyerRule();
        rules.onEvent(paid("o-2", 5, T0.plus(Duration.ofDays(10))));
        rules.onEvent(paid("o-1", 5, T0));
        assertEquals("o-1", tagging.tags(5).getFirst().evidence());
    }

    @Test
    void shouldIgnoreEventsOfDisabledRulesOtherTypesAndNoCustomer() {
        rules.onEvent(paid("o-1", 5, T0));
        rules.onEvent(paid("o-2", 5, T0.plusSeconds(1)));
        assertEquals(List.of(), tagging.tags(5), "the seeded rule is disabled");

        enableRepeatBuyerRule();
        rules.onEvent(new Event(1, "r-1", "order.refunded", "commerce", 5, T0, "{}"));
        rules.onEvent(new Event(1, "r-2", "order.paid", "commerce", null, T0, "{}"));
        rules.onEvent(paid("o-3", 6, T0));
        assertEquals(List.of(), tagging.tags(5));
        assertEquals(List.of(), tagging.tags(6));
    }

    @Test
    void shouldMatchEveryRuleOfAPrefixPattern() {
        Rule rule = new Rule(2, "any order", "order.*", 1, 1, "下单客户");
        assertTrue(rule.matches("order.paid"));
        assertTrue(rule.matches("order.item.shipped"));
        assertEquals(false, rule.matches("orders.paid"));
        assertTrue(new Rule(3, "all", "*", 1, 1, "x").matches("customer.created"));
    }

    @Test
    void shouldKeepOnlyTheHitsThatCanStillCompleteAWindow() {
        enableRepeatBuyerRule();
        for (int day = 0; day < 100; day += 40) {
            rules.onEvent(paid("o-" + day, 5, T0.plus(Duration.ofDays(day))));
        }
        Number hits = unit.inTransaction(em -> (Number) em.createNativeQuery(
                "select count(*) from tagging_rule_hit where customer_id = 5").getSingleResult());
        assertEquals(1, hits.intValue());
    }
}
