package org.siyu.kernel.tagging.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code tagging_rule}: rules are rows, written with SQL until an admin for them exists. */
@Entity
@Table(name = "tagging_rule")
public class RuleEntity {

    @Id
    private Integer id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "event_type", nullable = false, length = 100)
    private String eventType;

    @Column(name = "min_count", nullable = false)
    private int minCount;

    @Column(name = "window_days", nullable = false)
    private int windowDays;

    @Column(name = "tag", nullable = false, length = 64)
    private String tag;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected RuleEntity() {
    }

    /** A new rule (tests; production rules come from SQL). */
    RuleEntity(int id, String name, String eventType, int minCount, int windowDays, String tag, boolean enabled,
            Instant createdAt) {
        this.id = id;
        this.name = name;
        this.eventType = eventType;
        this.minCount = minCount;
        this.windowDays = windowDays;
        this.tag = tag;
        this.enabled = enabled;
        this.createdAt = createdAt;
    }

    Rule rule() {
        return new Rule(id, name, eventType, minCount, windowDays, tag);
    }

    void enable(boolean on) {
        this.enabled = on;
    }
}
