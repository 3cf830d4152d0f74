package spotter

import (
	"errors"
	"strings"
	"time"
)

// JobState is where a job stands in the due-job queue.
type JobState string

// The states of a job. Pending and claimed jobs are live; the others are
// final and kept for a while as a record.
const (
	JobPending   JobState = "pending"
	JobClaimed   JobState = "claimed"
	JobDone      JobState = "done"
	JobFailed    JobState = "failed"
	JobSkipped   JobState = "skipped"
	JobCancelled JobState = "cancelled"
)

// ErrLeaseLost is returned when a job's claim expired and it was claimed
// again (or cancelled) before the first claimant finished it.
var ErrLeaseLost = errors.New("the job's lease was lost to another claim")

// NewJob is a job to put in the queue.
type NewJob struct {
	// Kind names the handler that runs the job.
	Kind string
	// Key identifies the job or series; a key has at most one pending job.
	Key string
	// Payload is the handler's data, JSON by convention.
	Payload []byte
	// DueAt is the occurrence the job stands for.
	DueAt time.Time
	// Spec and Zone make the job recurring: a 5-field cron spec read in an
	// IANA time zone. Empty for a one-shot job.
	Spec, Zone string
	// Until ends a series: no occurrence at or after it. Zero for none.
	Until time.Time
	// UserID is the member whose job it is (a check-in's member, a share's
	// member): the job is exported and deleted with their data.
	UserID string
	// RecipientID is who else the job sends to (a share's coach), "" if
	// nobody: the job is deleted when they delete their data.
	RecipientID string
	// GuildID is the server whose data the job is (its tip of the week):
	// the job is deleted with that server's data.
	GuildID string
	// Supersedes, if set, is a key prefix: queueing the job cancels the
	// pending jobs whose keys start with it, in the same transaction (a
	// member's newer after-workout follow-up replaces the older). It is not
	// stored.
	Supersedes string
}

// Job is a job as stored in the queue.
type Job struct {
	NewJob
	ID int64
	// RunAt is when the job may next be tried.
	RunAt time.Time
	State JobState
	// Attempts counts the claims so far, this one included.
	Attempts int
	// PreviousClaim is when an earlier attempt was claimed, zero if none:
	// that attempt may have delivered before it died.
	PreviousClaim time.Time
	// Abandoned is set when the earlier claim's lease ran out with no
	// outcome recorded (its process died): whether it sent is unknown.
	Abandoned bool
	Late      bool
	LastError string
}

// JobResult is how a claimed job ended.
type JobResult struct {
	// State is JobDone, JobFailed or JobSkipped.
	State JobState
	// Late records that the job ran well after it was due.
	Late bool
	// Error is the failure, for the record; never health data.
	Error string
	// Next is the series' next occurrence, queued in the same transaction.
	Next *NewJob
}

// JobLane is the lane of a job key: its first two ":"-separated parts
// ("checkin:<user>", "form-tip:<guild>"), or the whole key without them.
// The scheduler runs one job per lane at a time.
func JobLane(key string) string {
	kind, rest, ok := strings.Cut(key, ":")
	if !ok {
		return key
	}
	owner, _, _ := strings.Cut(rest, ":")
	return kind + ":" + owner
}
