-- Whose a job is, as columns the features set in Go (spotter.NewJob), so
-- the SQL no longer parses job keys ('checkin:' || user_id || ...) or
-- searches JSON payloads for an id to export, delete or purge a job:
--   user_id      the member whose job it is (check-ins; a share's member)
--   recipient_id who else it sends to (a share's coach), '' if nobody
--   guild_id     the server whose data it is (its tip of the week)
ALTER TABLE scheduled_jobs ADD COLUMN user_id TEXT NOT NULL DEFAULT '';
ALTER TABLE scheduled_jobs ADD COLUMN recipient_id TEXT NOT NULL DEFAULT '';
ALTER TABLE scheduled_jobs ADD COLUMN guild_id TEXT NOT NULL DEFAULT '';

-- Rows queued before: read the conventions they were written with, once.
-- 'checkin:<user>:...' keys; coach.update payloads {"member", "coach"};
-- 'form-tip:<guild>:weekly' keys.
UPDATE scheduled_jobs SET user_id = substr(job_key, 9, instr(substr(job_key, 9), ':') - 1)
    WHERE substr(job_key, 1, 8) = 'checkin:' AND instr(substr(job_key, 9), ':') > 1;
UPDATE scheduled_jobs SET user_id = COALESCE(json_extract(payload, '$.member'), ''),
    recipient_id = COALESCE(json_extract(payload, '$.coach'), '')
    WHERE substr(job_key, 1, 6) = 'coach:' AND json_valid(payload);
UPDATE scheduled_jobs SET guild_id = substr(job_key, 10, instr(substr(job_key, 10), ':') - 1)
    WHERE substr(job_key, 1, 9) = 'form-tip:' AND instr(substr(job_key, 10), ':') > 1;

CREATE INDEX scheduled_jobs_by_user ON scheduled_jobs (user_id) WHERE user_id <> '';
CREATE INDEX scheduled_jobs_by_recipient ON scheduled_jobs (recipient_id) WHERE recipient_id <> '';
CREATE INDEX scheduled_jobs_by_guild ON scheduled_jobs (guild_id) WHERE guild_id <> '';
