-- A job's lane is who its sends queue behind: the member for check-ins
-- ("checkin:<user>"), the server for its weekly tip. The scheduler runs at
-- most one job per lane at a time, so one member's pile of DMs waiting on
-- their channel's rate limit never takes every slot. It is set in Go from
-- the key (store.JobLane); rows from before have '' and count as their own
-- lane.
ALTER TABLE scheduled_jobs ADD COLUMN lane TEXT NOT NULL DEFAULT '';
CREATE INDEX scheduled_jobs_by_lane ON scheduled_jobs (lane, state);
