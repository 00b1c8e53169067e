-- Tables of the test doubles of OneID and the event bus: transactional like the real services, so a rolled-back bind
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
CREATE TABLE fakes_event (
    id         VARCHAR(200)  NOT NULL,
    type       VARCHAR(100)  NOT NULL,
    source     VARCHAR(100)  NOT NULL,
    subject    INT,
    event_time TIMESTAMP WITH TIME ZONE NOT NULL,
    data       VARCHAR(4000) NOT NULL,
    CONSTRAINT fakes_event_pk PRIMARY KEY (id)
);
