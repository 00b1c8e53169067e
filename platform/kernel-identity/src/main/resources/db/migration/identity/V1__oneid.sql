-- OneID's schema. Runs on H2 and PostgreSQL: standard SQL types only.
-- Every table starts with the unit name ("identity_"); Flyway records this file in flyway_identity.
-- A migration, once released, never changes: add V2__... for the next change.

-- Customer ids are compact INTs (tag bitmaps index by them). The sequence hands out blocks of 50 (the entity's
-- allocationSize), so a restart leaves a gap of at most 49 ids.
CREATE SEQUENCE identity_customer_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE identity_customer (
    id            INTEGER                  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- source attribution: the channel of the first identity, the campaign and guide of the first touch
    first_channel VARCHAR(32)              NOT NULL,
    campaign      VARCHAR(200),
    owner         VARCHAR(200),
    -- the survivor's id once this customer was merged into another; 0 while it is a customer of its own
    merged_into   INTEGER                  NOT NULL DEFAULT 0,
    CONSTRAINT identity_customer_pk PRIMARY KEY (id)
);

-- count() counts the customers that were not merged.
CREATE INDEX identity_customer_merged_idx ON identity_customer (merged_into);

-- Traits as name/value rows: no JSON on either database, and a merge never has to rewrite them.
CREATE TABLE identity_trait (
    customer_id INTEGER       NOT NULL,
    trait_name  VARCHAR(64)   NOT NULL,
    trait_value VARCHAR(1000) NOT NULL,
    CONSTRAINT identity_trait_pk PRIMARY KEY (customer_id, trait_name)
);

-- One row per identity: the primary key is the unique constraint that backs the write lock (one customer per
-- identity, whatever two writers do).
CREATE TABLE identity_link (
    identity         VARCHAR(300)             NOT NULL,
    customer_id      INTEGER                  NOT NULL,
    channel          VARCHAR(32)              NOT NULL,
    linked_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the merge that moved this identity to its customer, or NULL if it was linked there directly
    brought_by_merge BIGINT,
    CONSTRAINT identity_link_pk PRIMARY KEY (identity)
);

CREATE INDEX identity_link_customer_idx ON identity_link (customer_id);

CREATE SEQUENCE identity_merge_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE identity_merge (
    id        BIGINT                   NOT NULL,
    survivor  INTEGER                  NOT NULL,
    merged    INTEGER                  NOT NULL,
    rule      VARCHAR(64)              NOT NULL,
    -- the shared identity, masked (it is shown in the admin)
    evidence  VARCHAR(300)             NOT NULL,
    actor     VARCHAR(100)             NOT NULL,
    merged_at TIMESTAMP WITH TIME ZONE NOT NULL,
    undone_at TIMESTAMP WITH TIME ZONE,
    undone_by VARCHAR(100),
    CONSTRAINT identity_merge_pk PRIMARY KEY (id)
);

CREATE INDEX identity_merge_survivor_idx ON identity_merge (survivor);
CREATE INDEX identity_merge_merged_idx ON identity_merge (merged);

-- Exactly the identities one merge moved, with the merge that had brought each one before: undo puts every one
-- back as it was, even when the merged customer had itself absorbed others.
CREATE TABLE identity_merge_move (
    merge_id        BIGINT       NOT NULL,
    identity        VARCHAR(300) NOT NULL,
    previous_merge  BIGINT,
    CONSTRAINT identity_merge_move_pk PRIMARY KEY (merge_id, identity)
);

-- Merge protection. Every distinct customer that held or presented a merge-key identity in a resolution that
-- would merge through it. Once more customers than the poison threshold claimed it, it is poison.
CREATE TABLE identity_claim (
    identity    VARCHAR(300)             NOT NULL,
    customer_id INTEGER                  NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT identity_claim_pk PRIMARY KEY (identity, customer_id)
);

CREATE INDEX identity_claim_customer_idx ON identity_claim (customer_id);

-- Identities that never merge anyone again (a shop's iPad, a shared phone).
CREATE TABLE identity_poison (
    identity   VARCHAR(300)             NOT NULL,
    claims     INTEGER                  NOT NULL,
    flagged_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT identity_poison_pk PRIMARY KEY (identity)
);
