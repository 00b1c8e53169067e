-- Birthday gifts: the birthday a member gave (month and day; the year is not needed and not kept) and, per tier,
-- the coupon template its members get on their birthday.
CREATE TABLE mb_birthday (
    customer_id  INT                      NOT NULL,
    birth_month  INT                      NOT NULL,
    birth_day    INT                      NOT NULL,
    set_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    set_by       VARCHAR(100)             NOT NULL,
    CONSTRAINT mb_birthday_pk PRIMARY KEY (customer_id),
    CONSTRAINT mb_birthday_date CHECK (birth_month BETWEEN 1 AND 12 AND birth_day BETWEEN 1 AND 31)
);
CREATE INDEX mb_birthday_day_idx ON mb_birthday (birth_month, birth_day);

ALTER TABLE mb_tier ADD COLUMN birthday_template_id BIGINT;

-- Work that needs the application (ids from Hibernate's sequences) and must happen once: a node removes the row in
-- the transaction that does the work. 'birthday-templates': a birthday coupon template for each default tier whose
-- birthday gift is a coupon (银卡 生日券 ¥20, 金卡 生日券 ¥50), linked to the tier.
CREATE TABLE mb_pending_seed (
    name  VARCHAR(64) NOT NULL,
    CONSTRAINT mb_pending_seed_pk PRIMARY KEY (name)
);
INSERT INTO mb_pending_seed (name) VALUES ('birthday-templates');
