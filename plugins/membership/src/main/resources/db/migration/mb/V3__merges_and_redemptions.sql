-- Following OneID's merges, and what a coupon took off.

-- A member merged into another customer keeps its row (its ledger ends with the transfer to the survivor, so its
-- balance is 0 = the sum of its ledger) but is no longer reviewed or tagged; 0 = not merged.
ALTER TABLE mb_member ADD COLUMN merged_into INT DEFAULT 0 NOT NULL;

-- The discount a coupon gave on its order (set when used; NULL before, and for coupons used before V3).
ALTER TABLE mb_coupon ADD COLUMN discount_fen BIGINT;

-- What a customer.merged moved from the merged customer to the survivor, so customer.unmerged can give it back.
-- kind MERGE (ref = the merged customer; amount = its points balance moved, detail = the survivor's tier before,
-- code|since|review), LOT (ref = lot id, amount = its remaining then), FACT (ref = order id), COUPON (ref = coupon
-- id, detail = its issue key before the move, which is renamed when the survivor holds the same key).
CREATE TABLE mb_merge_move (
    merge_id     BIGINT                   NOT NULL,
    kind         VARCHAR(16)              NOT NULL,
    ref          VARCHAR(100)             NOT NULL,
    survivor_id  INT                      NOT NULL,
    merged_id    INT                      NOT NULL,
    amount       BIGINT                   NOT NULL,
    detail       VARCHAR(250),
    moved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    restored_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT mb_merge_move_pk PRIMARY KEY (merge_id, kind, ref)
);
CREATE INDEX mb_merge_move_merged_idx ON mb_merge_move (merged_id, kind);
