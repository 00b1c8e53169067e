-- The unit cmc (commerce codes): one item, one code. Runs on H2 and PostgreSQL: standard SQL types only.
-- Every table starts with "cmc_"; Flyway records this file in flyway_cmc. A released migration never changes.
-- Product ids and SKU codes are commerce's, customer ids OneID's, job ids the host's: referred to by value, never by
-- a foreign key, so this bundle installs and uninstalls without the others.

-- A batch of codes for one product (and SKU). Its generated count is updated in the transaction that inserts each
-- chunk of codes, so after a crash it says exactly how many codes exist.
CREATE SEQUENCE cmc_batch_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE cmc_batch (
    id           BIGINT                   NOT NULL,
    product_id   BIGINT                   NOT NULL,
    -- the product's name when the batch was made, for the printed sheet and the admin
    product_name VARCHAR(200)             NOT NULL,
    sku_code     VARCHAR(64),
    quantity     INT                      NOT NULL,
    generated    INT                      NOT NULL DEFAULT 0,
    -- GENERATING, READY, FAILED, CANCELLED, INTERRUPTED
    state        VARCHAR(20)              NOT NULL,
    job_id       BIGINT,
    note         VARCHAR(200),
    message      VARCHAR(1000),
    created_by   VARCHAR(64)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT cmc_batch_pk PRIMARY KEY (id)
);

-- One code per unit: 12 characters of Crockford base32 (60 random bits). The primary key is the uniqueness
-- guarantee: a generated code that collides is never stored twice. Bound once: customer_id goes from NULL to the
-- buyer in one conditional UPDATE, so two simultaneous binds cannot both succeed.
CREATE TABLE cmc_code (
    code        CHAR(12)                 NOT NULL,
    batch_id    BIGINT                   NOT NULL,
    -- 1..quantity within the batch: the printing order
    serial      INT                      NOT NULL,
    customer_id INT,
    channel     VARCHAR(32),
    bound_at    TIMESTAMP WITH TIME ZONE,
    bound_by    VARCHAR(64),
    CONSTRAINT cmc_code_pk PRIMARY KEY (code),
    CONSTRAINT cmc_code_serial_uq UNIQUE (batch_id, serial),
    CONSTRAINT cmc_code_batch_fk FOREIGN KEY (batch_id) REFERENCES cmc_batch (id)
);

CREATE INDEX cmc_code_customer_ix ON cmc_code (customer_id);
