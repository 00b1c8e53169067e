-- The demo bundle's progress. Runs on H2 and PostgreSQL; Flyway records it in flyway_demo.
-- Row 0 is written with the organisation in the first transaction of the seed: its presence means "a seed was
-- started on this home", and it holds the plan (seed, size, end of the event window) so that a resumed seed makes
-- the same data. Rows 1..batches are written each in the transaction of its batch: a batch is done exactly when
-- its row exists. The seed is complete when every row 1..batches exists.
CREATE TABLE demo_seed (
    batch      INT                      NOT NULL,
    seed       BIGINT                   NOT NULL,
    persons    INT                      NOT NULL,
    batches    INT                      NOT NULL,
    -- the end of the window the events are spread over (the start of the first run)
    ends_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- what the batch wrote: identity sets resolved, events published
    resolved   INT                      NOT NULL,
    events     INT                      NOT NULL,
    done_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT demo_seed_pk PRIMARY KEY (batch)
);
