-- Acquisition cost (获客成本): what a brand spent per channel and campaign on a day, entered by an operator, set against
-- the customers that channel and campaign brought (identity_customer.first_channel / campaign). H2 and PostgreSQL.

CREATE TABLE identity_acquisition_cost (
    channel     VARCHAR(32)              NOT NULL,
    -- '' for spending on the channel without a campaign: a primary key column cannot be NULL
    campaign    VARCHAR(200)             NOT NULL,
    -- the day in Asia/Shanghai, as the brand's books count it
    cost_day    DATE                     NOT NULL,
    -- money as whole fen (1/100 yuan): no rounding anywhere
    cost_fen    BIGINT                   NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by VARCHAR(100)             NOT NULL,
    CONSTRAINT identity_acquisition_cost_pk PRIMARY KEY (channel, campaign, cost_day),
    CONSTRAINT identity_acquisition_cost_fen_ck CHECK (cost_fen >= 0)
);

CREATE INDEX identity_acquisition_cost_day_idx ON identity_acquisition_cost (cost_day);

-- The report counts the customers created in a period by channel and campaign.
CREATE INDEX identity_customer_created_idx ON identity_customer (created_at);
