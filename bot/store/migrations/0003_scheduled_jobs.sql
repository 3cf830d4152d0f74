-- The durable due-job queue behind bot/schedule. Each row is one occurrence
-- of a job: a one-shot job has one row; a recurring series (spec + zone) has
-- one row per occurrence, the next inserted in the same transaction that
-- finishes the current one, so a series never has two pending rows (enforced
-- below) and a long outage never leaves a backlog of them.
--
-- Times are Unix seconds, UTC. due_at is the occurrence the job stands for;
-- run_at is when it may next be tried (due_at, or later after a transient
-- failure). A claimed row belongs to claimed_by until lease_until; a process
-- that dies mid-job leaves the lease to expire and the job to be claimed again.
CREATE TABLE scheduled_jobs (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL,
    job_key     TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    due_at      INTEGER NOT NULL,
    run_at      INTEGER NOT NULL,
    spec        TEXT    NOT NULL DEFAULT '',
    zone        TEXT    NOT NULL DEFAULT '',
    until_at    INTEGER NOT NULL DEFAULT 0,
    state       TEXT    NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'claimed', 'done', 'failed', 'skipped', 'cancelled')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    claimed_by  TEXT    NOT NULL DEFAULT '',
    claimed_at  INTEGER NOT NULL DEFAULT 0,
    lease_until INTEGER NOT NULL DEFAULT 0,
    late        INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    finished_at INTEGER NOT NULL DEFAULT 0
) STRICT;

-- At most one pending occurrence per key: rescheduling replaces it, and a
-- series cannot fork.
CREATE UNIQUE INDEX scheduled_jobs_one_pending ON scheduled_jobs (job_key) WHERE state = 'pending';
CREATE INDEX scheduled_jobs_runnable ON scheduled_jobs (run_at) WHERE state = 'pending';
CREATE INDEX scheduled_jobs_leased ON scheduled_jobs (lease_until) WHERE state = 'claimed';
CREATE INDEX scheduled_jobs_by_key ON scheduled_jobs (job_key, state);

-- DM channel ids by user, so a repeat recipient costs one request, not two.
CREATE TABLE dm_channels (
    user_id    TEXT PRIMARY KEY,
    channel_id TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
