-- Membership's schema (unit "mb": every table starts with mb_, history in flyway_mb). Runs on H2 and PostgreSQL.
-- Customers are kernel ids (INT); orders are the ids their events carry (text). No foreign key leaves this bundle.
-- A migration, once released, never changes: add V3__... for the next change.

-- Tiers, lowest rank first. code is the stable key; the names show in the admin and make the tier tags (会员:金卡).
CREATE TABLE mb_tier (
    code              VARCHAR(32)              NOT NULL,
    rank_no           INT                      NOT NULL,
    name_zh           VARCHAR(32)              NOT NULL,
    name_en           VARCHAR(64)              NOT NULL,
    -- thresholds of the two bases; the configuration chooses which one counts (SPEND: rolling 12 months, fen)
    min_spend_fen     BIGINT                   NOT NULL,
    min_growth        BIGINT                   NOT NULL,
    -- benefits
    discount_percent  INT                      NOT NULL,
    free_shipping     BOOLEAN                  NOT NULL,
    warranty_months   INT                      NOT NULL,
    birthday_gift     VARCHAR(200)             NOT NULL,
    -- points per ¥100 paid (100 = 1 point per yuan)
    points_per_100    INT                      NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by        VARCHAR(100)             NOT NULL,
    CONSTRAINT mb_tier_pk PRIMARY KEY (code),
    CONSTRAINT mb_tier_rank_uq UNIQUE (rank_no)
);

-- A customer who has earned something. points is the balance, kept equal to the sum of the ledger in the same
-- transaction as every ledger row; the row is locked (SELECT ... FOR UPDATE) by every movement.
CREATE TABLE mb_member (
    customer_id  INT                      NOT NULL,
    tier_code    VARCHAR(32)              NOT NULL,
    tier_since   TIMESTAMP WITH TIME ZONE NOT NULL,
    review_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    points       BIGINT                   NOT NULL,
    growth       BIGINT                   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mb_member_pk PRIMARY KEY (customer_id)
);
CREATE INDEX mb_member_review_idx ON mb_member (review_at);

CREATE SEQUENCE mb_ledger_seq START WITH 1 INCREMENT BY 50;
-- Every movement of points. points is signed (earn > 0; redeem, claw back, expire < 0). cause_key makes a cause
-- count once (order:<id> for an earn, refund:<order>:<refund> for a claw-back, expire:<lot>, redeem:<request>).
CREATE TABLE mb_points_ledger (
    id            BIGINT                   NOT NULL,
    customer_id   INT                      NOT NULL,
    kind          VARCHAR(16)              NOT NULL,
    points        BIGINT                   NOT NULL,
    balance_after BIGINT                   NOT NULL,
    -- what a claw-back could not take because the points were gone (and the rules forbid a negative balance)
    shortfall     BIGINT                   NOT NULL,
    cause_key     VARCHAR(250),
    order_id      VARCHAR(100),
    event_id      VARCHAR(200),
    actor         VARCHAR(100),
    note          VARCHAR(500)             NOT NULL,
    happened_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mb_points_ledger_pk PRIMARY KEY (id),
    CONSTRAINT mb_points_ledger_cause_uq UNIQUE (cause_key)
);
CREATE INDEX mb_points_ledger_customer_idx ON mb_points_ledger (customer_id, id);

CREATE SEQUENCE mb_lot_seq START WITH 1 INCREMENT BY 50;
-- Earned points by batch, consumed oldest first; remaining reaches 0 when used, clawed back or expired.
CREATE TABLE mb_points_lot (
    id           BIGINT                   NOT NULL,
    customer_id  INT                      NOT NULL,
    ledger_id    BIGINT                   NOT NULL,
    points       BIGINT                   NOT NULL,
    remaining    BIGINT                   NOT NULL,
    earned_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- NULL: never expires
    expires_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT mb_points_lot_pk PRIMARY KEY (id)
);
CREATE INDEX mb_points_lot_customer_idx ON mb_points_lot (customer_id, earned_at);
CREATE INDEX mb_points_lot_expiry_idx ON mb_points_lot (expires_at);

-- Which lots a debit took its points from (the FIFO trail).
CREATE TABLE mb_points_use (
    ledger_id  BIGINT NOT NULL,
    lot_id     BIGINT NOT NULL,
    points     BIGINT NOT NULL,
    CONSTRAINT mb_points_use_pk PRIMARY KEY (ledger_id, lot_id)
);

