-- Clientbook V4: follow-up tasks, the rules that generate them, and the record of what a rule skipped.

-- One row per follow-up rule; the set of rules is fixed (the code knows each trigger), their settings
-- are the business's. Seeded with the defaults of issue 5 (the seeds' cadences).
CREATE TABLE follow_up_rule (
    id                varchar(30)  PRIMARY KEY CHECK (id IN ('THANK_YOU', 'SATISFACTION_SURVEY', 'CHECK_IN',
                          'BIRTHDAY_GREETING', 'HOLIDAY_GREETING', 'COMPLAINT_FOLLOW_UP', 'PURCHASE_INTENT',
                          'VIP_WELCOME', 'WIN_BACK')),
    enabled           boolean      NOT NULL,
    title             varchar(200) NOT NULL,
    -- Days from the trigger to the due date (date rules: 0, due on the day).
    delay_days        integer      NOT NULL CHECK (delay_days BETWEEN 0 AND 3650),
    -- Date rules only: how many days ahead of the day the task is created.
    lead_days         integer      CHECK (lead_days BETWEEN 0 AND 365),
    priority          varchar(6)   NOT NULL CHECK (priority IN ('LOW', 'NORMAL', 'HIGH')),
    -- The channel policy: the channels the rule may use, in order of preference after the customer's
    -- preferred one; only consented channels are ever used for marketing-type rules.
    channels          text[]       NOT NULL CHECK (cardinality(channels) >= 1
                          AND channels <@ ARRAY['PHONE', 'EMAIL', 'SMS', 'SOCIAL', 'VISIT']::text[]),
    tiers             text[]       NOT NULL CHECK (tiers <@ ARRAY['A', 'B', 'C']::text[]),
    -- Whether customers no tier run has scored yet (tier null) are covered.
    include_untiered  boolean      NOT NULL,
    -- Rule-specific settings (response hours, days before, check-in intervals, holidays).
    settings          jsonb        NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(settings) = 'object'),
    version           bigint       NOT NULL DEFAULT 0,
    updated_at        timestamptz  NOT NULL
);

INSERT INTO follow_up_rule (id, enabled, title, delay_days, lead_days, priority, channels, tiers, include_untiered, settings, updated_at) VALUES
 ('THANK_YOU', true, 'Thank the customer for the purchase', 2, NULL, 'NORMAL',
  ARRAY['EMAIL', 'SMS', 'PHONE', 'SOCIAL', 'VISIT'], ARRAY['A', 'B', 'C'], true, '{}', now()),
 ('SATISFACTION_SURVEY', true, 'Ask how the product is working out', 7, NULL, 'NORMAL',
  ARRAY['EMAIL', 'SMS', 'PHONE', 'SOCIAL', 'VISIT'], ARRAY['A', 'B', 'C'], true, '{}', now()),
 ('CHECK_IN', true, 'Keep in touch', 0, NULL, 'NORMAL',
  ARRAY['PHONE', 'EMAIL', 'SMS', 'SOCIAL', 'VISIT'], ARRAY['A', 'B'], false, '{"intervalDays": {"A": 30, "B": 90}}', now()),
 ('BIRTHDAY_GREETING', true, 'Birthday greeting', 0, 7, 'NORMAL',
  ARRAY['EMAIL', 'SMS', 'PHONE', 'SOCIAL', 'VISIT'], ARRAY['A', 'B', 'C'], true, '{}', now()),
 ('HOLIDAY_GREETING', true, 'Holiday greeting', 0, 7, 'LOW',
  ARRAY['EMAIL', 'SMS', 'PHONE', 'SOCIAL', 'VISIT'], ARRAY['A', 'B', 'C'], true,
  '{"holidays": [{"date": "01-01", "name": "New Year''s Day"}, {"date": "12-25", "name": "Christmas Day"}]}', now()),
 ('COMPLAINT_FOLLOW_UP', true, 'Follow up on the complaint', 3, NULL, 'HIGH',
  ARRAY['PHONE', 'EMAIL', 'SMS', 'SOCIAL', 'VISIT'], ARRAY['A', 'B', 'C'], true, '{"responseHours": 24}', now()),
 ('PURCHASE_INTENT', true, 'Follow up on the intention to buy', 1, NULL, 'NORMAL',
  ARRAY['PHONE', 'EMAIL', 'SMS', 'SOCIAL', 'VISIT'], ARRAY['A', 'B', 'C'], true, '{"daysBefore": 7}', now()),
 ('VIP_WELCOME', true, 'Welcome the customer as a key customer', 1, NULL, 'HIGH',
  ARRAY['PHONE', 'EMAIL', 'SMS', 'SOCIAL', 'VISIT'], ARRAY['A'], false, '{}', now()),
 ('WIN_BACK', true, 'Win the customer back', 3, NULL, 'HIGH',
  ARRAY['PHONE', 'EMAIL', 'SMS', 'SOCIAL', 'VISIT'], ARRAY['A', 'B', 'C'], false, '{}', now());

