-- The org unit's schema: org units (HQ -> region -> store), staff (guides) and the accounts linked to a unit.
-- Runs on H2 and PostgreSQL: standard SQL types only. Every table starts with the unit name ("org_"); Flyway
-- records this file in flyway_org. A released migration never changes: add V3__... for the next change.

-- The kinds of unit (OrgUnit.Kind). A table and a foreign key rather than CHECK (kind IN (...)): H2 2.4 evaluates
-- such a check (and ORs of equalities, which it rewrites to IN) with the session that created the table, so once
-- Flyway's connection has closed every insert fails with "Check constraint invalid ... database has been closed".
CREATE TABLE org_unit_kind (
    kind VARCHAR(16) NOT NULL,
    CONSTRAINT org_unit_kind_pk PRIMARY KEY (kind)
);

INSERT INTO org_unit_kind (kind) VALUES ('HQ');
INSERT INTO org_unit_kind (kind) VALUES ('REGION');
INSERT INTO org_unit_kind (kind) VALUES ('STORE');

-- The tree. Ids are stable codes chosen by the brand (hq, east, sh-jingan) because other bundles and customers'
-- owners refer to them by value. Whether the tree is a tree (no cycle, one root, nothing below a store) is checked
-- by the service, which locks the root row while it changes the tree.
CREATE TABLE org_unit (
    id         VARCHAR(64)              NOT NULL,
    parent_id  VARCHAR(64),
    name       VARCHAR(100)             NOT NULL,
    kind       VARCHAR(16)              NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(100)             NOT NULL,
    CONSTRAINT org_unit_pk PRIMARY KEY (id),
    CONSTRAINT org_unit_parent_fk FOREIGN KEY (parent_id) REFERENCES org_unit (id),
    CONSTRAINT org_unit_kind_fk FOREIGN KEY (kind) REFERENCES org_unit_kind (kind)
);

CREATE INDEX org_unit_parent_idx ON org_unit (parent_id);

-- Staff (guides, store managers). A customer's owner (kernel-identity) is a staff id, referred to by value.
CREATE TABLE org_staff (
    id         VARCHAR(64)              NOT NULL,
    name       VARCHAR(100)             NOT NULL,
    unit_id    VARCHAR(64)              NOT NULL,
    -- the member's admin account, if any; one staff member per account (NULLs do not collide)
    account    VARCHAR(100),
    active     BOOLEAN                  NOT NULL DEFAULT TRUE,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(100)             NOT NULL,
    CONSTRAINT org_staff_pk PRIMARY KEY (id),
    CONSTRAINT org_staff_unit_fk FOREIGN KEY (unit_id) REFERENCES org_unit (id),
    CONSTRAINT org_staff_account_uq UNIQUE (account)
);

CREATE INDEX org_staff_unit_idx ON org_staff (unit_id);

-- Which unit an admin account belongs to: its data scope. No row: the account sees everything its role allows.
CREATE TABLE org_account_unit (
    account   VARCHAR(100)             NOT NULL,
    unit_id   VARCHAR(64)              NOT NULL,
    linked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    linked_by VARCHAR(100)             NOT NULL,
    CONSTRAINT org_account_unit_pk PRIMARY KEY (account),
    CONSTRAINT org_account_unit_unit_fk FOREIGN KEY (unit_id) REFERENCES org_unit (id)
);
