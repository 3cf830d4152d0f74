package commands

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"testing/synctest"
	"time"

	"github.com/spotter-bot/spotter/bot/store"
)

func TestRedFlagPurgeDeletesRunsOnceTheyExpire(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		db, err := store.Open(ctx, ":memory:")
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		expired, _, err := db.StartRedFlagRun(ctx, "1")
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(store.RedFlagRunLifetime)
		fresh, _, err := db.StartRedFlagRun(ctx, "2")
		if err != nil {
			t.Fatal(err)
		}
		stop := StartRedFlagPurge(ctx, db, time.Hour, slog.New(slog.NewTextHandler(io.Discard, nil)))
		defer stop()

		synctest.Wait()
		if !redFlagRunGone(t, db, expired.ID) {
			t.Error("a run that had expired at start-up survived the first purge")
		}
		time.Sleep(store.RedFlagRunLifetime - time.Hour)
		synctest.Wait()
		if redFlagRunGone(t, db, fresh.ID) {
			t.Error("a run was purged an hour before it expired")
		}
		time.Sleep(time.Hour)
		synctest.Wait()
		if !redFlagRunGone(t, db, fresh.ID) {
			t.Error("a run survived the hourly purge after it expired")
		}
	})
}

// gone reports whether the run has left the table: a run still there,
// expired or not, is not gone.
func redFlagRunGone(t *testing.T, db *store.Store, id string) bool {
	t.Helper()
	_, err := db.RedFlagRun(context.Background(), id)
	return errors.Is(err, store.ErrRedFlagRunNotFound)
}
