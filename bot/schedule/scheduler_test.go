package schedule

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot/store"
)

func TestDailySeriesFiresAtLocalTimeAcrossSpringForward(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		ny := mustZone(t, "America/New_York")
		jumpTo(time.Date(2026, 3, 3, 12, 0, 0, 0, ny))
		st := openStore(t)
		fake := newFakeDiscord()
		// The longest beat a 2-minute lease allows; it is the test's cost
		// (twelve days of beats), and from noon every 09:00 is a beat.
		start(t, st, fake, Options{Heartbeat: "@every 40s", Lease: 2 * time.Minute})
		rec, err := DailyAt(9, 0, "America/New_York")
		if err != nil {
			t.Fatal(err)
		}
		first := rec.Next(time.Now())
		enqueue(t, st, spotter.NewJob{Key: "daily:u1", Payload: payload(t, "u1", "How is your back?"), DueAt: first,
			Spec: rec.Spec(), Zone: rec.Zone(), Until: first.In(ny).AddDate(0, 0, 10)})

		time.Sleep(12 * 24 * time.Hour)
		synctest.Wait()

		got := fake.messagesTo("u1")
		if len(got) != 10 {
			t.Fatalf("%d check-ins in 10 days, want 10", len(got))
		}
		seen := map[string]bool{}
		for _, m := range got {
			at := m.At.In(ny)
			if at.Hour() != 9 || at.Minute() != 0 {
				t.Errorf("check-in at %v, want 09:00 New York time", at)
			}
			seen[at.Format(time.DateOnly)] = true
		}
		if len(seen) != 10 || !seen["2026-03-08"] {
			t.Errorf("check-ins on %d distinct days (%v), want 10 including the change on March 8", len(seen), seen)
		}
		if _, ok, _ := st.PendingJob(context.Background(), "daily:u1"); ok {
			t.Error("the series is still queued after its end")
		}
	})
}

func TestDowntimeCatchUpSendsRecentOnceAndSkipsStale(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		jumpTo(time.Date(2026, 5, 4, 12, 0, 0, 0, time.UTC))
		st := openStore(t)
		now := time.Now()
		rec, err := DailyAt(9, 0, "UTC")
		if err != nil {
			t.Fatal(err)
		}
		// Queued before a two-day outage that ends now.
		enqueue(t, st, spotter.NewJob{Key: "recent", Payload: payload(t, "u1", "missed by an hour"), DueAt: now.Add(-time.Hour)})
		enqueue(t, st, spotter.NewJob{Key: "stale", Payload: payload(t, "u2", "missed by five hours"), DueAt: now.Add(-5 * time.Hour)})
		enqueue(t, st, spotter.NewJob{Key: "daily:u3", Payload: payload(t, "u3", "daily"), DueAt: now.Add(-51 * time.Hour),
			Spec: rec.Spec(), Zone: rec.Zone()})

		fake := newFakeDiscord()
		start(t, st, fake, Options{})
		time.Sleep(time.Minute)
		synctest.Wait()

		if got := fake.messagesTo("u1"); len(got) != 1 || got[0].Content != "missed by an hour (late)" {
			t.Errorf("recent miss delivered as %+v, want once, marked late", got)
		}
		if got := fake.messagesTo("u2"); len(got) != 0 {
			t.Errorf("stale job delivered: %+v", got)
		}
		if got := fake.messagesTo("u3"); len(got) != 0 {
			t.Errorf("a series missed for two days sent %d messages at restart, want none", len(got))
		}
		next, ok, err := st.PendingJob(context.Background(), "daily:u3")
		if err != nil || !ok || !next.DueAt.Equal(time.Date(2026, 5, 5, 9, 0, 0, 0, time.UTC)) {
			t.Fatalf("series after the outage: next %v (%v, %v), want tomorrow 09:00", next.DueAt, ok, err)
		}
		states := map[string]spotter.JobState{}
		for _, j := range jobsWithPrefix(t, st, "") {
			if j.State != spotter.JobPending {
				states[j.Key] = j.State
			}
		}
		if states["stale"] != spotter.JobSkipped || states["daily:u3"] != spotter.JobSkipped || states["recent"] != spotter.JobDone {
			t.Errorf("outcomes %v, want stale and the old occurrence skipped, recent done", states)
		}

		time.Sleep(24 * time.Hour)
		synctest.Wait()
		if got := fake.messagesTo("u3"); len(got) != 1 || got[0].Content != "daily" {
			t.Errorf("the day after the outage: %+v, want one on-time check-in", got)
		}
	})
}

