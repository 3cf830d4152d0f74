-- The community tip library: members' messages a moderator saved (and
-- pinned) with "Save as form tip". Only ids, the exercise and the jump link
-- are kept; the message itself stays on Discord, so deleting it there
-- leaves nothing of its text here.
CREATE TABLE form_tips (
    id         INTEGER PRIMARY KEY,
    guild_id   TEXT    NOT NULL,
    channel_id TEXT    NOT NULL,
    message_id TEXT    NOT NULL,
    author_id  TEXT    NOT NULL,
    -- exercise is a form card id from knowledge/formtips ("back-squat").
    exercise   TEXT    NOT NULL,
    link       TEXT    NOT NULL,
    saved_by   TEXT    NOT NULL,
    saved_at   INTEGER NOT NULL
) STRICT;

-- A message is saved once per server.
CREATE UNIQUE INDEX form_tips_message ON form_tips (guild_id, message_id);
CREATE INDEX form_tips_by_guild ON form_tips (guild_id, id);

-- Roles a server's admins named with `/form-tip moderators`: members with
-- one of them are moderators for Spotter even without Pin Messages.
CREATE TABLE moderator_roles (
    guild_id TEXT    NOT NULL,
    role_id  TEXT    NOT NULL,
    added_by TEXT    NOT NULL,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (guild_id, role_id)
) STRICT;

-- A server's tip of the week: one schedule per server, posted by the
-- durable scheduler. rotation counts the posts so far and picks the next
-- card; last_message_id is the previous post, unpinned when the next one is
-- pinned. A schedule Discord says can no longer post (channel deleted,
-- access or permission lost) is kept with a disabled_reason, so moderators
-- can be told why it stopped, until it is replaced or removed.
CREATE TABLE form_tip_schedules (
    guild_id        TEXT    PRIMARY KEY,
    channel_id      TEXT    NOT NULL,
    spec            TEXT    NOT NULL,
    zone            TEXT    NOT NULL,
    pin             INTEGER NOT NULL CHECK (pin IN (0, 1)),
    last_message_id TEXT    NOT NULL DEFAULT '',
    rotation        INTEGER NOT NULL DEFAULT 0,
    disabled_reason TEXT    NOT NULL DEFAULT '',
    disabled_at     INTEGER NOT NULL DEFAULT 0,
    created_by      TEXT    NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;
