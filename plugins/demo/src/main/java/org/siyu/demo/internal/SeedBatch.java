package org.siyu.demo.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code demo_seed}: one batch done (row 0: the seed started, with its plan). */
@Entity
@Table(name = "demo_seed")
public class SeedBatch {

    @Id
    @Column(name = "batch")
    private int batch;

    @Column(name = "seed", nullable = false)
    private long seed;

    @Column(name = "persons", nullable = false)
    private int persons;

    @Column(name = "batches", nullable = false)
    private int batches;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "resolved", nullable = false)
    private int resolved;

    @Column(name = "events", nullable = false)
    private int events;

    @Column(name = "done_at", nullable = false)
    private Instant doneAt;

    protected SeedBatch() {
    }

    SeedBatch(int batch, DemoPlan.Settings settings, int batches, int resolved, int events, Instant doneAt) {
        this.batch = batch;
        this.seed = settings.seed();
        this.persons = settings.persons();
        this.batches = batches;
        this.endsAt = settings.endsAt();
        this.resolved = resolved;
        this.events = events;
        this.doneAt = doneAt;
    }

    int batch() {
        return batch;
    }

    int batches() {
        return batches;
    }

    DemoPlan.Settings settings() {
        return new DemoPlan.Settings(seed, persons, endsAt);
    }
}
