package schedule

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/spotter-bot/spotter"
)

// Job is a due job as its handler sees it.
type Job struct {
	ID   int64
	Kind string
	// Key identifies the job, or the series it belongs to.
	Key     string
	Payload []byte
	// Due is the occurrence the job stands for.
	Due time.Time
	// Attempt counts the tries so far, this one included.
	Attempt int
	// Late is set when the job runs more than the late mark after Due,
	// typically because the bot was down: say so to the member.
	Late bool
	// Redelivery is set when an earlier attempt was claimed and may have
	// sent before it died; the nonce makes a re-send safe.
	Redelivery bool
}

// Handler runs one due job, sending what it has to through out. A nil
// error finishes the job and queues its series' next occurrence; an error
// for which bot.IsTransient holds is retried with backoff; any other error
// fails the job, and the series goes on. Return EndSeries to stop the series.
type Handler func(ctx context.Context, job Job, out *Sender) error

// Decode unmarshals the job's JSON payload into v.
func (j Job) Decode(v any) error {
	if err := json.Unmarshal(j.Payload, v); err != nil {
		return fmt.Errorf("decode payload of %s job %d: %w", j.Kind, j.ID, err)
	}
	return nil
}

// Nonce is the message nonce for what the job sends: the same on every
// attempt, so Discord can tell a re-send from a new message. Discord allows
// 25 characters.
func (j Job) Nonce() string { return "spj" + strconv.FormatInt(j.ID, 36) }

func jobFromStore(sj spotter.Job, now time.Time, lateMark time.Duration) Job {
	return Job{
		ID:         sj.ID,
		Kind:       sj.Kind,
		Key:        sj.Key,
		Payload:    sj.Payload,
		Due:        sj.DueAt,
		Attempt:    sj.Attempts,
		Late:       now.Sub(sj.DueAt) > lateMark,
		Redelivery: !sj.PreviousClaim.IsZero(),
	}
}

// endSeries is returned by a handler to finish its job without a next
// occurrence.
type endSeries struct{ cause error }

func (e *endSeries) Error() string {
	if e.cause == nil {
		return "series ended"
	}
	return "series ended: " + e.cause.Error()
}

func (e *endSeries) Unwrap() error { return e.cause }

// EndSeries tells the runner to queue no further occurrence of the job's
// series. With a nil cause the job counts as done; otherwise it failed for
// cause.
func EndSeries(cause error) error { return &endSeries{cause: cause} }

// asEndSeries reports whether err asks to end the series, and its cause.
func asEndSeries(err error) (cause error, ok bool) {
	var e *endSeries
	if errors.As(err, &e) {
		return e.cause, true
	}
	return nil, false
}
