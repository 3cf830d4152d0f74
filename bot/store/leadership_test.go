package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/spotter-bot/spotter"
)

func TestTakeOverJobsFreesOtherOwnersClaimsAtOnce(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	lost := mustEnqueue(t, s, job("checkin:1:daily", at))
	own := mustEnqueue(t, s, job("checkin:2:daily", at))
	if got, err := s.ClaimJobs(ctx, "old-leader", at, time.Minute, 1); err != nil || len(got) != 1 || got[0].ID != lost {
		t.Fatalf("first claim = %+v, %v", got, err)
	}
	if got, err := s.ClaimJobs(ctx, "new-leader", at, time.Minute, 1); err != nil || len(got) != 1 || got[0].ID != own {
		t.Fatalf("second claim = %+v, %v", got, err)
	}
	later := at.Add(5 * time.Second) // well inside the old leader's lease
	n, err := s.TakeOverJobs(ctx, "new-leader", later)
	if err != nil || n != 1 {
		t.Fatalf("TakeOverJobs = %d, %v; want the old leader's one job", n, err)
	}
	got, err := s.ClaimJobs(ctx, "new-leader", later, time.Minute, 10)
	if err != nil || len(got) != 1 || got[0].ID != lost {
		t.Fatalf("claim after the take-over = %+v, %v; want the old leader's job", got, err)
	}
	if !got[0].Abandoned || !got[0].PreviousClaim.Equal(at) {
		t.Errorf("taken-over job = %+v; it must remember the earlier attempt, so it is re-sent only within the nonce memory", got[0])
	}
	if err := s.FinishJob(ctx, lost, "old-leader", spotter.JobResult{State: spotter.JobDone}); !errors.Is(err, spotter.ErrLeaseLost) {
		t.Errorf("the old leader finished a job taken over from it: %v", err)
	}
	if err := s.FinishJob(ctx, own, "new-leader", spotter.JobResult{State: spotter.JobDone}); err != nil {
		t.Errorf("the new leader's own claim was disturbed: %v", err)
	}
}

// On PostgreSQL one replica leads at a time; the lead passes on when the
// leader resigns and when its session ends. (cmd/spotter's replica test
// kills a leading process for real.) SQLite has one process, which
// always leads.
func TestOneReplicaLeadsAndTheLeadPassesOn(t *testing.T) {
	s, where := openTestStore(t)
	ctx := context.Background()
	if s.dialect == sqliteDialect {
		if ok, err := s.Leadership().Lead(ctx); !ok || err != nil {
			t.Fatalf("a SQLite store must always lead: %v, %v", ok, err)
		}
		return
	}
	first, second := s.Leadership(), reopen(t, where).Leadership()
	mustLead(t, first, true)
	mustLead(t, second, false)
	mustLead(t, first, true) // holding is stable

	if err := first.Resign(ctx); err != nil {
		t.Fatal(err)
	}
	mustLead(t, second, true)
	mustLead(t, first, false)

	// The server cuts the leader's session (as it does when the leader's
	// process dies and its socket closes): the leader notices at its next
	// look and stops leading, and the lead is free for another.
	lead := second
	var pid int
	if err := lead.conn.QueryRowContext(ctx, "SELECT pg_backend_pid()").Scan(&pid); err != nil {
		t.Fatal(err)
	}
	// With a timeout, pg_terminate_backend waits for the session to end.
	if _, err := s.db.ExecContext(ctx, "SELECT pg_terminate_backend(?, 5000)", pid); err != nil {
		t.Fatal(err)
	}
	if ok, err := lead.Lead(ctx); ok || err == nil {
		t.Errorf("a leader whose session was cut still leads: %v, %v", ok, err)
	}
	mustLead(t, first, true)
}

func mustLead(t *testing.T, l *Leadership, want bool) {
	t.Helper()
	got, err := l.Lead(context.Background())
	if err != nil {
		t.Fatalf("Lead: %v", err)
	}
	if got != want {
		t.Fatalf("Lead = %v, want %v", got, want)
	}
}
