-- Servers the bot has been removed from. Their settings, schedules and
-- community tips are deleted once the grace period has passed, unless the
-- bot is added back first (which removes the row).
CREATE TABLE guild_departures (
    guild_id TEXT PRIMARY KEY,
    left_at  INTEGER NOT NULL
) STRICT;