-- The projection of order.paid / order.refunded: tiers (rolling spend) and the analytics read it. One row per
-- order id, so the same order paid under two event ids counts once.
CREATE TABLE mb_order_fact (
    order_id       VARCHAR(100)             NOT NULL,
    customer_id    INT                      NOT NULL,
    channel        VARCHAR(64)              NOT NULL,
    paid_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_fen       BIGINT                   NOT NULL,
    refunded_fen   BIGINT                   NOT NULL,
    points_earned  BIGINT                   NOT NULL,
    points_clawed  BIGINT                   NOT NULL,
    growth         BIGINT                   NOT NULL,
    event_id       VARCHAR(200)             NOT NULL,
    CONSTRAINT mb_order_fact_pk PRIMARY KEY (order_id)
);
CREATE INDEX mb_order_fact_customer_idx ON mb_order_fact (customer_id, paid_at);

-- Idempotency: events (and refund ids) a handler has applied, written in the handler's transaction.
CREATE TABLE mb_seen (
    scope     VARCHAR(100)             NOT NULL,
    seen_key  VARCHAR(250)             NOT NULL,
    seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mb_seen_pk PRIMARY KEY (scope, seen_key)
);

CREATE SEQUENCE mb_template_seq START WITH 1 INCREMENT BY 50;
-- Coupon templates. kind AMOUNT_OFF uses amount_fen, PERCENT_OFF percent_off (capped by max_discount_fen if set).
-- Validity is absolute (valid_from/valid_until) or valid_days after issue. issued never exceeds stock: it is
-- raised by one conditional UPDATE per coupon.
CREATE TABLE mb_coupon_template (
    id                BIGINT                   NOT NULL,
    name              VARCHAR(100)             NOT NULL,
    kind              VARCHAR(16)              NOT NULL,
    amount_fen        BIGINT                   NOT NULL,
    percent_off       INT                      NOT NULL,
    max_discount_fen  BIGINT,
    threshold_fen     BIGINT                   NOT NULL,
    valid_from        TIMESTAMP WITH TIME ZONE,
    valid_until       TIMESTAMP WITH TIME ZONE,
    valid_days        INT,
    stock             BIGINT                   NOT NULL,
    issued            BIGINT                   NOT NULL,
    active            BOOLEAN                  NOT NULL,
    created_by        VARCHAR(100)             NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mb_coupon_template_pk PRIMARY KEY (id)
);

CREATE SEQUENCE mb_coupon_seq START WITH 1 INCREMENT BY 50;
-- Issued coupons. issue_key makes an issue count once per customer (run:<id> for a segment run, req:<id> for a
-- request that named one). status ISSUED → USED (order_id) → ISSUED again if the order is released; EXPIRED.
CREATE TABLE mb_coupon (
    id           BIGINT                   NOT NULL,
    code         VARCHAR(32)              NOT NULL,
    template_id  BIGINT                   NOT NULL,
    customer_id  INT                      NOT NULL,
    status       VARCHAR(16)              NOT NULL,
    issue_key    VARCHAR(200),
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_from   TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until  TIMESTAMP WITH TIME ZONE NOT NULL,
    order_id     VARCHAR(100),
    used_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT mb_coupon_pk PRIMARY KEY (id),
    CONSTRAINT mb_coupon_code_uq UNIQUE (code),
    CONSTRAINT mb_coupon_issue_uq UNIQUE (customer_id, issue_key)
);
CREATE INDEX mb_coupon_customer_idx ON mb_coupon (customer_id, status);
CREATE INDEX mb_coupon_expiry_idx ON mb_coupon (status, valid_until);
CREATE INDEX mb_coupon_order_idx ON mb_coupon (order_id);

CREATE SEQUENCE mb_run_seq START WITH 1 INCREMENT BY 50;
-- A bulk issue of a template to a segment: a job; re-running it issues only to the customers it missed.
CREATE TABLE mb_issue_run (
    id           BIGINT                   NOT NULL,
    template_id  BIGINT                   NOT NULL,
    segment      VARCHAR(2000)            NOT NULL,
    state        VARCHAR(16)              NOT NULL,
    total        BIGINT                   NOT NULL,
    issued       BIGINT                   NOT NULL,
    skipped      BIGINT                   NOT NULL,
    message      VARCHAR(1000)            NOT NULL,
    created_by   VARCHAR(100)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT mb_issue_run_pk PRIMARY KEY (id)
);
