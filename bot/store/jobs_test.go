package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/spotter-bot/spotter"
)

// at is a fixed instant tests count from.
var at = time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)

func job(key string, due time.Time) spotter.NewJob {
	return spotter.NewJob{Kind: "dm", Key: key, Payload: []byte(`{"user":"1"}`), DueAt: due}
}

func mustEnqueue(t *testing.T, s *Store, j spotter.NewJob) int64 {
	t.Helper()
	id, added, err := s.EnqueueJob(context.Background(), j)
	if err != nil || !added {
		t.Fatalf("EnqueueJob(%s) = %v, %v", j.Key, added, err)
	}
	return id
}

func TestAKeyHasAtMostOnePendingJob(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	first := mustEnqueue(t, s, job("k", at))
	if _, added, err := s.EnqueueJob(ctx, job("k", at.Add(time.Hour))); err != nil || added {
		t.Fatalf("second EnqueueJob for a pending key: added %v, %v", added, err)
	}
	replaced, err := s.ReplaceJob(ctx, job("k", at.Add(2*time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	pending, ok, err := s.PendingJob(ctx, "k")
	if err != nil || !ok || pending.ID != replaced || !pending.DueAt.Equal(at.Add(2*time.Hour)) {
		t.Fatalf("pending after replace = %+v (%v, %v), want job %d due in 2 h", pending, ok, err, replaced)
	}
	jobs, err := s.Jobs(ctx, "k")
	if err != nil {
		t.Fatal(err)
	}
	if len(jobs) != 2 || jobs[0].ID != first || jobs[0].State != spotter.JobCancelled {
		t.Errorf("jobs %+v: the replaced job should be kept as cancelled", jobs)
	}
}

func TestClaimTakesDueJobsOnceInDueOrder(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	late := mustEnqueue(t, s, job("b", at.Add(-time.Minute)))
	early := mustEnqueue(t, s, job("a", at.Add(-time.Hour)))
	mustEnqueue(t, s, job("future", at.Add(2*time.Hour)))

	got, err := s.ClaimJobs(ctx, "p1", at, time.Minute, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != early || got[1].ID != late {
		t.Fatalf("claimed %+v, want the two due jobs, earliest first", got)
	}
	if got[0].Attempts != 1 || got[0].State != spotter.JobClaimed || !got[0].PreviousClaim.IsZero() {
		t.Errorf("first claim = %+v, want attempt 1 with no previous claim", got[0])
	}
	again, err := s.ClaimJobs(ctx, "p2", at.Add(59*time.Second), time.Minute, 10)
	if err != nil || len(again) != 0 {
		t.Fatalf("a second claimant within the lease got %+v, %v", again, err)
	}
	limited, err := s.ClaimJobs(ctx, "p2", at.Add(time.Hour), time.Minute, 1)
	if err != nil || len(limited) != 1 {
		t.Fatalf("claim with limit 1 got %d jobs, %v", len(limited), err)
	}
}

func TestAnExpiredLeaseIsReclaimedAndRemembersTheEarlierAttempt(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	id := mustEnqueue(t, s, job("k", at))
	if _, err := s.ClaimJobs(ctx, "dead", at, time.Minute, 10); err != nil {
		t.Fatal(err)
	}
	got, err := s.ClaimJobs(ctx, "alive", at.Add(time.Minute), time.Minute, 10)
	if err != nil || len(got) != 1 || got[0].ID != id {
		t.Fatalf("reclaim = %+v, %v", got, err)
	}
	if got[0].Attempts != 2 || !got[0].PreviousClaim.Equal(at) {
		t.Errorf("reclaimed job = %+v, want attempt 2 with the earlier claim at %v", got[0], at)
	}
	err = s.FinishJob(ctx, id, "dead", spotter.JobResult{State: spotter.JobDone})
	if !errors.Is(err, spotter.ErrLeaseLost) {
		t.Errorf("the dead claimant finished a job it lost: %v", err)
	}
}

func TestExtendLeasesKeepsJobsInProgress(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	mustEnqueue(t, s, job("k", at))
	if _, err := s.ClaimJobs(ctx, "p1", at, time.Minute, 10); err != nil {
		t.Fatal(err)
	}
	if err := s.ExtendLeases(ctx, "p1", at.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if got, err := s.ClaimJobs(ctx, "p2", at.Add(90*time.Second), time.Minute, 10); err != nil || len(got) != 0 {
		t.Errorf("a job whose lease was extended was claimed: %+v, %v", got, err)
	}
}

func TestFinishQueuesTheNextOccurrenceAtomically(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	series := job("daily", at)
	series.Spec, series.Zone, series.Until = "0 9 * * *", "Europe/London", at.AddDate(0, 0, 7)
	id := mustEnqueue(t, s, series)
	if _, err := s.ClaimJobs(ctx, "p1", at, time.Minute, 10); err != nil {
		t.Fatal(err)
	}
	next := series
	next.DueAt = at.AddDate(0, 0, 1)
	if err := s.FinishJob(ctx, id, "p1", spotter.JobResult{State: spotter.JobDone, Late: true, Next: &next}); err != nil {
		t.Fatal(err)
	}
	jobs, err := s.Jobs(ctx, "daily")
	if err != nil {
		t.Fatal(err)
	}
	if len(jobs) != 2 || jobs[0].State != spotter.JobDone || !jobs[0].Late || jobs[1].State != spotter.JobPending {
		t.Fatalf("jobs %+v, want the done occurrence (late) and the next pending", jobs)
	}
	if j := jobs[1]; !j.DueAt.Equal(next.DueAt) || j.Spec != series.Spec || j.Zone != series.Zone || !j.Until.Equal(series.Until) || string(j.Payload) != string(series.Payload) {
		t.Errorf("next occurrence %+v does not carry the series", j)
	}
}

func TestFinishDoesNotForkASeriesRescheduledMeanwhile(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	id := mustEnqueue(t, s, job("daily", at))
	if _, err := s.ClaimJobs(ctx, "p1", at, time.Minute, 10); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReplaceJob(ctx, job("daily", at.Add(3*time.Hour))); err != nil {
		t.Fatal(err)
	}
	next := job("daily", at.AddDate(0, 0, 1))
	if err := s.FinishJob(ctx, id, "p1", spotter.JobResult{State: spotter.JobDone, Next: &next}); err != nil {
		t.Fatal(err)
	}
	pending, ok, err := s.PendingJob(ctx, "daily")
	if err != nil || !ok || !pending.DueAt.Equal(at.Add(3*time.Hour)) {
		t.Errorf("pending = %+v (%v, %v), want only the rescheduled occurrence", pending, ok, err)
	}
}

func TestRetryPutsTheJobBackUnlessSuperseded(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := mustEnqueue(t, s, job("a", at))
	b := mustEnqueue(t, s, job("b", at))
	if _, err := s.ClaimJobs(ctx, "p1", at, time.Minute, 10); err != nil {
		t.Fatal(err)
	}
	if err := s.RetryJob(ctx, a, "p1", at.Add(30*time.Second), "HTTP 503"); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.PendingJob(ctx, "a")
	if err != nil || !ok || !got.RunAt.Equal(at.Add(30*time.Second)) || !got.DueAt.Equal(at) || got.LastError != "HTTP 503" {
		t.Errorf("retried job = %+v (%v, %v), want pending at +30 s, still due at %v", got, ok, err, at)
	}
	mustEnqueue(t, s, job("b", at.Add(time.Hour)))
	if err := s.RetryJob(ctx, b, "p1", at.Add(30*time.Second), "HTTP 503"); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := s.PendingJob(ctx, "b"); !got.DueAt.Equal(at.Add(time.Hour)) {
		t.Errorf("pending b = %+v, want the newer job to win", got)
	}
	if err := s.RetryJob(ctx, a, "p1", at, "again"); !errors.Is(err, spotter.ErrLeaseLost) {
		t.Errorf("retrying a job no longer claimed = %v, want ErrLeaseLost", err)
	}
}

func TestCancelJobsMatchesWholePrefixesAndOnlyPendingJobs(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	mustEnqueue(t, s, job("checkin:12:daily", at))
	mustEnqueue(t, s, job("checkin:12:after:5", at))
	mustEnqueue(t, s, job("checkin:123:daily", at))
	n, err := s.CancelJobs(ctx, "checkin:12:")
	if err != nil || n != 2 {
		t.Fatalf("CancelJobs = %d, %v; want 2", n, err)
	}
	if _, ok, _ := s.PendingJob(ctx, "checkin:123:daily"); !ok {
		t.Error("another member's job was cancelled")
	}
	if _, err := s.CancelJobs(ctx, ""); err == nil {
		t.Error("an empty prefix would cancel every job")
	}
}

func TestPruneDeletesOnlyOldFinishedJobs(t *testing.T) {
	now := at
	s, _ := openTestStore(t, WithClock(func() time.Time { return now }))
	ctx := context.Background()
	old := mustEnqueue(t, s, job("old", at))
	mustEnqueue(t, s, job("pending", at))
	if _, err := s.ClaimJobs(ctx, "p", at, time.Minute, 1); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishJob(ctx, old, "p", spotter.JobResult{State: spotter.JobDone}); err != nil {
		t.Fatal(err)
	}
	now = at.AddDate(0, 0, 31)
	n, err := s.PruneJobs(ctx, now.AddDate(0, 0, -30))
	if err != nil || n != 1 {
		t.Fatalf("PruneJobs = %d, %v; want 1", n, err)
	}
	if _, ok, _ := s.PendingJob(ctx, "pending"); !ok {
		t.Error("a pending job was pruned")
	}
}

func TestDMChannelCache(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	if _, ok, err := s.DMChannel(ctx, "u1"); ok || err != nil {
		t.Fatalf("unknown member has a DM channel (%v, %v)", ok, err)
	}
	for _, id := range []string{"c1", "c2"} {
		if err := s.SetDMChannel(ctx, "u1", id); err != nil {
			t.Fatal(err)
		}
	}
	if id, ok, err := s.DMChannel(ctx, "u1"); !ok || err != nil || id != "c2" {
		t.Errorf("DMChannel = %q (%v, %v), want the latest, c2", id, ok, err)
	}
	if err := s.ForgetDMChannel(ctx, "u1"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.DMChannel(ctx, "u1"); ok {
		t.Error("a forgotten DM channel is still remembered")
	}
}

// An after-workout follow-up supersedes the member's older one (the
// convention lives in commands; the store keeps the Supersedes promise).
func TestEnqueueJobCancelsThePendingJobsItSupersedes(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	for i := 1; i <= 3; i++ {
		if _, _, err := s.EnqueueJob(ctx, spotter.NewJob{Kind: "checkin.prompt", Key: spotter.CheckinFollowUpKey(memberA, int64(i)),
			UserID: memberA, Supersedes: spotter.CheckinFollowUpPrefix(memberA), Payload: []byte(`{}`), DueAt: s.now().Add(2 * time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := s.EnqueueJob(ctx, spotter.NewJob{Kind: "checkin.prompt", Key: spotter.CheckinFollowUpKey(memberB, 9),
		UserID: memberB, Supersedes: spotter.CheckinFollowUpPrefix(memberB), Payload: []byte(`{}`), DueAt: s.now().Add(2 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	var pending []string
	for _, j := range mustJobs(t, s, spotter.CheckinKeyPrefix(memberA)) {
		if j.State == spotter.JobPending {
			pending = append(pending, j.Key)
		}
	}
	if want := spotter.CheckinKeyPrefix(memberA) + "after:3"; len(pending) != 1 || pending[0] != want {
		t.Errorf("pending follow-ups %v, want only the latest, %s", pending, want)
	}
	if _, ok, _ := s.PendingJob(ctx, spotter.CheckinKeyPrefix(memberB)+"after:9"); !ok {
		t.Error("another member's follow-up was cancelled")
	}
}

func mustJobs(t *testing.T, s *Store, prefix string) []spotter.Job {
	t.Helper()
	jobs, err := s.Jobs(context.Background(), prefix)
	if err != nil {
		t.Fatal(err)
	}
	return jobs
}