func TestTransientFailuresRetryWithBackoffAndDefiniteOnesDoNot(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		failures  []error
		wantSends int
		wantState spotter.JobState
		wantGaps  []time.Duration
	}{
		{"server errors then success", []error{restError(500, 0), restError(503, 0)}, 1, spotter.JobDone, []time.Duration{30 * time.Second, time.Minute}},
		{"rate limited then success", []error{&discordgo.RateLimitError{RateLimit: &discordgo.RateLimit{TooManyRequests: &discordgo.TooManyRequests{}}}}, 1, spotter.JobDone, []time.Duration{30 * time.Second}},
		{"network down every time", []error{errors.New("dial tcp: refused"), errors.New("dial tcp: refused"), errors.New("dial tcp: refused")}, 0, spotter.JobFailed, []time.Duration{30 * time.Second, time.Minute}},
		{"missing permissions is final", []error{restError(http.StatusForbidden, 50013)}, 0, spotter.JobFailed, nil},
		{"invalid form body is final", []error{restError(http.StatusBadRequest, 50035)}, 0, spotter.JobFailed, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				jumpTo(time.Date(2026, 5, 4, 12, 0, 0, 0, time.UTC))
				st := openStore(t)
				fake := newFakeDiscord()
				fake.failNext(tt.failures...)
				start(t, st, fake, Options{Heartbeat: "@every 1s", MaxAttempts: 3})
				enqueue(t, st, spotter.NewJob{Key: "k", Payload: payload(t, "u1", "hi"), DueAt: time.Now().Add(time.Second)})
				time.Sleep(10 * time.Minute)
				synctest.Wait()

				if got := len(fake.messages()); got != tt.wantSends {
					t.Errorf("%d messages, want %d", got, tt.wantSends)
				}
				jobs := jobsWithPrefix(t, st, "k")
				if len(jobs) != 1 || jobs[0].State != tt.wantState {
					t.Fatalf("jobs %+v, want one %s", jobs, tt.wantState)
				}
				reqs := fake.requestTimes()
				var sends []time.Time
				for _, r := range reqs[1:] { // the first request opens the DM channel
					sends = append(sends, r)
				}
				var gaps []time.Duration
				for i := 1; i < len(sends); i++ {
					gaps = append(gaps, sends[i].Sub(sends[i-1]).Round(time.Second))
				}
				if len(gaps) != len(tt.wantGaps) {
					t.Fatalf("waits between attempts %v, want %v", gaps, tt.wantGaps)
				}
				for i := range gaps {
					if gaps[i] < tt.wantGaps[i] || gaps[i] > tt.wantGaps[i]+2*time.Second {
						t.Errorf("waits between attempts %v, want %v (within a heartbeat)", gaps, tt.wantGaps)
					}
				}
			})
		})
	}
}

func TestDefiniteFailureKeepsTheSeriesGoing(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		jumpTo(time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC))
		st := openStore(t)
		fake := newFakeDiscord()
		fake.failNext(restError(http.StatusForbidden, 50013))
		start(t, st, fake, Options{})
		rec, err := DailyAt(9, 0, "UTC")
		if err != nil {
			t.Fatal(err)
		}
		enqueue(t, st, spotter.NewJob{Key: "daily", Payload: payload(t, "u1", "daily"), DueAt: rec.Next(time.Now()), Spec: rec.Spec(), Zone: rec.Zone()})
		time.Sleep(26 * time.Hour)
		synctest.Wait()
		if got := fake.messagesTo("u1"); len(got) != 1 || got[0].At.Day() != 5 {
			t.Errorf("messages %+v, want only the next day's", got)
		}
	})
}

