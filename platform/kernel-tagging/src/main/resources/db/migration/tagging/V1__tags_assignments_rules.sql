-- The tagging unit's schema. Runs on H2 and PostgreSQL: standard SQL types only.
-- Every table starts with the unit name ("tagging_"); Flyway records this file in flyway_tagging.
-- A released migration never changes: add V3__... for the next change.
-- Customer ids are OneID's compact ids (kernel-identity): referred to by value, never by a foreign key.

-- Groups of tags. System groups hold the tags the kernel maintains (lifecycle, ownership of reach).
CREATE TABLE tagging_group (
    name       VARCHAR(64)              NOT NULL,
    title_en   VARCHAR(64)              NOT NULL,
    title_zh   VARCHAR(64),
    is_system  BOOLEAN                  NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tagging_group_pk PRIMARY KEY (name)
);

-- Ids 1-999 are kept for tags seeded by migrations; tags created at run time start at 1000. INT ids: a bitmap
-- per tag is keyed by them. Increment 1 (= the entity's allocationSize): tags are created rarely.
CREATE SEQUENCE tagging_tag_seq START WITH 1000 INCREMENT BY 1;

CREATE TABLE tagging_tag (
    id         INT                      NOT NULL,
    -- what segment expressions name (tag:<name>); unique, case-sensitive, Chinese names are normal
    name       VARCHAR(64)              NOT NULL,
    group_name VARCHAR(64)              NOT NULL,
    is_system  BOOLEAN                  NOT NULL DEFAULT FALSE,
    -- optional display titles; the admin shows the name when they are empty
    title_en   VARCHAR(64),
    title_zh   VARCHAR(64),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tagging_tag_pk PRIMARY KEY (id),
    CONSTRAINT tagging_tag_name_uq UNIQUE (name),
    CONSTRAINT tagging_tag_group_fk FOREIGN KEY (group_name) REFERENCES tagging_group (name)
);

-- One row per customer, tag and source: a customer can hold a tag for several reasons, each with its evidence.
CREATE TABLE tagging_assignment (
    customer_id INT                      NOT NULL,
    tag_id      INT                      NOT NULL,
    -- manual, import, system, rule:<rule id>, plugin:<bundle>
    source      VARCHAR(100)             NOT NULL,
    -- the event id, user, or file and row that justify it
    evidence    VARCHAR(500),
    assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tagging_assignment_pk PRIMARY KEY (customer_id, tag_id, source),
    CONSTRAINT tagging_assignment_tag_fk FOREIGN KEY (tag_id) REFERENCES tagging_tag (id)
);

-- The bitmap rebuild reads every assignment ordered by tag, then customer.
CREATE INDEX tagging_assignment_tag_idx ON tagging_assignment (tag_id, customer_id);

-- What a merge moved from the merged customer to the survivor, so that undoing the merge restores it exactly.
CREATE TABLE tagging_moved (
    merge_id     BIGINT                   NOT NULL,
    merged_id    INT                      NOT NULL,
    survivor_id  INT                      NOT NULL,
    tag_id       INT                      NOT NULL,
    source       VARCHAR(100)             NOT NULL,
    evidence     VARCHAR(500),
    assigned_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the survivor already held this tag from this source: nothing was added to it, so undo removes nothing
    survivor_had BOOLEAN                  NOT NULL,
    moved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- set when the merge was undone and the row given back
    restored_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT tagging_moved_pk PRIMARY KEY (merge_id, tag_id, source)
);

-- Rules over events: "min_count events of event_type within window_days give the customer the tag".
CREATE TABLE tagging_rule (
    id          INT                      NOT NULL,
    name        VARCHAR(200)             NOT NULL,
    -- an event type (order.paid) or a prefix pattern (order.*)
    event_type  VARCHAR(100)             NOT NULL,
    min_count   INT                      NOT NULL,
    window_days INT                      NOT NULL,
    -- the tag's name; created in the group "rules" when the rule first fires
    tag         VARCHAR(64)              NOT NULL,
    enabled     BOOLEAN                  NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tagging_rule_pk PRIMARY KEY (id),
    CONSTRAINT tagging_rule_count_ck CHECK (min_count >= 1),
    CONSTRAINT tagging_rule_window_ck CHECK (window_days >= 1)
);

-- The events that counted towards a rule, per customer, kept for the rule's window (older ones are pruned).
CREATE TABLE tagging_rule_hit (
    rule_id     INT                      NOT NULL,
    customer_id INT                      NOT NULL,
    event_id    VARCHAR(100)             NOT NULL,
    -- the event's time (when it happened, not when it was delivered)
    hit_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tagging_rule_hit_pk PRIMARY KEY (rule_id, customer_id, event_id)
);

CREATE INDEX tagging_rule_hit_window_idx ON tagging_rule_hit (rule_id, customer_id, hit_at);

-- Events a subscriber has applied: delivery is at least once, so a repeated event id is skipped.
CREATE TABLE tagging_event_seen (
    subscriber VARCHAR(64)              NOT NULL,
    event_id   VARCHAR(100)             NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tagging_event_seen_pk PRIMARY KEY (subscriber, event_id)
);
