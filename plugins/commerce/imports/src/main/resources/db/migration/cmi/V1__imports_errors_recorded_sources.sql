-- The unit cmi (commerce imports): marketplace order imports. Runs on H2 and PostgreSQL: standard SQL types only.
-- Every table starts with "cmi_"; Flyway records this file in flyway_cmi. A released migration never changes.
-- Order ids are commerce's, customer ids OneID's, job ids the host's: referred to by value, never by a foreign key,
-- so this bundle installs and uninstalls without the others.

-- One row per real run (dry runs write nothing). Its counts are updated in the same transaction as each chunk of
-- orders they describe, so after a crash the record says exactly what was written.
CREATE SEQUENCE cmi_import_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE cmi_import (
    id                BIGINT                   NOT NULL,
    -- tmall, jd, douyin: the orders' channel
    source            VARCHAR(20)              NOT NULL,
    file_name         VARCHAR(255)             NOT NULL,
    -- the column mapping as "<column>:<field>,…" (ColumnMapping.encode)
    mapping           VARCHAR(10000)           NOT NULL,
    charset           VARCHAR(20)              NOT NULL,
    delimiter         VARCHAR(10)              NOT NULL,
    actor             VARCHAR(64)              NOT NULL,
    -- QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED
    state             VARCHAR(20)              NOT NULL,
    job_id            BIGINT,
    rows_total        INT                      NOT NULL DEFAULT 0,
    orders_total      INT                      NOT NULL DEFAULT 0,
    -- orders taken care of: created, already recorded or rejected
    orders_done       INT                      NOT NULL DEFAULT 0,
    orders_created    INT                      NOT NULL DEFAULT 0,
    orders_existing   INT                      NOT NULL DEFAULT 0,
    orders_rejected   INT                      NOT NULL DEFAULT 0,
    rows_rejected     INT                      NOT NULL DEFAULT 0,
    customers_created INT                      NOT NULL DEFAULT 0,
    errors_stored     INT                      NOT NULL DEFAULT 0,
    message           VARCHAR(1000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT cmi_import_pk PRIMARY KEY (id)
);

CREATE INDEX cmi_import_state_ix ON cmi_import (state);

-- What was wrong with a rejected row: row number (header = row 1), column header, value (phones masked), reason.
-- At most 10,000 per import (ImportStore.MAX_ERRORS).
CREATE TABLE cmi_error (
    import_id   BIGINT        NOT NULL,
    seq         INT           NOT NULL,
    row_number  INT           NOT NULL,
    column_name VARCHAR(255),
    cell_value  VARCHAR(255),
    detail      VARCHAR(1000) NOT NULL,
    CONSTRAINT cmi_error_pk PRIMARY KEY (import_id, seq),
    CONSTRAINT cmi_error_import_fk FOREIGN KEY (import_id) REFERENCES cmi_import (id) ON DELETE CASCADE
);

-- Every marketplace order this bundle recorded in commerce, written in the same transaction as the recording: a
-- re-import skips them without asking OneID or commerce again, and a dry run tells new orders from recorded ones.
CREATE TABLE cmi_recorded (
    channel     VARCHAR(20)              NOT NULL,
    external_id VARCHAR(64)              NOT NULL,
    order_id    BIGINT                   NOT NULL,
    customer_id INT                      NOT NULL,
    import_id   BIGINT                   NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT cmi_recorded_pk PRIMARY KEY (channel, external_id)
);

-- A source's configuration as an operator edited it (SourceConfig.encode); a source without a row uses the shipped
-- defaults (Defaults).
CREATE TABLE cmi_source (
    source   VARCHAR(20)              NOT NULL,
    config   VARCHAR(20000)           NOT NULL,
    saved_by VARCHAR(64)              NOT NULL,
    saved_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT cmi_source_pk PRIMARY KEY (source)
);