func TestEndSeriesStopsTheSeries(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		jumpTo(time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC))
		st := openStore(t)
		fake := newFakeDiscord()
		fake.closeDMs("u1")
		s, err := New(quiet(Options{Store: st, Heartbeat: "@every 30s", Lease: 2 * time.Minute}))
		if err != nil {
			t.Fatal(err)
		}
		var calls atomic.Int32
		s.Register("dm", func(ctx context.Context, job Job, out *Sender) error {
			calls.Add(1)
			err := sendDM(ctx, job, out)
			if err != nil && strings.Contains(err.Error(), "Forbidden") {
				return EndSeries(err)
			}
			return err
		})
		if err := s.Start(fake); err != nil {
			t.Fatal(err)
		}
		defer s.Stop(context.Background())
		rec, err := DailyAt(9, 0, "UTC")
		if err != nil {
			t.Fatal(err)
		}
		enqueue(t, st, spotter.NewJob{Key: "daily", Payload: payload(t, "u1", "daily"), DueAt: rec.Next(time.Now()), Spec: rec.Spec(), Zone: rec.Zone()})
		time.Sleep(50 * time.Hour)
		synctest.Wait()
		if calls.Load() != 1 {
			t.Errorf("handler ran %d times, want once: the series should have ended", calls.Load())
		}
		jobs := jobsWithPrefix(t, st, "daily")
		if len(jobs) != 1 || jobs[0].State != spotter.JobFailed || !strings.Contains(jobs[0].LastError, "Forbidden") {
			t.Errorf("jobs %+v, want one failed job and nothing queued", jobs)
		}
	})
}

func TestAJobOfADeadProcessIsReclaimedAndNotSentTwice(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		jumpTo(time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC))
		st := openStore(t)
		fake := newFakeDiscord()
		id := enqueue(t, st, spotter.NewJob{Key: "k", Payload: payload(t, "u1", "check-in"), DueAt: time.Now()})

		// A process claims the job, sends it, and dies before recording it.
		claimed, err := st.ClaimJobs(context.Background(), "dead", time.Now(), time.Minute, 10)
		if err != nil || len(claimed) != 1 || claimed[0].ID != id {
			t.Fatalf("claim: %+v, %v", claimed, err)
		}
		dead, err := New(quiet(Options{Store: st}))
		if err != nil {
			t.Fatal(err)
		}
		dead.sender.bind(fake)
		job := jobFromStore(claimed[0], time.Now(), time.Minute)
		if err := sendDM(context.Background(), job, dead.sender); err != nil {
			t.Fatal(err)
		}

		var redelivered atomic.Bool
		s, err := New(quiet(Options{Store: st, Heartbeat: "@every 15s"}))
		if err != nil {
			t.Fatal(err)
		}
		s.Register("dm", func(ctx context.Context, job Job, out *Sender) error {
			redelivered.Store(job.Redelivery)
			return sendDM(ctx, job, out)
		})
		if err := s.Start(fake); err != nil {
			t.Fatal(err)
		}
		defer s.Stop(context.Background())
		synctest.Wait()
		if jobs := jobsWithPrefix(t, st, "k"); jobs[0].State != spotter.JobClaimed {
			t.Fatalf("the job was taken from its claimant before the lease ran out: %+v", jobs[0])
		}
		time.Sleep(2 * time.Minute)
		synctest.Wait()

		if got := fake.messagesTo("u1"); len(got) != 1 {
			t.Errorf("%d messages after the re-run, want 1 (the nonce dedupes)", len(got))
		}
		if !redelivered.Load() {
			t.Error("the handler was not told the job may have been delivered")
		}
		if jobs := jobsWithPrefix(t, st, "k"); jobs[0].State != spotter.JobDone {
			t.Errorf("job %+v, want done", jobs[0])
		}
	})
}

