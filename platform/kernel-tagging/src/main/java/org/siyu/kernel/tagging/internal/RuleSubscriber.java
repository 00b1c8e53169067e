package org.siyu.kernel.tagging.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tag rules over events: "{@code min_count} events of {@code event_type} within {@code window_days} give the customer
 * {@code tag}" (rows of {@code tagging_rule}). Subscribed to every type and filtered by the enabled rules, which are
 * re-read at most every {@link #REFRESH}. Each matching event about a customer is recorded as a hit (idempotent by
 * event id); when the hits within one window reach the count, the tag is assigned with source {@code rule:<id>} and
 * the id of the event that completed the rule as evidence, in the same transaction.
 */
@Component(property = {EventSubscriber.ID + "=" + RuleSubscriber.ID, EventSubscriber.TYPES + "=*"})
public class RuleSubscriber implements EventSubscriber {

    static final String ID = "tagging.rules";
    /** How long a read of the enabled rules is used; rules are rows changed with SQL. */
    static final Duration REFRESH = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(RuleSubscriber.class);

    private final Tagging tagging;
    private final RuleStore rules = new RuleStore();
    private volatile List<Rule> enabled;
    private volatile long readAt;

    @Activate
    public RuleSubscriber(@Reference Tagging tagging) {
        this.tagging = tagging;
    }

    @Override
    public void onEvent(Event event) {
        Integer customer = event.subject();
        if (customer == null || customer <= 0) {
            return;
        }
        List<Rule> matching = enabled().stream().filter(r -> r.matches(event.type())).toList();
        if (matching.isEmpty()) {
            return;
        }
        tagging.inTransaction(em -> {
            for (Rule rule : matching) {
                if (!rules.hit(em, rule.id(), customer, event.id(), event.time())) {
                    continue; // delivered before
                }
                Duration window = Duration.ofDays(rule.windowDays());
                List<Instant> times = rules.hits(em, rule.id(), customer, event.time().minus(window),
                        event.time().plus(window));
                if (RuleWindow.completes(times, event.time(), window, rule.minCount())) {
                    boolean first = tagging.assign(customer, rule.tag(), Tagging.RULES_GROUP, rule.source(), event.id());
                    LOG.debug("Rule {} completed by event {} for customer {}; tag {} {}", rule.id(), event.id(),
                            customer, rule.tag(), first ? "assigned" : "already held");
                }
                Instant newest = times.isEmpty() ? event.time() : times.getLast();
                rules.prune(em, rule.id(), customer, newest.minus(window));
            }
            return null;
        });
    }

    /** Reads the enabled rules again at the next event. */
    void refresh() {
        readAt = 0;
        enabled = null;
    }

    private List<Rule> enabled() {
        List<Rule> current = enabled;
        long now = System.nanoTime();
        if (current == null || now - readAt > REFRESH.toNanos()) {
            current = tagging.inTransaction(rules::enabled);
            enabled = current;
            readAt = now;
        }
        return current;
    }
}
