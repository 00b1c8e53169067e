-- The universe of segment expressions: every customer OneID knows, so that NOT tag:x also counts customers without
-- any tag. Fed by the subscriber tagging.customers (customer.created adds a row, customer.merged sets the merged
-- customer inactive, customer.unmerged active again) and by assign (a customer that gets a tag and has no row).
-- The universe is the active customers plus any customer that holds a tag.
CREATE TABLE tagging_customer (
    customer_id INT     NOT NULL,
    -- false: merged into another customer (and not unmerged since)
    active      BOOLEAN NOT NULL,
    CONSTRAINT tagging_customer_pk PRIMARY KEY (customer_id)
);

-- Customers tagged before this table existed. (The subscriber starts at the earliest retained event, so the
-- customer.created events still on the bus add the others.)
INSERT INTO tagging_customer (customer_id, active)
SELECT DISTINCT customer_id, TRUE FROM tagging_assignment;

-- Customers merged away whose tags were moved and not given back: known, but not in the universe.
INSERT INTO tagging_customer (customer_id, active)
SELECT DISTINCT merged_id, FALSE FROM tagging_moved m
WHERE m.restored_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM tagging_customer c WHERE c.customer_id = m.merged_id);