func TestAJobInProgressKeepsItsLease(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		jumpTo(time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC))
		st := openStore(t)
		slow, err := New(quiet(Options{Store: st, Heartbeat: "@every 15s"}))
		if err != nil {
			t.Fatal(err)
		}
		var runs atomic.Int32
		handler := func(ctx context.Context, job Job, out *Sender) error {
			runs.Add(1)
			time.Sleep(10 * time.Minute)
			return nil
		}
		slow.Register("dm", handler)
		other, err := New(quiet(Options{Store: st, Heartbeat: "@every 15s"}))
		if err != nil {
			t.Fatal(err)
		}
		other.Register("dm", handler)
		enqueue(t, st, spotter.NewJob{Key: "k", Payload: payload(t, "u1", "x"), DueAt: time.Now()})
		if err := slow.Start(newFakeDiscord()); err != nil {
			t.Fatal(err)
		}
		synctest.Wait()
		if err := other.Start(newFakeDiscord()); err != nil {
			t.Fatal(err)
		}
		time.Sleep(20 * time.Minute)
		synctest.Wait()
		for _, s := range []*Scheduler{slow, other} {
			if err := s.Stop(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		if runs.Load() != 1 {
			t.Errorf("a 10-minute job with a 1-minute lease ran %d times, want once", runs.Load())
		}
	})
}

func TestPacedSendsStayUnderTheGlobalLimit(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		jumpTo(time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC))
		st := openStore(t)
		fake := newFakeDiscord()
		for i := range 300 {
			user := fmt.Sprintf("u%03d", i)
			if err := st.SetDMChannel(context.Background(), user, "dm-"+user); err != nil {
				t.Fatal(err)
			}
			fake.channels[user], fake.users["dm-"+user] = "dm-"+user, user
			enqueue(t, st, spotter.NewJob{Key: "k" + user, Payload: payload(t, user, "hi"), DueAt: time.Now()})
		}
		start(t, st, fake, Options{GlobalRateLimit: 50, Concurrency: 32})
		time.Sleep(time.Minute)
		synctest.Wait()

		reqs := fake.requestTimes()
		if len(reqs) != 300 || len(fake.messages()) != 300 {
			t.Fatalf("%d requests and %d messages for 300 cached recipients, want 300 of each", len(reqs), len(fake.messages()))
		}
		assertAtMostPerSecond(t, reqs, 50)
		rate := float64(len(reqs)-1) / reqs[len(reqs)-1].Sub(reqs[0]).Seconds()
		if want := 50 * headroom; rate < want*0.95 || rate > want*1.01 {
			t.Errorf("sustained %.1f requests/s, want the pacer's %.0f", rate, want)
		}
	})
}

func TestOtherRESTCallsOfJobsArePacedToo(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		jumpTo(time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC))
		st := openStore(t)
		fake := newFakeDiscord()
		s, err := New(quiet(Options{Store: st, GlobalRateLimit: 50, Concurrency: 32, Heartbeat: "@every 15s"}))
		if err != nil {
			t.Fatal(err)
		}
		s.Register("pin", func(ctx context.Context, job Job, out *Sender) error {
			_, err := out.RequestWithBucketID(http.MethodPut, "/channels/c/messages/pins/"+job.Key, nil, "/channels/c/messages/pins/", discordgo.WithContext(ctx))
			return err
		})
		for i := range 120 {
			enqueue(t, st, spotter.NewJob{Kind: "pin", Key: fmt.Sprintf("m%03d", i), DueAt: time.Now()})
		}
		if err := s.Start(fake); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = s.Stop(context.Background()) })
		time.Sleep(time.Minute)
		synctest.Wait()

		if calls := fake.otherCalls(); len(calls) != 120 || !slices.Contains(calls, "PUT /channels/c/messages/pins/m007") {
			t.Fatalf("%d pin calls reached Discord, want 120 (first: %v)", len(calls), calls[:min(3, len(calls))])
		}
		assertAtMostPerSecond(t, fake.requestTimes(), 50)
	})
}

