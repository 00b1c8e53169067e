-- The notes sample's schema. Runs on H2 and PostgreSQL: standard SQL types only.
-- Every table of the bundle starts with its unit name ("notes_"); Flyway records this file in flyway_notes.
-- A migration, once released, never changes: add V2__... for the next change.

-- Ids come from a sequence that hands out blocks of 50 (the entity's allocationSize), so Hibernate can batch
-- inserts without asking the database for every id.
CREATE SEQUENCE notes_note_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE notes_note (
    id         BIGINT                   NOT NULL,
    title      VARCHAR(200)             NOT NULL,
    -- VARCHAR with a limit rather than TEXT or CLOB: the same type and JDBC mapping on both databases.
    body       VARCHAR(100000)          NOT NULL DEFAULT '',
    pinned     BOOLEAN                  NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT notes_note_pk PRIMARY KEY (id)
);

-- The list shows pinned notes first, then the most recently updated.
CREATE INDEX notes_note_list_idx ON notes_note (pinned, updated_at);
