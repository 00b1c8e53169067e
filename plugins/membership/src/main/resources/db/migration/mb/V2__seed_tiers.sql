-- The default tiers, seeded once on the first start (editable in the admin, Membership › Tiers).
-- Thresholds in fen of rolling 12-month spend (¥0 / ¥1,000 / ¥5,000 / ¥20,000) and in growth value (1 per yuan).
INSERT INTO mb_tier (code, rank_no, name_zh, name_en, min_spend_fen, min_growth, discount_percent, free_shipping,
                     warranty_months, birthday_gift, points_per_100, updated_at, updated_by) VALUES
    ('regular', 0, '普通会员', 'Member',       0,       0,     0,  FALSE, 0,  '',          100, CURRENT_TIMESTAMP, 'system'),
    ('silver',  1, '银卡',     'Silver',       100000,  1000,  2,  FALSE, 0,  '生日券 ¥20', 120, CURRENT_TIMESTAMP, 'system'),
    ('gold',    2, '金卡',     'Gold',         500000,  5000,  5,  TRUE,  6,  '生日券 ¥50', 150, CURRENT_TIMESTAMP, 'system'),
    ('black',   3, '黑金',     'Black Gold',   2000000, 20000, 10, TRUE,  12, '生日礼盒',   200, CURRENT_TIMESTAMP, 'system');