func TestSlowDMChannelOpensDoNotHoldUpOtherSends(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		jumpTo(time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC))
		st := openStore(t)
		fake := newFakeDiscord()
		fake.openDelay = 5 * time.Second
		for i := range 4 {
			enqueue(t, st, spotter.NewJob{Key: fmt.Sprintf("new%d", i), Payload: payload(t, fmt.Sprintf("new%d", i), "hi"), DueAt: time.Now()})
		}
		for i := range 40 {
			user := fmt.Sprintf("known%02d", i)
			if err := st.SetDMChannel(context.Background(), user, "dm-"+user); err != nil {
				t.Fatal(err)
			}
			fake.channels[user], fake.users["dm-"+user] = "dm-"+user, user
			enqueue(t, st, spotter.NewJob{Key: user, Payload: payload(t, user, "hi"), DueAt: time.Now()})
		}
		start(t, st, fake, Options{Concurrency: 2})
		time.Sleep(3 * time.Second)
		synctest.Wait()
		known := 0
		for _, m := range fake.messages() {
			if strings.HasPrefix(m.UserID, "known") {
				known++
			}
		}
		if known != 40 {
			t.Errorf("%d of 40 members with a known DM channel got their message while new channels were being opened", known)
		}
		time.Sleep(time.Minute)
		synctest.Wait()
		if got := len(fake.messages()); got != 44 {
			t.Errorf("%d messages in the end, want 44", got)
		}
	})
}

func TestConcurrencyIsBoundedAndEveryJobRunsOnce(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		jumpTo(time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC))
		st := openStore(t)
		s, err := New(quiet(Options{Store: st, Heartbeat: "@every 15s", Concurrency: 4}))
		if err != nil {
			t.Fatal(err)
		}
		var running, peak atomic.Int32
		runs := map[int64]int{}
		done := make(chan int64, 100)
		s.Register("dm", func(ctx context.Context, job Job, out *Sender) error {
			n := running.Add(1)
			for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
			}
			time.Sleep(time.Second)
			running.Add(-1)
			done <- job.ID
			return nil
		})
		for i := range 100 {
			enqueue(t, st, spotter.NewJob{Key: fmt.Sprintf("k%03d", i), Payload: payload(t, "u", "x"), DueAt: time.Now()})
		}
		if err := s.Start(newFakeDiscord()); err != nil {
			t.Fatal(err)
		}
		for range 100 {
			runs[<-done]++
		}
		if err := s.Stop(context.Background()); err != nil {
			t.Fatal(err)
		}
		if peak.Load() > 4 {
			t.Errorf("%d jobs ran at once, want at most 4", peak.Load())
		}
		for id, n := range runs {
			if n != 1 {
				t.Errorf("job %d ran %d times", id, n)
			}
		}
		if len(runs) != 100 {
			t.Errorf("%d distinct jobs ran, want 100", len(runs))
		}
	})
}

