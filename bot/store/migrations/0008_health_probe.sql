-- One row that /healthz rewrites to prove the database still takes writes
-- (a locked database or a full disk answers reads but not writes).
CREATE TABLE health_probe (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    checked_at INTEGER NOT NULL
) STRICT;
