-- Tables of the test doubles of OneID and tagging: transactional like the real services, so a rolled-back chunk
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
CREATE TABLE fakes_assignment (
    customer_id INT          NOT NULL,
    tag         VARCHAR(64)  NOT NULL,
    source      VARCHAR(100) NOT NULL,
    evidence    VARCHAR(500),
    CONSTRAINT fakes_assignment_pk PRIMARY KEY (customer_id, tag, source)
);
