-- What a claim stood for, so the graph check need not guess it from the merge history (ADR 0015). H2 and PostgreSQL.
-- held: the claimant held the claimed key when it claimed (it presents the key through its holding record).
-- through_identity: the call's identity that made the claimant one of the call's customers (one it held; an identity
-- that is not a merge key first). Both NULL for claims made before this migration.
ALTER TABLE identity_claim ADD COLUMN held BOOLEAN;
ALTER TABLE identity_claim ADD COLUMN through_identity VARCHAR(300);
