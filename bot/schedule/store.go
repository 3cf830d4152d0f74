package schedule

import (
	"context"
	"time"

	"github.com/spotter-bot/spotter"
)

// Store is the durable job queue the scheduler runs from, and where the
// sender remembers DM channels. Any adapter that keeps the queue's
// guarantees will do: a claim takes a job for one owner until its lease
// runs out, and a finish or retry by an owner whose lease was lost fails
// with spotter.ErrLeaseLost.
type Store interface {
	// ClaimJobs leases up to limit due jobs to owner, one per lane
	// (spotter.JobLane) at a time, until now+lease.
	ClaimJobs(ctx context.Context, owner string, now time.Time, lease time.Duration, limit int) ([]spotter.Job, error)
	// ExtendLeases pushes every lease owner holds to until.
	ExtendLeases(ctx context.Context, owner string, until time.Time) error
	// FinishJob records how a claimed job ended and queues r.Next, at once.
	FinishJob(ctx context.Context, id int64, owner string, r spotter.JobResult) error
	// RetryJob gives a claimed job back to the queue to run again at at.
	RetryJob(ctx context.Context, id int64, owner string, at time.Time, reason string) error
	// PruneJobs deletes finished jobs last changed before before.
	PruneJobs(ctx context.Context, before time.Time) (int, error)
	// TakeOverJobs ends, at now, the leases of the jobs claimed by owners
	// other than owner, keeping their earlier claim, and returns how many.
	TakeOverJobs(ctx context.Context, owner string, now time.Time) (int, error)
	DMChannels
}

// Leadership decides which of several replicas sharing one store leads:
// only the leader claims jobs, so the replicas together send from one
// paced sender and stay under Discord's global limit.
type Leadership interface {
	// Lead reports whether this process leads now, taking the lead if it
	// is free; an error means it does not.
	Lead(ctx context.Context) (bool, error)
	// Resign gives the lead up, if held.
	Resign(ctx context.Context) error
}

// DMChannels remembers the DM channel Discord opened with each member, so
// a repeat recipient costs one request.
type DMChannels interface {
	DMChannel(ctx context.Context, userID string) (string, bool, error)
	SetDMChannel(ctx context.Context, userID, channelID string) error
	ForgetDMChannel(ctx context.Context, userID string) error
}
