package store

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/spotter-bot/spotter"
)

// testClock is a settable clock for WithClock.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func openWithClock(t *testing.T) (*Store, *testClock, string) {
	t.Helper()
	clock := &testClock{now: time.Date(2026, 3, 2, 18, 30, 0, 0, time.UTC)}
	s, path := openTestStore(t, WithClock(clock.Now))
	return s, clock, path
}

func startRun(t *testing.T, s *Store, userID string) spotter.RedFlagRun {
	t.Helper()
	run, started, err := s.StartRedFlagRun(context.Background(), userID)
	if err != nil || !started {
		t.Fatalf("StartRedFlagRun(%s) = %+v, started %v, %v", userID, run, started, err)
	}
	return run
}

func TestStartRedFlagRunKeepsOneRunPerMember(t *testing.T) {
	s, clock, _ := openWithClock(t)
	ctx := context.Background()
	first := startRun(t, s, "1")
	if first.Step != 0 || first.Answers != "" || first.Mode != spotter.RedFlagInDM {
		t.Errorf("new run = %+v, want step 0, no answers, DM mode", first)
	}
	if want := clock.Now().Add(spotter.RedFlagRunLifetime); !first.ExpiresAt.Equal(want) {
		t.Errorf("expires at %v, want %v", first.ExpiresAt, want)
	}
	again, started, err := s.StartRedFlagRun(ctx, "1")
	if err != nil || started || again.ID != first.ID {
		t.Errorf("second start = %s, started %v, %v; want the first run %s back", again.ID, started, err, first.ID)
	}
	other := startRun(t, s, "2")
	if other.ID == first.ID {
		t.Error("two members share a run id")
	}
	clock.Advance(spotter.RedFlagRunLifetime)
	fresh := startRun(t, s, "1")
	if fresh.ID == first.ID {
		t.Error("an expired run was offered again instead of a new one")
	}
}

func TestRestartRedFlagRunReplacesTheOldRun(t *testing.T) {
	s, _, _ := openWithClock(t)
	ctx := context.Background()
	old := startRun(t, s, "1")
	if _, err := s.AdvanceRedFlagRun(ctx, old.ID, 0, "saddle=n"); err != nil {
		t.Fatal(err)
	}
	fresh, started, err := s.RestartRedFlagRun(ctx, "1", old.ID)
	if err != nil || !started || fresh.ID == old.ID || fresh.Answers != "" {
		t.Fatalf("restart = %+v, started %v, %v; want a new empty run", fresh, started, err)
	}
	if _, err := s.RedFlagRun(ctx, old.ID); !errors.Is(err, spotter.ErrRedFlagRunNotFound) {
		t.Errorf("old run after restart: %v, want not found", err)
	}
}

