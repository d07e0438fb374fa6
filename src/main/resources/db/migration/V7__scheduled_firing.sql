-- Clientbook V7: scheduled jobs happen once per firing, however many replicas fire them.

-- Every replica's scheduler fires each job at the same cron instants. The first to insert the
-- (job, scheduled_at) row does the work, in the same transaction; the others find the row and skip.
-- The advisory locks keep two replicas from working at the same time; this row keeps a replica that
-- fires a little later (a slow thread, a run faster than the gap) from doing the same firing again.
CREATE TABLE scheduled_firing (
    job          varchar(50)   NOT NULL,
    -- The firing's instant by the cron: the same on every replica, whatever its clock says now.
    scheduled_at timestamptz   NOT NULL,
    -- Who took it: host and process id.
    instance     varchar(200)  NOT NULL,
    claimed_at   timestamptz   NOT NULL,
    PRIMARY KEY (job, scheduled_at)
);
