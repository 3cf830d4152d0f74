-- A "Save as form tip" menu waiting for the moderator's pick. The menu's
-- custom_id carries only the opaque id; which message it offers to save,
-- in which server and for whom, stays here, so a forged custom_id cannot
-- name another server's message or a false author. Offers are used once
-- and expire after a day.
CREATE TABLE form_tip_offers (
    id         TEXT    PRIMARY KEY,
    guild_id   TEXT    NOT NULL,
    channel_id TEXT    NOT NULL,
    message_id TEXT    NOT NULL,
    offered_to TEXT    NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;
