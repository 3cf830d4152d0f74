-- Coaches. A server's admins name coach roles with `/coach roles`; a member
-- may then share their check-in summary with a member who holds one
-- (`/checkin share`). Only the share's scope and history are kept here,
-- never a copy of what was sent: the summary is rebuilt from the member's
-- own entries every time, so deleting those leaves nothing behind.
CREATE TABLE coach_roles (
    guild_id TEXT    NOT NULL,
    role_id  TEXT    NOT NULL,
    added_by TEXT    NOT NULL,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (guild_id, role_id)
) STRICT;

-- A share lets coach_id see member_id's summary and chart, granted in
-- guild_id (whose coach roles the coach must hold). include_notes and
-- weekly are the member's choices; zone is where weekly updates are timed,
-- and zone_source says whose it is ('coach', 'member' or 'default' for
-- UTC). reason says why a share is paused or ended. A live share (active
-- or paused) is unique per member and coach; ended ones stay as history
-- until the member deletes their data. When the coach deletes theirs,
-- coach_id becomes ''. The weekly series is the pending job
-- 'coach:<member_id>:<coach_id>:weekly' in scheduled_jobs.
CREATE TABLE coach_shares (
    id            INTEGER PRIMARY KEY,
    guild_id      TEXT    NOT NULL,
    member_id     TEXT    NOT NULL,
    coach_id      TEXT    NOT NULL,
    include_notes INTEGER NOT NULL CHECK (include_notes IN (0, 1)),
    weekly        INTEGER NOT NULL CHECK (weekly IN (0, 1)),
    zone          TEXT    NOT NULL,
    zone_source   TEXT    NOT NULL CHECK (zone_source IN ('coach', 'member', 'default')),
    status        TEXT    NOT NULL CHECK (status IN ('active', 'paused', 'ended')),
    reason        TEXT    NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    ended_at      INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE UNIQUE INDEX coach_shares_live ON coach_shares (member_id, coach_id) WHERE status <> 'ended';
CREATE INDEX coach_shares_by_coach ON coach_shares (coach_id, status);

-- When the coach was sent (or opened) the summary, and by which job: a
-- weekly job re-run after a crash finds its row and sends nothing twice.
-- job_id is NULL for what was not sent by a job.
CREATE TABLE coach_share_sends (
    id       INTEGER PRIMARY KEY,
    share_id INTEGER NOT NULL REFERENCES coach_shares (id) ON DELETE CASCADE,
    job_id   INTEGER UNIQUE,
    kind     TEXT    NOT NULL CHECK (kind IN ('first', 'weekly', 'viewed')),
    sent_at  INTEGER NOT NULL
) STRICT;
