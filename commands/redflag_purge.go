package commands

import (
	"context"
	"log/slog"
	"time"

	"github.com/spotter-bot/spotter/bot/store"
)

// StartRedFlagPurge deletes expired red-flag checks, answers and all, at
// once and then every interval, until the returned stop function is called;
// stop waits for a purge in progress so the database can be closed after it.
func StartRedFlagPurge(ctx context.Context, db *store.Store, interval time.Duration, log *slog.Logger) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		ticker := time.NewTicker(interval)
		defer ticker.Stop()
		for {
			n, err := db.PurgeExpiredRedFlagRuns(ctx, time.Now())
			switch {
			case err != nil && ctx.Err() == nil:
				log.Error("purging expired red-flag checks failed", "err", err)
			case n > 0:
				log.Info("purged expired red-flag checks", "count", n)
			}
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
			}
		}
	}()
	return func() {
		cancel()
		<-done
	}
}
