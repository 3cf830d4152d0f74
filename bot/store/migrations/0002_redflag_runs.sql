-- A red-flag check in progress: one row per run, so a click after a restart
-- continues where it was. Answers are kept only while the check runs (they
-- are health data) and the row is deleted at the outcome, when stopped, or
-- once it expires 24 hours after it started.
CREATE TABLE redflag_runs (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL,
    -- mode says where the questions are shown: 'dm' (a DM with the bot) or
    -- 'ephemeral' (privately in a server channel, when DMs are closed).
    mode       TEXT NOT NULL DEFAULT 'dm' CHECK (mode IN ('dm', 'ephemeral')),
    channel_id TEXT NOT NULL DEFAULT '',
    message_id TEXT NOT NULL DEFAULT '',
    -- step counts every change to the run, so a button from an older
    -- message can be told from the current one.
    step       INTEGER NOT NULL DEFAULT 0,
    answers    TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;

-- One run per member: starting again offers to continue or restart.
CREATE UNIQUE INDEX redflag_runs_user ON redflag_runs (user_id);
CREATE INDEX redflag_runs_expiry ON redflag_runs (expires_at);

-- What a finished check decided, without the answers that led to it: the
-- member's own history and their data export.
CREATE TABLE redflag_outcomes (
    id         INTEGER PRIMARY KEY,
    user_id    TEXT NOT NULL,
    level      TEXT NOT NULL,
    decided_at INTEGER NOT NULL
) STRICT;

CREATE INDEX redflag_outcomes_user ON redflag_outcomes (user_id, decided_at);