func TestDMChannelsAreOpenedOnceAndRememberedAcrossRestarts(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		jumpTo(time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC))
		path := t.TempDir() + "/spotter.db"
		fake := newFakeDiscord()
		ctx := context.Background()

		st := openStoreAt(t, path)
		s := start(t, st, fake, Options{})
		enqueue(t, st, spotter.NewJob{Key: "a", Payload: payload(t, "u1", "one"), DueAt: time.Now()})
		enqueue(t, st, spotter.NewJob{Key: "b", Payload: payload(t, "u1", "two"), DueAt: time.Now().Add(time.Minute)})
		time.Sleep(2 * time.Minute)
		synctest.Wait()
		if err := s.Stop(ctx); err != nil {
			t.Fatal(err)
		}
		if fake.channelOpens() != 1 {
			t.Errorf("opened the DM channel %d times for two messages, want once", fake.channelOpens())
		}

		again := openStoreAt(t, path)
		start(t, again, fake, Options{})
		enqueue(t, again, spotter.NewJob{Key: "c", Payload: payload(t, "u1", "three"), DueAt: time.Now()})
		time.Sleep(time.Minute)
		synctest.Wait()
		if fake.channelOpens() != 1 {
			t.Errorf("after a restart the DM channel was opened again (%d opens)", fake.channelOpens())
		}

		// Discord forgot the channel: open a fresh one, once, and deliver.
		fake.mu.Lock()
		delete(fake.users, fake.channels["u1"])
		delete(fake.channels, "u1")
		fake.mu.Unlock()
		enqueue(t, again, spotter.NewJob{Key: "d", Payload: payload(t, "u1", "four"), DueAt: time.Now()})
		time.Sleep(time.Minute)
		synctest.Wait()
		if got := fake.messagesTo("u1"); len(got) != 4 || got[3].Content != "four" || fake.channelOpens() != 2 {
			t.Errorf("after the channel vanished: %d messages, %d opens; want 4 messages, 2 opens", len(got), fake.channelOpens())
		}
	})
}

func TestOpenedDMChannelSavesTheNextOpen(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		jumpTo(time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC))
		st := openStore(t)
		fake := newFakeDiscord()
		s := start(t, st, fake, Options{})
		if err := s.Sender().OpenDM(context.Background(), "u1"); err != nil {
			t.Fatal(err)
		}
		enqueue(t, st, spotter.NewJob{Key: "a", Payload: payload(t, "u1", "one"), DueAt: time.Now()})
		time.Sleep(time.Minute)
		synctest.Wait()
		if len(fake.messagesTo("u1")) != 1 || fake.channelOpens() != 1 {
			t.Errorf("%d messages, %d channel opens; want 1 message and the one open", len(fake.messagesTo("u1")), fake.channelOpens())
		}
	})
}

func TestStopInterruptsLongJobsAndReleasesThem(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		jumpTo(time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC))
		st := openStore(t)
		s, err := New(quiet(Options{Store: st, Heartbeat: "@every 15s"}))
		if err != nil {
			t.Fatal(err)
		}
		s.Register("dm", func(ctx context.Context, job Job, out *Sender) error {
			<-ctx.Done()
			return ctx.Err()
		})
		enqueue(t, st, spotter.NewJob{Key: "k", Payload: payload(t, "u1", "x"), DueAt: time.Now()})
		if err := s.Start(newFakeDiscord()); err != nil {
			t.Fatal(err)
		}
		synctest.Wait()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := s.Stop(ctx); err == nil {
			t.Error("Stop reported success while a job was still running")
		}
		job, ok, err := st.PendingJob(context.Background(), "k")
		if err != nil || !ok || job.RunAt.After(time.Now()) {
			t.Errorf("interrupted job: %+v (%v, %v), want it pending to run again at once", job, ok, err)
		}
	})
}

func TestNewRejectsUnsafeOptions(t *testing.T) {
	t.Parallel()
	st, err := store.Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"no store", Options{}, "no store"},
		{"lease longer than discord remembers nonces", Options{Store: st, Lease: 10 * time.Minute}, "lease"},
		{"lease shorter than three heartbeats", Options{Store: st, Lease: 30 * time.Second, Heartbeat: "@every 15s"}, "three heartbeats"},
		{"bad heartbeat", Options{Store: st, Heartbeat: "often"}, "heartbeat"},
		{"zero rate", Options{Store: st, GlobalRateLimit: -1}, "rate limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := New(tt.opts); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("New = %v, want an error about %q", err, tt.want)
			}
		})
	}
}

