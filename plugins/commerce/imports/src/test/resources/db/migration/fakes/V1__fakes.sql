-- Tables of the test doubles of OneID and commerce: transactional like the real services, so a rolled-back chunk
-- leaves nothing in them.

CREATE TABLE fakes_link (
    identity    VARCHAR(300) NOT NULL,
    customer_id INT          NOT NULL,
    CONSTRAINT fakes_link_pk PRIMARY KEY (identity)
);
CREATE TABLE fakes_trait (
    customer_id INT           NOT NULL,
    name        VARCHAR(64)   NOT NULL,
    trait_value VARCHAR(1000) NOT NULL,
    CONSTRAINT fakes_trait_pk PRIMARY KEY (customer_id, name)
);
CREATE TABLE fakes_sku (
    code VARCHAR(64) NOT NULL,
    CONSTRAINT fakes_sku_pk PRIMARY KEY (code)
);
CREATE TABLE fakes_order (
    id          BIGINT       NOT NULL,
    channel     VARCHAR(20)  NOT NULL,
    external_id VARCHAR(64)  NOT NULL,
    customer_id INT          NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    payable_fen BIGINT       NOT NULL,
    refunded_fen BIGINT      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fakes_order_pk PRIMARY KEY (id),
    CONSTRAINT fakes_order_external_uq UNIQUE (channel, external_id)
);
CREATE TABLE fakes_line (
    order_id   BIGINT       NOT NULL,
    seq        INT          NOT NULL,
    sku_code   VARCHAR(64),
    title      VARCHAR(200) NOT NULL,
    quantity   INT          NOT NULL,
    unit_fen   BIGINT       NOT NULL,
    amount_fen BIGINT       NOT NULL,
    CONSTRAINT fakes_line_pk PRIMARY KEY (order_id, seq)
);
