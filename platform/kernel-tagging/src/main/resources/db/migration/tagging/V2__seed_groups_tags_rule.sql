-- The groups and system tags the kernel ships, and one example rule (disabled). Ids below 1000 are reserved
-- for seeds (tagging_tag_seq starts at 1000). Tag names are what segment expressions use: `tag:lifecycle.new`.
-- RFM buckets come in a later migration (group "rfm").

INSERT INTO tagging_group (name, title_en, title_zh, is_system, created_at) VALUES
    ('default',   'Default',                '默认',     FALSE, CURRENT_TIMESTAMP),
    ('rules',     'Rule tags',              '规则标签', FALSE, CURRENT_TIMESTAMP),
    ('lifecycle', 'Lifecycle',              '生命周期', TRUE,  CURRENT_TIMESTAMP),
    ('reach',     'Ownership of reach',     '流量产权', TRUE,  CURRENT_TIMESTAMP);

-- Lifecycle stage: new (first seen recently), active (bought or engaged recently), dormant (quiet for a while),
-- churned (gone). A customer holds one of them; the rules that move customers between them come later.
INSERT INTO tagging_tag (id, name, group_name, is_system, title_en, title_zh, created_at) VALUES
    (1, 'lifecycle.new',     'lifecycle', TRUE, 'New',     '新客', CURRENT_TIMESTAMP),
    (2, 'lifecycle.active',  'lifecycle', TRUE, 'Active',  '活跃', CURRENT_TIMESTAMP),
    (3, 'lifecycle.dormant', 'lifecycle', TRUE, 'Dormant', '沉睡', CURRENT_TIMESTAMP),
    (4, 'lifecycle.churned', 'lifecycle', TRUE, 'Churned', '流失', CURRENT_TIMESTAMP);

-- 流量产权, ownership of reach (DESIGN.md §1): reachable (a follower or friend, no ownership yet), engaged (pulled
-- closer by content, live or service), owned (operated: repeat purchase, an active member, a guide's customer).
INSERT INTO tagging_tag (id, name, group_name, is_system, title_en, title_zh, created_at) VALUES
    (11, 'reach.reachable', 'reach', TRUE, 'Reachable', '可触达', CURRENT_TIMESTAMP),
    (12, 'reach.engaged',   'reach', TRUE, 'Engaged',   '已互动', CURRENT_TIMESTAMP),
    (13, 'reach.owned',     'reach', TRUE, 'Owned',     '已拥有', CURRENT_TIMESTAMP);

-- Example: two paid orders within 30 days make a repeat buyer (复购客户). Disabled: a brand enables it with
-- UPDATE tagging_rule SET enabled = TRUE WHERE id = 1.
INSERT INTO tagging_rule (id, name, event_type, min_count, window_days, tag, enabled, created_at) VALUES
    (1, 'Repeat buyer: 2 paid orders in 30 days / 复购: 30 天内 2 次付款', 'order.paid', 2, 30, '复购客户', FALSE,
     CURRENT_TIMESTAMP);