func TestOneBusyMemberDoesNotHoldUpOthers(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		jumpTo(time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC))
		st := openStore(t)
		fake := newFakeDiscord()
		s, err := New(quiet(Options{Store: st, Heartbeat: "@every 15s", Concurrency: 4}))
		if err != nil {
			t.Fatal(err)
		}
		// u1's DMs wait on their channel's bucket; u2's go straight out.
		s.Register("dm", func(ctx context.Context, job Job, out *Sender) error {
			var p dmPayload
			if err := job.Decode(&p); err != nil {
				return err
			}
			if p.User == "u1" {
				time.Sleep(10 * time.Second)
			}
			return sendDM(ctx, job, out)
		})
		for i := range 12 {
			enqueue(t, st, spotter.NewJob{Key: fmt.Sprintf("checkin:u1:after:%d", i), Payload: payload(t, "u1", "again"), DueAt: time.Now()})
		}
		enqueue(t, st, spotter.NewJob{Key: "checkin:u2:daily", Payload: payload(t, "u2", "daily"), DueAt: time.Now()})
		if err := s.Start(fake); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Stop(context.Background()) })
		time.Sleep(time.Second)
		synctest.Wait()
		if got := fake.messagesTo("u2"); len(got) != 1 {
			t.Errorf("u2's check-in waited behind u1's queue: %d sent after a second", len(got))
		}
	})
}

func TestAJobOfADeadProcessIsNotResentPastTheNonceMemory(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		jumpTo(time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC))
		st := openStore(t)
		fake := newFakeDiscord()
		enqueue(t, st, spotter.NewJob{Key: "k", Payload: payload(t, "u1", "check-in"), DueAt: time.Now()})

		// A process claims the job, sends it, and dies before recording it;
		// the bot then stays down for longer than Discord remembers nonces.
		claimed, err := st.ClaimJobs(context.Background(), "dead", time.Now(), time.Minute, 10)
		if err != nil || len(claimed) != 1 {
			t.Fatalf("claim: %+v, %v", claimed, err)
		}
		dead, err := New(quiet(Options{Store: st}))
		if err != nil {
			t.Fatal(err)
		}
		dead.sender.bind(fake)
		if err := sendDM(context.Background(), jobFromStore(claimed[0], time.Now(), time.Minute), dead.sender); err != nil {
			t.Fatal(err)
		}
		time.Sleep(30 * time.Minute)

		start(t, st, fake, Options{})
		time.Sleep(time.Minute)
		synctest.Wait()
		if got := fake.messagesTo("u1"); len(got) != 1 {
			t.Errorf("the member got %d copies of the check-in after the outage, want 1", len(got))
		}
		if jobs := jobsWithPrefix(t, st, "k"); jobs[0].State != spotter.JobSkipped {
			t.Errorf("job state %s, want skipped (at most once past the nonce memory)", jobs[0].State)
		}
	})
}

func TestWakeClaimsDueJobsBeforeTheNextHeartbeat(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		jumpTo(time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC))
		st := openStore(t)
		fake := newFakeDiscord()
		s := start(t, st, fake, Options{}) // a beat every 15 s
		synctest.Wait()
		enqueue(t, st, spotter.NewJob{Key: "k", Payload: payload(t, "u1", "now"), DueAt: time.Now()})
		// A second is time enough for the paced sends, and far from a beat.
		time.Sleep(time.Second)
		synctest.Wait()
		if got := fake.messagesTo("u1"); len(got) != 0 {
			t.Fatalf("sent %+v before any heartbeat or wake", got)
		}
		s.Wake()
		time.Sleep(time.Second)
		synctest.Wait()
		if got := fake.messagesTo("u1"); len(got) != 1 || got[0].Content != "now" {
			t.Errorf("a second after Wake: %+v, want the due job sent once, before the next beat", got)
		}
	})
}
