-- The root of the tree: headquarters. An account linked to it, like an account linked to nothing, sees every
-- customer. The brand may rename it; its id stays "hq".
INSERT INTO org_unit (id, parent_id, name, kind, updated_at, updated_by)
VALUES ('hq', NULL, '总部', 'HQ', CURRENT_TIMESTAMP, 'system');
