-- Where a link came from, so the graph check can find identities joined to a customer through a key that turned out
-- to be poison (a shop's phone) without any merge, and split them off. See ADR 0015. H2 and PostgreSQL.

-- For an identity a resolution linked to a customer that existed before it: the resolution's identity, already
-- linked to that customer, through which it reached the customer (linked_via), and the first identity the resolution
-- linked (linked_with: the same on every identity that resolution linked, the group's lead). Both NULL for the
-- identities a customer was created with and for links made before this migration. A merge moves an identity and
-- keeps both.
ALTER TABLE identity_link ADD COLUMN linked_via VARCHAR(300);
ALTER TABLE identity_link ADD COLUMN linked_with VARCHAR(300);

CREATE SEQUENCE identity_split_seq START WITH 1 INCREMENT BY 50;

-- Every split: identities an operator moved off a customer (to a new customer or back to the one they belong with)
-- because the graph check found they had been linked there only through keys that are poison now.
CREATE TABLE identity_split (
    id            BIGINT                   NOT NULL,
    from_customer INTEGER                  NOT NULL,
    to_customer   INTEGER                  NOT NULL,
    -- whether to_customer was created by the split
    created       BOOLEAN                  NOT NULL,
    identities    INTEGER                  NOT NULL,
    -- the key that had linked them, masked (it is shown in the admin)
    evidence      VARCHAR(300)             NOT NULL,
    actor         VARCHAR(100)             NOT NULL,
    split_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT identity_split_pk PRIMARY KEY (id)
);

CREATE INDEX identity_split_from_idx ON identity_split (from_customer);
CREATE INDEX identity_split_to_idx ON identity_split (to_customer);
