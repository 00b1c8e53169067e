-- The imports unit's schema. Runs on H2 and PostgreSQL: standard SQL types only.
-- Every table starts with the unit name ("imports_"); Flyway records this file in flyway_imports.
-- A released migration never changes: add V2__... for the next change.
-- Customer ids are OneID's (kernel-identity), job ids the host's: referred to by value, never by a foreign key.

-- One row per import (a real run; dry runs write nothing). Its counts are updated in the same transaction as each
-- chunk of rows they describe, so after a crash the record says exactly what was written.
CREATE SEQUENCE imports_import_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE imports_import (
    id                BIGINT                   NOT NULL,
    file_name         VARCHAR(255)             NOT NULL,
    -- the column mapping as lines "<header>\t<target>" in column order (see Mapping.encode)
    mapping           VARCHAR(10000)           NOT NULL,
    charset           VARCHAR(20)              NOT NULL,
    delimiter         VARCHAR(10)              NOT NULL,
    actor             VARCHAR(64)              NOT NULL,
    -- QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED
    state             VARCHAR(20)              NOT NULL,
    job_id            BIGINT,
    rows_total        INT                      NOT NULL DEFAULT 0,
    -- rows taken care of: imported or rejected
    rows_done         INT                      NOT NULL DEFAULT 0,
    rows_imported     INT                      NOT NULL DEFAULT 0,
    rows_rejected     INT                      NOT NULL DEFAULT 0,
    customers_created INT                      NOT NULL DEFAULT 0,
    tags_added        INT                      NOT NULL DEFAULT 0,
    -- how many rows of imports_error this import has (at most the cap; rows_rejected may be higher)
    errors_stored     INT                      NOT NULL DEFAULT 0,
    message           VARCHAR(1000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT imports_import_pk PRIMARY KEY (id)
);

CREATE INDEX imports_import_state_ix ON imports_import (state);

-- What was wrong with a rejected row, as the user sees it in the file: row number (header = row 1), column header,
-- value (phone numbers masked) and the reason. At most 10,000 per import (ImportStore.MAX_ERRORS).
CREATE TABLE imports_error (
    import_id   BIGINT        NOT NULL,
    seq         INT           NOT NULL,
    row_number  INT           NOT NULL,
    column_name VARCHAR(255),
    cell_value  VARCHAR(255),
    detail      VARCHAR(1000) NOT NULL,
    CONSTRAINT imports_error_pk PRIMARY KEY (import_id, seq),
    CONSTRAINT imports_error_import_fk FOREIGN KEY (import_id) REFERENCES imports_import (id) ON DELETE CASCADE
);

-- Column mappings saved by name for files of the same shape.
CREATE TABLE imports_mapping (
    name       VARCHAR(100)             NOT NULL,
    mapping    VARCHAR(10000)           NOT NULL,
    saved_by   VARCHAR(64)              NOT NULL,
    saved_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT imports_mapping_pk PRIMARY KEY (name)
);
