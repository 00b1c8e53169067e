-- System tags the kernel maintains (lifecycle, reach, RFM) from per-customer facts, and saved segments.
-- Runs on H2 and PostgreSQL: standard SQL types only.

INSERT INTO tagging_group (name, title_en, title_zh, is_system, created_at) VALUES
    ('rfm', 'RFM', 'RFM 模型', TRUE, CURRENT_TIMESTAMP);

-- R (days since the last paid order), F (paid orders in the window), M (paid amount in the window), each 1-5.
INSERT INTO tagging_tag (id, name, group_name, is_system, title_en, title_zh, created_at) VALUES
    (21, 'rfm.R1', 'rfm', TRUE, 'Recency 1', '最近消费 1', CURRENT_TIMESTAMP),
    (22, 'rfm.R2', 'rfm', TRUE, 'Recency 2', '最近消费 2', CURRENT_TIMESTAMP),
    (23, 'rfm.R3', 'rfm', TRUE, 'Recency 3', '最近消费 3', CURRENT_TIMESTAMP),
    (24, 'rfm.R4', 'rfm', TRUE, 'Recency 4', '最近消费 4', CURRENT_TIMESTAMP),
    (25, 'rfm.R5', 'rfm', TRUE, 'Recency 5', '最近消费 5', CURRENT_TIMESTAMP),
    (31, 'rfm.F1', 'rfm', TRUE, 'Frequency 1', '消费频次 1', CURRENT_TIMESTAMP),
    (32, 'rfm.F2', 'rfm', TRUE, 'Frequency 2', '消费频次 2', CURRENT_TIMESTAMP),
    (33, 'rfm.F3', 'rfm', TRUE, 'Frequency 3', '消费频次 3', CURRENT_TIMESTAMP),
    (34, 'rfm.F4', 'rfm', TRUE, 'Frequency 4', '消费频次 4', CURRENT_TIMESTAMP),
    (35, 'rfm.F5', 'rfm', TRUE, 'Frequency 5', '消费频次 5', CURRENT_TIMESTAMP),
    (41, 'rfm.M1', 'rfm', TRUE, 'Monetary 1', '消费金额 1', CURRENT_TIMESTAMP),
    (42, 'rfm.M2', 'rfm', TRUE, 'Monetary 2', '消费金额 2', CURRENT_TIMESTAMP),
    (43, 'rfm.M3', 'rfm', TRUE, 'Monetary 3', '消费金额 3', CURRENT_TIMESTAMP),
    (44, 'rfm.M4', 'rfm', TRUE, 'Monetary 4', '消费金额 4', CURRENT_TIMESTAMP),
    (45, 'rfm.M5', 'rfm', TRUE, 'Monetary 5', '消费金额 5', CURRENT_TIMESTAMP);

-- The eight classic RFM segments: each of R, F, M is high (score >= the configured middle) or low.
INSERT INTO tagging_tag (id, name, group_name, is_system, title_en, title_zh, created_at) VALUES
    (51, 'rfm.important-value',   'rfm', TRUE, 'Important value',    '重要价值客户', CURRENT_TIMESTAMP),
    (52, 'rfm.important-retain',  'rfm', TRUE, 'Important to retain', '重要保持客户', CURRENT_TIMESTAMP),
    (53, 'rfm.important-develop', 'rfm', TRUE, 'Important to develop', '重要发展客户', CURRENT_TIMESTAMP),
    (54, 'rfm.important-winback', 'rfm', TRUE, 'Important to win back', '重要挽留客户', CURRENT_TIMESTAMP),
    (55, 'rfm.general-value',     'rfm', TRUE, 'General value',      '一般价值客户', CURRENT_TIMESTAMP),
    (56, 'rfm.general-retain',    'rfm', TRUE, 'General to retain',  '一般保持客户', CURRENT_TIMESTAMP),
    (57, 'rfm.general-develop',   'rfm', TRUE, 'General to develop', '一般发展客户', CURRENT_TIMESTAMP),
    (58, 'rfm.general-winback',   'rfm', TRUE, 'General to win back', '一般挽留客户', CURRENT_TIMESTAMP);

-- What the subscriber tagging.facts knows about each customer, from event times (not delivery times). Times are
-- NULL until an event sets them; every update keeps the later (or, for created_at, the earlier) time, so events
-- delivered out of order or long after they happened give the same row.
CREATE TABLE tagging_customer_facts (
    customer_id      INT                      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE,
    -- the latest event of an activity type (orders, engagement, configured types) and its type
    last_activity_at TIMESTAMP WITH TIME ZONE,
    last_activity    VARCHAR(100),
    -- the latest event of an engagement type (content.read, live.watched, ...) and its type
    last_engaged_at  TIMESTAMP WITH TIME ZONE,
    last_engaged     VARCHAR(100),
    first_order_at   TIMESTAMP WITH TIME ZONE,
    last_order_at    TIMESTAMP WITH TIME ZONE,
    -- paid orders ever (tagging_customer_order keeps only the recent ones)
    orders_total     INT                      NOT NULL DEFAULT 0,
    -- the channels of the customer's identities, comma-separated and sorted (wecom,phone,...)
    channels         VARCHAR(500),
    -- the staff member who owns the relationship (customer.owner.changed), or NULL
    owner            VARCHAR(100),
    -- the latest member.* signal: TRUE an active member, FALSE left or expired, NULL none seen
    member_active    BOOLEAN,
    member_at        TIMESTAMP WITH TIME ZONE,
    -- the survivor when merged into another customer, else 0
    merged_into      INT                      NOT NULL DEFAULT 0,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tagging_customer_facts_pk PRIMARY KEY (customer_id)
);

-- Paid orders within the longest window (F, M and repeat purchase count them at evaluation time); older rows are
-- pruned by the daily re-evaluation. One row per order event, so a redelivered event counts once. via_merge: the
-- merge that copied the row from the merged customer (0 for the customer's own), removed again when it is undone.
CREATE TABLE tagging_customer_order (
    customer_id INT                      NOT NULL,
    event_id    VARCHAR(100)             NOT NULL,
    paid_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    amount_fen  BIGINT                   NOT NULL,
    via_merge   BIGINT                   NOT NULL DEFAULT 0,
    CONSTRAINT tagging_customer_order_pk PRIMARY KEY (customer_id, event_id)
);

CREATE INDEX tagging_customer_order_time_idx ON tagging_customer_order (paid_at);

-- Segments saved under a name: an expression over tags, counted live.
CREATE SEQUENCE tagging_segment_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE tagging_segment (
    id          INT                      NOT NULL,
    name        VARCHAR(100)             NOT NULL,
    expression  VARCHAR(2000)            NOT NULL,
    description VARCHAR(500),
    created_by  VARCHAR(100)             NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tagging_segment_pk PRIMARY KEY (id),
    CONSTRAINT tagging_segment_name_uq UNIQUE (name)
);
