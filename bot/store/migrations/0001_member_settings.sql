-- Settings a member chooses for themselves. Only what a feature needs:
-- region picks which emergency numbers and crisis lines are shown first.
CREATE TABLE member_settings (
    user_id    TEXT PRIMARY KEY,
    region     TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL
) STRICT;