func TestRestartRedFlagRunLeavesSomeoneElsesRunAlone(t *testing.T) {
	s, _, _ := openWithClock(t)
	ctx := context.Background()
	theirs := startRun(t, s, "1")
	if _, _, err := s.RestartRedFlagRun(ctx, "2", theirs.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RedFlagRun(ctx, theirs.ID); err != nil {
		t.Errorf("another member's restart removed the run: %v", err)
	}
}

func TestAdvanceRedFlagRunRefusesAnOldStep(t *testing.T) {
	s, _, _ := openWithClock(t)
	ctx := context.Background()
	run := startRun(t, s, "1")
	moved, err := s.AdvanceRedFlagRun(ctx, run.ID, 0, "saddle=n")
	if err != nil || moved.Step != 1 || moved.Answers != "saddle=n" {
		t.Fatalf("advance = %+v, %v", moved, err)
	}
	if _, err := s.AdvanceRedFlagRun(ctx, run.ID, 0, "saddle=y"); !errors.Is(err, spotter.ErrRedFlagRunMoved) {
		t.Errorf("advance from an old step: %v, want ErrRedFlagRunMoved", err)
	}
	if _, err := s.AdvanceRedFlagRun(ctx, "nope", 0, "saddle=y"); !errors.Is(err, spotter.ErrRedFlagRunNotFound) {
		t.Errorf("advance of an unknown run: %v, want ErrRedFlagRunNotFound", err)
	}
	got, err := s.RedFlagRun(ctx, run.ID)
	if err != nil || got.Answers != "saddle=n" || got.Step != 1 {
		t.Errorf("after refused clicks the run is %+v, %v", got, err)
	}
}

func TestFinishRedFlagRunKeepsOnlyTheLevelAndTime(t *testing.T) {
	s, clock, _ := openWithClock(t)
	ctx := context.Background()
	run := startRun(t, s, "1")
	if _, err := s.AdvanceRedFlagRun(ctx, run.ID, 0, "saddle=y"); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishRedFlagRun(ctx, run.ID, 0, "emergency"); !errors.Is(err, spotter.ErrRedFlagRunMoved) {
		t.Errorf("finish from an old step: %v, want ErrRedFlagRunMoved", err)
	}
	if err := s.FinishRedFlagRun(ctx, run.ID, 1, "emergency"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RedFlagRun(ctx, run.ID); !errors.Is(err, spotter.ErrRedFlagRunNotFound) {
		t.Errorf("finished run still readable: %v", err)
	}
	var answers int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM redflag_runs WHERE answers != ''").Scan(&answers); err != nil || answers != 0 {
		t.Errorf("%d rows still hold answers (%v)", answers, err)
	}
	got, err := s.RedFlagOutcomes(ctx, "1")
	if err != nil || len(got) != 1 || got[0].Level != "emergency" || !got[0].DecidedAt.Equal(clock.Now()) {
		t.Errorf("outcomes = %+v, %v; want one emergency at %v", got, err, clock.Now())
	}
	if others, _ := s.RedFlagOutcomes(ctx, "2"); len(others) != 0 {
		t.Errorf("another member sees outcomes %+v", others)
	}
	if err := s.FinishRedFlagRun(ctx, run.ID, 1, "emergency"); !errors.Is(err, spotter.ErrRedFlagRunNotFound) {
		t.Errorf("finishing twice: %v, want ErrRedFlagRunNotFound", err)
	}
	if got, _ := s.RedFlagOutcomes(ctx, "1"); len(got) != 1 {
		t.Errorf("finishing twice recorded %d outcomes", len(got))
	}
}

func TestStopRedFlagRunKeepsNothing(t *testing.T) {
	s, _, _ := openWithClock(t)
	ctx := context.Background()
	run := startRun(t, s, "1")
	if err := s.StopRedFlagRun(ctx, run.ID, 1); !errors.Is(err, spotter.ErrRedFlagRunMoved) {
		t.Errorf("stop at the wrong step: %v, want ErrRedFlagRunMoved", err)
	}
	if err := s.StopRedFlagRun(ctx, run.ID, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RedFlagRun(ctx, run.ID); !errors.Is(err, spotter.ErrRedFlagRunNotFound) {
		t.Errorf("stopped run still readable: %v", err)
	}
	if got, _ := s.RedFlagOutcomes(ctx, "1"); len(got) != 0 {
		t.Errorf("a stopped check left outcomes %+v", got)
	}
}

func TestRedFlagRunRefusesAndDeletesAnExpiredRun(t *testing.T) {
	s, clock, _ := openWithClock(t)
	ctx := context.Background()
	run := startRun(t, s, "1")
	clock.Advance(spotter.RedFlagRunLifetime - time.Second)
	if _, err := s.RedFlagRun(ctx, run.ID); err != nil {
		t.Fatalf("run a second before expiry: %v", err)
	}
	clock.Advance(time.Second)
	if _, err := s.RedFlagRun(ctx, run.ID); !errors.Is(err, spotter.ErrRedFlagRunExpired) {
		t.Fatalf("run at expiry: %v, want ErrRedFlagRunExpired", err)
	}
	if _, err := s.RedFlagRun(ctx, run.ID); !errors.Is(err, spotter.ErrRedFlagRunNotFound) {
		t.Errorf("expired run was not deleted: %v", err)
	}
}

func TestPurgeExpiredRedFlagRunsDeletesOnlyExpiredRuns(t *testing.T) {
	s, clock, _ := openWithClock(t)
	ctx := context.Background()
	old := startRun(t, s, "1")
	clock.Advance(time.Hour)
	young := startRun(t, s, "2")
	n, err := s.PurgeExpiredRedFlagRuns(ctx, old.ExpiresAt)
	if err != nil || n != 1 {
		t.Fatalf("purge = %d, %v; want 1", n, err)
	}
	if _, err := s.RedFlagRun(ctx, old.ID); !errors.Is(err, spotter.ErrRedFlagRunNotFound) {
		t.Errorf("expired run survived the purge: %v", err)
	}
	if _, err := s.RedFlagRun(ctx, young.ID); err != nil {
		t.Errorf("a run with time left was purged: %v", err)
	}
	if n, err := s.PurgeExpiredRedFlagRuns(ctx, old.ExpiresAt); err != nil || n != 0 {
		t.Errorf("second purge = %d, %v; want 0", n, err)
	}
}

func TestRedFlagRunSurvivesARestart(t *testing.T) {
	s, clock, path := openWithClock(t)
	ctx := context.Background()
	run := startRun(t, s, "1")
	if err := s.PlaceRedFlagRun(ctx, run.ID, spotter.RedFlagEphemeral, "77", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AdvanceRedFlagRun(ctx, run.ID, 0, "saddle=n"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	again, err := Open(ctx, path, WithClock(clock.Now))
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	got, err := again.RedFlagRun(ctx, run.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.UserID != "1" || got.Mode != spotter.RedFlagEphemeral || got.ChannelID != "77" || got.Step != 1 || got.Answers != "saddle=n" {
		t.Errorf("after reopening the run is %+v", got)
	}
	if err := again.PlaceRedFlagRun(ctx, "nope", spotter.RedFlagInDM, "1", "2"); !errors.Is(err, spotter.ErrRedFlagRunNotFound) {
		t.Errorf("placing an unknown run: %v, want ErrRedFlagRunNotFound", err)
	}
}