CREATE TABLE task (
    id              uuid PRIMARY KEY,
    customer_id     uuid          NOT NULL REFERENCES customer (id),
    type            varchar(20)   NOT NULL CHECK (type IN ('THANK_YOU', 'SATISFACTION_SURVEY', 'CHECK_IN',
                        'BIRTHDAY_GREETING', 'HOLIDAY_GREETING', 'PROMOTION_INVITE', 'COMPLAINT_FOLLOW_UP',
                        'WIN_BACK', 'VIP_WELCOME', 'PURCHASE_INTENT', 'CUSTOM')),
    title           varchar(200)  NOT NULL,
    channel         varchar(10)   NOT NULL CHECK (channel IN ('PHONE', 'EMAIL', 'SMS', 'SOCIAL', 'VISIT')),
    due_at          timestamptz   NOT NULL,
    assignee        varchar(100),
    priority        varchar(6)    NOT NULL CHECK (priority IN ('LOW', 'NORMAL', 'HIGH')),
    -- The work queue sorts HIGH first: a rank the (due_at, priority_rank, id) indexes can serve.
    priority_rank   smallint      GENERATED ALWAYS AS (CASE priority WHEN 'HIGH' THEN 0 WHEN 'NORMAL' THEN 1 ELSE 2 END) STORED,
    status          varchar(10)   NOT NULL CHECK (status IN ('OPEN', 'DONE', 'CANCELLED')),
    outcome         varchar(1000),
    completed_at    timestamptz,
    -- The contact-log entry written when the task was last completed.
    interaction_id  uuid          REFERENCES interaction (id),
    -- What made the task: a rule id, CAMPAIGN (later), or MANUAL; with the trigger for generated ones.
    source          varchar(30)   NOT NULL,
    trigger_key     varchar(200),
    -- Marketing-type tasks (everything but complaint follow-ups) count for the contact-frequency cap.
    marketing       boolean       NOT NULL,
    -- The set-based statement that created the task (null for one-by-one creation): lets a batch
    -- event name its tasks without carrying them.
    generation_id   uuid,
    created_by      varchar(100),
    version         bigint        NOT NULL DEFAULT 0,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    CHECK ((source = 'MANUAL') = (trigger_key IS NULL)),
    CHECK (status <> 'DONE' OR (outcome IS NOT NULL AND completed_at IS NOT NULL)),
    CHECK (status = 'DONE' OR completed_at IS NULL)
);

-- Exactly once: a rule and its trigger create at most one task per customer, whatever retries,
-- replays, re-runs or replicas happen (INSERT ... ON CONFLICT DO NOTHING against this key).
CREATE UNIQUE INDEX task_trigger_uq ON task (source, customer_id, trigger_key) WHERE trigger_key IS NOT NULL;
-- Lists sort by (due_at, priority_rank, id): the work queue per assignee, per customer, and overall.
CREATE INDEX task_due_idx ON task (due_at, priority_rank, id);
CREATE INDEX task_assignee_idx ON task (assignee, status, due_at, priority_rank, id);
CREATE INDEX task_customer_idx ON task (customer_id, due_at, priority_rank, id);
CREATE INDEX task_open_due_idx ON task (due_at) WHERE status = 'OPEN';
-- The frequency cap looks at a customer's open and recently done marketing tasks.
CREATE INDEX task_marketing_idx ON task (customer_id, due_at) WHERE marketing AND status <> 'CANCELLED';
CREATE INDEX task_generation_idx ON task (generation_id) WHERE generation_id IS NOT NULL;

-- What a rule did not create, and why (no consent, frequency cap, trigger too old). One row per
-- rule, customer and trigger, like the tasks themselves, so re-runs do not repeat it.
CREATE TABLE task_skip (
    id           uuid PRIMARY KEY,
    source       varchar(30)   NOT NULL,
    trigger_key  varchar(200)  NOT NULL,
    customer_id  uuid          NOT NULL REFERENCES customer (id),
    reason       varchar(20)   NOT NULL CHECK (reason IN ('NO_CONSENT', 'FREQUENCY_CAP', 'TOO_LATE')),
    skipped_at   timestamptz   NOT NULL,
    UNIQUE (source, customer_id, trigger_key)
);

CREATE INDEX task_skip_time_idx ON task_skip (skipped_at, id);
CREATE INDEX task_skip_customer_idx ON task_skip (customer_id, skipped_at, id);
