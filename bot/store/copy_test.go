package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/spotter-bot/spotter"
)

// copyFixture fills a SQLite store with two members' data: plans, ratings,
// prompts linked to a workout reading, jobs, a red-flag run, tips, roles.
func copyFixture(t *testing.T) *Store {
	t.Helper()
	src, err := Open(context.Background(), filepath.Join(t.TempDir(), "spotter.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { src.Close() })
	for _, id := range []string{"1800000000000000001", "1800000000000000002"} {
		fillMember(t, src, id)
		finishRedFlag(t, src, id)
	}
	ctx := context.Background()
	plan, ok, err := src.CheckinPlan(ctx, "1800000000000000001")
	if err != nil || !ok {
		t.Fatalf("plan: %v %v", ok, err)
	}
	workout, err := src.AddPainEntry(ctx, spotter.PainEntry{PlanID: plan.ID, Source: "workout", Pain: 6, At: src.now()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.EnsureCheckinPrompt(ctx, spotter.CheckinPrompt{PlanID: plan.ID, UserID: plan.UserID, Kind: spotter.PromptAfterWorkout,
		WorkoutEntryID: workout.ID, DueAt: src.now().Add(2 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	return src
}

func TestCopyToPostgresCopiesEveryRowAndIsSafeToRepeat(t *testing.T) {
	src := copyFixture(t)
	dst := reopen(t, freshSchema(t))
	ctx := context.Background()

	counts, err := CopyToPostgres(ctx, src, dst)
	if err != nil {
		t.Fatal(err)
	}
	total := int64(0)
	for _, c := range counts {
		total += c.Target
		if c.Source != c.Target {
			t.Errorf("%s: %d rows in SQLite, %d in PostgreSQL", c.Table, c.Source, c.Target)
		}
	}
	if total == 0 {
		t.Fatal("nothing was copied")
	}
	// What was copied reads back through the PostgreSQL adapter.
	plan, ok, err := dst.CheckinPlan(ctx, "1800000000000000001")
	if err != nil || !ok || plan.Zone != "Europe/London" {
		t.Fatalf("plan read back = %+v, %v, %v", plan, ok, err)
	}
	entries, err := dst.PainEntries(ctx, plan.ID, time.Time{})
	if err != nil || len(entries) < 2 {
		t.Fatalf("entries read back = %d, %v", len(entries), err)
	}
	// New rows are numbered after the copied ones.
	if _, err := dst.AddPainEntry(ctx, spotter.PainEntry{PlanID: plan.ID, Source: "manual", Pain: 2, At: dst.now()}); err != nil {
		t.Fatalf("a new rating after the copy: %v", err)
	}
	// Running it again adds nothing, but the new rating now makes the
	// target differ from the source.
	if _, err := CopyToPostgres(ctx, src, dst); !errors.Is(err, ErrTargetDiffers) {
		t.Fatalf("copy onto a target with rows the source lacks: %v, want ErrTargetDiffers", err)
	}
}

func TestCopyToPostgresRepeatedIsANoOp(t *testing.T) {
	src := copyFixture(t)
	dst := reopen(t, freshSchema(t))
	ctx := context.Background()
	if _, err := CopyToPostgres(ctx, src, dst); err != nil {
		t.Fatal(err)
	}
	counts, err := CopyToPostgres(ctx, src, dst)
	if err != nil {
		t.Fatalf("second copy: %v", err)
	}
	for _, c := range counts {
		if c.Source != c.Target {
			t.Errorf("%s after a second copy: %d vs %d", c.Table, c.Source, c.Target)
		}
	}
}
