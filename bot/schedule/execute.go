package schedule

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
)

// maxBackoff caps the wait between retries.
const maxBackoff = 30 * time.Minute

// execute applies the catch-up policy to a claimed job, runs its handler
// and records the outcome.
func (s *Scheduler) execute(ctx context.Context, sj spotter.Job) {
	now := s.opts.Now()
	log := s.log.With("job", sj.ID, "kind", sj.Kind)
	s.count(sj.Kind, "due")
	if now.Sub(sj.DueAt) > s.opts.LateGrace {
		// Missed by too much (the bot was down): skip to the next occurrence
		// after now rather than deliver something stale.
		s.finish(log, sj, spotter.JobResult{State: spotter.JobSkipped, Error: "missed by more than the late grace"}, now, true)
		return
	}
	if sj.Abandoned && now.Sub(sj.PreviousClaim) > s.opts.NonceMemory {
		// The attempt that died may have sent, and Discord no longer
		// remembers its nonce to answer a re-send with the same message:
		// at most once rather than twice. Within the nonce memory the
		// re-send below is safe.
		log.Warn("scheduler: an earlier attempt died with its outcome unknown, past the nonce memory; not sending again", "claimed", sj.PreviousClaim)
		s.finish(log, sj, spotter.JobResult{State: spotter.JobSkipped, Error: "an earlier attempt may have sent it; past the nonce memory, not sent again"}, now, true)
		return
	}
	s.mu.Lock()
	h := s.handlers[sj.Kind]
	s.mu.Unlock()
	if h == nil {
		s.finish(log, sj, spotter.JobResult{State: spotter.JobFailed, Error: "no handler for this kind"}, now, true)
		return
	}
	job := jobFromStore(sj, now, s.opts.LateMark)
	err := h(ctx, job, s.sender)
	now = s.opts.Now()
	if cause, ok := asEndSeries(err); ok {
		r := spotter.JobResult{State: spotter.JobDone, Late: job.Late}
		if cause != nil {
			r.State, r.Error = spotter.JobFailed, cause.Error()
		}
		s.finish(log, sj, r, now, false)
		return
	}
	switch {
	case err == nil:
		s.finish(log, sj, spotter.JobResult{State: spotter.JobDone, Late: job.Late}, now, true)
	case ctx.Err() != nil:
		// Interrupted by shutdown: give the job back for the next run.
		s.retry(log, sj, now, err)
	case bot.IsTransient(err) && sj.Attempts < s.opts.MaxAttempts:
		s.retry(log, sj, now.Add(s.backoff(sj.Attempts)), err)
	default:
		s.finish(log, sj, spotter.JobResult{State: spotter.JobFailed, Late: job.Late, Error: err.Error()}, now, true)
	}
}

// backoff is the wait before retry number attempt: RetryBackoff doubling
// each time, capped.
func (s *Scheduler) backoff(attempt int) time.Duration {
	d := s.opts.RetryBackoff
	for i := 1; i < attempt && d < maxBackoff; i++ {
		d *= 2
	}
	return min(d, maxBackoff)
}

// finish records the job's outcome and, if continueSeries and the job
// recurs, queues the next occurrence after now in the same transaction.
func (s *Scheduler) finish(log *slog.Logger, sj spotter.Job, r spotter.JobResult, now time.Time, continueSeries bool) {
	if continueSeries && sj.Spec != "" {
		next, err := nextOccurrence(sj, now)
		if err != nil {
			log.Error("scheduler: cannot compute the next occurrence; the series stops", "err", err)
		}
		r.Next = next
	}
	if err := s.store.FinishJob(context.Background(), sj.ID, s.owner, r); err != nil {
		if errors.Is(err, spotter.ErrLeaseLost) {
			log.Warn("scheduler: job was taken over before it finished", "err", err)
			return
		}
		log.Error("scheduler: recording the job's outcome failed; it will run again when its lease expires", "err", err)
		return
	}
	state := map[spotter.JobState]string{spotter.JobDone: "sent", spotter.JobFailed: "failed", spotter.JobSkipped: "skipped"}[r.State]
	s.count(sj.Kind, state)
	if r.State == spotter.JobFailed {
		log.Warn("scheduler: job failed", "err", r.Error)
	}
}

func (s *Scheduler) retry(log *slog.Logger, sj spotter.Job, at time.Time, cause error) {
	if err := s.store.RetryJob(context.Background(), sj.ID, s.owner, at, cause.Error()); err != nil {
		if errors.Is(err, spotter.ErrLeaseLost) {
			log.Warn("scheduler: job was taken over before it could be given back", "err", err)
			return
		}
		log.Error("scheduler: releasing the job for a retry failed; it will run again when its lease expires", "err", err)
		return
	}
	s.count(sj.Kind, "retried")
	log.Warn("scheduler: job will be retried", "attempt", sj.Attempts, "at", at, "err", cause)
}

// nextOccurrence is the series' first occurrence after now (so missed ones
// are never made up in a burst), or nil when the series has ended.
func nextOccurrence(sj spotter.Job, now time.Time) (*spotter.NewJob, error) {
	rec, err := Parse(sj.Spec, sj.Zone)
	if err != nil {
		return nil, fmt.Errorf("job %d: %w", sj.ID, err)
	}
	next := rec.Next(maxTime(now, sj.DueAt))
	if next.IsZero() || (!sj.Until.IsZero() && !next.Before(sj.Until)) {
		return nil, nil
	}
	n := sj.NewJob
	n.DueAt = next
	return &n, nil
}

func (s *Scheduler) count(kind, state string) {
	s.opts.Metrics.Jobs.WithLabelValues(kind, state).Inc()
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
