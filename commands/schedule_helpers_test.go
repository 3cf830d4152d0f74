package commands

import (
	"context"
	"testing"
	"time"

	"github.com/spotter-bot/spotter/bot/schedule"
)

// newTestScheduler builds a scheduler from opts with a quiet logger and a
// heartbeat every second of real time, unless opts set their own.
func newTestScheduler(tb testing.TB, opts schedule.Options) *schedule.Scheduler {
	tb.Helper()
	if opts.Heartbeat == "" {
		opts.Heartbeat = "@every 1s"
	}
	if opts.Logger == nil {
		opts.Logger = quietLogger()
	}
	sched, err := schedule.New(opts)
	if err != nil {
		tb.Fatal(err)
	}
	return sched
}

// startScheduler starts sched, sending through the harness's bot, and stops
// it when the test ends.
func (h *harness) startScheduler(t *testing.T, sched *schedule.Scheduler) {
	t.Helper()
	if err := sched.Start(h.bot.Discord()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := sched.Stop(ctx); err != nil {
			t.Errorf("stop scheduler: %v", err)
		}
	})
}
