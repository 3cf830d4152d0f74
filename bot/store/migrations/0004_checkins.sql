-- Pain check-ins. Health data is kept to the minimum: a pain rating, when it
-- was given, how (its source) and an optional short note. Nothing else.

-- One plan per member: starting again updates it. The plan remembers the
-- member's time zone for next time. Its next due time is the pending
-- occurrence of its daily job in scheduled_jobs (job_key
-- 'checkin:<user_id>:daily'), stored there as UTC and computed in zone, so
-- the two can never disagree.
CREATE TABLE checkin_plans (
    id            INTEGER PRIMARY KEY,
    user_id       TEXT    NOT NULL UNIQUE,
    local_time    TEXT    NOT NULL,
    zone          TEXT    NOT NULL,
    days          INTEGER NOT NULL CHECK (days BETWEEN 1 AND 60),
    started_at    INTEGER NOT NULL,
    ends_at       INTEGER NOT NULL,
    status        TEXT    NOT NULL CHECK (status IN ('active', 'paused', 'stopped')),
    paused_reason TEXT    NOT NULL DEFAULT '' CHECK (paused_reason IN ('', 'member', 'dms_closed')),
    updated_at    INTEGER NOT NULL
) STRICT;

-- A prompt is one DM asking for a rating: the daily check-in, or the
-- follow-up two hours after a workout reading. job_id is the job that first
-- sent it, so a job re-run after a crash finds the same prompt (and the same
-- buttons) instead of making a new one.
CREATE TABLE checkin_prompts (
    id               INTEGER PRIMARY KEY,
    plan_id          INTEGER NOT NULL REFERENCES checkin_plans (id) ON DELETE CASCADE,
    job_id           INTEGER NOT NULL UNIQUE,
    kind             TEXT    NOT NULL CHECK (kind IN ('daily', 'after_workout')),
    due_at           INTEGER NOT NULL,
    workout_entry_id INTEGER REFERENCES pain_entries (id) ON DELETE SET NULL,
    late             INTEGER NOT NULL DEFAULT 0,
    channel_id       TEXT    NOT NULL DEFAULT '',
    message_id       TEXT    NOT NULL DEFAULT '',
    sent_at          INTEGER NOT NULL DEFAULT 0
) STRICT;

-- A pain entry answers at most one prompt (prompt_id is unique), so a second
-- click on a prompt corrects its entry instead of adding another. A missed
-- prompt simply has no entry: it is never counted as zero.
CREATE TABLE pain_entries (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES checkin_plans (id) ON DELETE CASCADE,
    prompt_id   INTEGER UNIQUE REFERENCES checkin_prompts (id) ON DELETE CASCADE,
    source      TEXT    NOT NULL CHECK (source IN ('baseline', 'daily', 'workout', 'after_workout', 'manual')),
    pain        INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
    note        TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    recorded_at INTEGER NOT NULL
) STRICT;

CREATE INDEX pain_entries_by_plan ON pain_entries (plan_id, recorded_at);

-- Things to tell a member the next time they use a command, such as "your
-- check-ins are paused because your DMs are closed". Shown once, then removed.
CREATE TABLE member_notices (
    user_id    TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, kind)
) STRICT;
