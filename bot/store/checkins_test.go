package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/spotter-bot/spotter"
)

const member = "180000000000000001"

func plan(days int) spotter.CheckinPlan {
	return spotter.CheckinPlan{UserID: member, LocalTime: "09:00", Zone: "Europe/London", Days: days, StartedAt: at, EndsAt: at.AddDate(0, 0, days)}
}

func dailyJob(due time.Time) spotter.NewJob {
	return spotter.NewJob{Kind: "checkin.prompt", Key: spotter.CheckinDailyKey(member), UserID: member, DueAt: due, Spec: "0 9 * * *", Zone: "Europe/London"}
}

func startPlan(t *testing.T, s *Store, baseline int, due time.Time) spotter.CheckinPlan {
	t.Helper()
	p, err := s.StartCheckinPlan(context.Background(), plan(14), spotter.PainEntry{Source: "baseline", Pain: baseline, At: at}, dailyJob(due))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestStartingAgainUpdatesThePlanInsteadOfDuplicatingIt(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	first := startPlan(t, s, 6, at.Add(time.Hour))
	if first.Status != spotter.PlanActive || !first.NextDue.Equal(at.Add(time.Hour)) {
		t.Fatalf("new plan = %+v, want active with its first check-in due in an hour", first)
	}
	again := startPlan(t, s, 5, at.Add(2*time.Hour))
	if again.ID != first.ID || !again.NextDue.Equal(at.Add(2*time.Hour)) {
		t.Fatalf("restarted plan = %+v, want plan %d with the new time", again, first.ID)
	}
	jobs, err := s.Jobs(ctx, spotter.CheckinKeyPrefix(member))
	if err != nil {
		t.Fatal(err)
	}
	pending := 0
	for _, j := range jobs {
		if j.State == spotter.JobPending {
			pending++
		}
	}
	if pending != 1 {
		t.Errorf("%d daily check-ins queued after starting twice, want 1", pending)
	}
	entries, err := s.PainEntries(ctx, first.ID, time.Time{})
	if err != nil || len(entries) != 2 || entries[1].Pain != 5 || entries[1].Source != "baseline" {
		t.Errorf("entries %+v (%v), want both baselines", entries, err)
	}
}

func TestPauseResumeAndStop(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	startPlan(t, s, 4, at.Add(time.Hour))
	if _, _, err := s.EnqueueJob(ctx, spotter.NewJob{Kind: "checkin.prompt", Key: spotter.CheckinFollowUpKey(member, 1), UserID: member, DueAt: at.Add(2 * time.Hour)}); err != nil {
		t.Fatal(err)
	}

	paused, err := s.PauseCheckinPlan(ctx, member, spotter.PausedByMember)
	if err != nil || !paused {
		t.Fatalf("pause = %v, %v", paused, err)
	}
	p, _, _ := s.CheckinPlan(ctx, member)
	if p.Status != spotter.PlanPaused || p.PausedReason != spotter.PausedByMember || !p.NextDue.IsZero() {
		t.Errorf("paused plan = %+v, want paused by the member with nothing queued", p)
	}
	if _, ok, _ := s.PendingJob(ctx, spotter.CheckinKeyPrefix(member)+"after:1"); ok {
		t.Error("the workout follow-up is still queued while paused")
	}
	if has, _ := s.HasMemberNotices(ctx, member); has {
		t.Error("a member who paused themselves got a notice")
	}

	p, err = s.ResumeCheckinPlan(ctx, member, dailyJob(at.Add(25*time.Hour)))
	if err != nil || p.Status != spotter.PlanActive || !p.NextDue.Equal(at.Add(25*time.Hour)) {
		t.Fatalf("resumed plan = %+v, %v", p, err)
	}
	if _, err := s.ResumeCheckinPlan(ctx, member, dailyJob(at)); err == nil {
		t.Error("resuming an active plan succeeded")
	}

	stopped, err := s.StopCheckinPlan(ctx, member)
	if err != nil || !stopped {
		t.Fatalf("stop = %v, %v", stopped, err)
	}
	p, _, _ = s.CheckinPlan(ctx, member)
	if p.Status != spotter.PlanStopped || !p.NextDue.IsZero() || p.Zone != "Europe/London" {
		t.Errorf("stopped plan = %+v, want stopped, nothing queued, zone remembered", p)
	}
	if entries, _ := s.PainEntries(ctx, p.ID, time.Time{}); len(entries) != 1 {
		t.Errorf("stopping lost the history: %d entries", len(entries))
	}
}

func TestClosedDMsPauseThePlanAndLeaveOneNotice(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	startPlan(t, s, 4, at.Add(time.Hour))
	for range 2 {
		if _, err := s.PauseCheckinPlan(ctx, member, spotter.PausedDMsClosed); err != nil {
			t.Fatal(err)
		}
	}
	p, _, _ := s.CheckinPlan(ctx, member)
	if p.Status != spotter.PlanPaused || p.PausedReason != spotter.PausedDMsClosed {
		t.Errorf("plan = %+v, want paused because DMs are closed", p)
	}
	notices, err := s.TakeMemberNotices(ctx, member)
	if err != nil || len(notices) != 1 || notices[0] != spotter.NoticeCheckinsDMsClosed {
		t.Fatalf("notices = %v, %v; want one about closed DMs", notices, err)
	}
	if again, _ := s.TakeMemberNotices(ctx, member); len(again) != 0 {
		t.Errorf("a notice was shown twice: %v", again)
	}
	if _, err := s.PauseCheckinPlan(ctx, member, spotter.PausedDMsClosed); err != nil {
		t.Fatal(err)
	}
	if has, _ := s.HasMemberNotices(ctx, member); has {
		t.Error("pausing an already paused plan left a second notice")
	}
}

func TestResumingClearsAWaitingNotice(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	startPlan(t, s, 4, at.Add(time.Hour))
	if _, err := s.PauseCheckinPlan(ctx, member, spotter.PausedDMsClosed); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ResumeCheckinPlan(ctx, member, dailyJob(at.Add(time.Hour))); err != nil {
		t.Fatal(err)
	}
	if has, _ := s.HasMemberNotices(ctx, member); has {
		t.Error("the notice about closed DMs outlived the resume")
	}
}

func TestRescheduleReplacesTheQueuedCheckinOnlyWhileActive(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	startPlan(t, s, 4, at.Add(time.Hour))
	changed := plan(30)
	changed.LocalTime, changed.Zone = "21:30", "America/New_York"
	next := dailyJob(at.Add(10 * time.Hour))
	p, err := s.RescheduleCheckinPlan(ctx, changed, &next)
	if err != nil || p.LocalTime != "21:30" || p.Zone != "America/New_York" || p.Days != 30 || !p.NextDue.Equal(next.DueAt) {
		t.Fatalf("rescheduled = %+v, %v", p, err)
	}
	p, err = s.RescheduleCheckinPlan(ctx, changed, nil)
	if err != nil || !p.NextDue.IsZero() {
		t.Fatalf("a plan past its end still has %v queued (%v)", p.NextDue, err)
	}
	if _, err := s.PauseCheckinPlan(ctx, member, spotter.PausedByMember); err != nil {
		t.Fatal(err)
	}
	if p, err = s.RescheduleCheckinPlan(ctx, changed, &next); err != nil || !p.NextDue.IsZero() || p.Status != spotter.PlanPaused {
		t.Errorf("rescheduling a paused plan queued a check-in: %+v, %v", p, err)
	}
}

func TestASecondAnswerCorrectsTheFirst(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	p := startPlan(t, s, 4, at.Add(time.Hour))
	prompt, err := s.EnsureCheckinPrompt(ctx, spotter.CheckinPrompt{PlanID: p.ID, JobID: 7, Kind: spotter.PromptDaily, DueAt: at.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.EnsureCheckinPrompt(ctx, spotter.CheckinPrompt{PlanID: p.ID, JobID: 7, Kind: spotter.PromptDaily, DueAt: at.Add(time.Hour)})
	if err != nil || again.ID != prompt.ID || again.UserID != member {
		t.Fatalf("a re-run of job 7 made prompt %+v, want prompt %d again", again, prompt.ID)
	}
	first, corrected, err := s.AnswerCheckinPrompt(ctx, prompt.ID, 3, at.Add(61*time.Minute))
	if err != nil || corrected || first.Source != spotter.PromptDaily {
		t.Fatalf("first answer = %+v, corrected %v, %v", first, corrected, err)
	}
	second, corrected, err := s.AnswerCheckinPrompt(ctx, prompt.ID, 5, at.Add(62*time.Minute))
	if err != nil || !corrected || second.ID != first.ID {
		t.Fatalf("second answer = %+v, corrected %v, %v; want the same entry corrected", second, corrected, err)
	}
	entries, err := s.PainEntries(ctx, p.ID, at.Add(time.Minute))
	if err != nil || len(entries) != 1 || entries[0].Pain != 5 || entries[0].PromptID != prompt.ID {
		t.Errorf("entries after two clicks = %+v (%v), want one entry of 5", entries, err)
	}
}

func TestPainEntriesKeepOnlyWhatIsNeeded(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	p := startPlan(t, s, 4, at.Add(time.Hour))
	tests := []struct {
		name  string
		entry spotter.PainEntry
		ok    bool
	}{
		{"manual with a note", spotter.PainEntry{PlanID: p.ID, Source: "manual", Pain: 6, Note: "after heavy pulls", At: at}, true},
		{"pain 11", spotter.PainEntry{PlanID: p.ID, Source: "manual", Pain: 11, At: at}, false},
		{"unknown source", spotter.PainEntry{PlanID: p.ID, Source: "guess", Pain: 3, At: at}, false},
		{"note over 500 characters", spotter.PainEntry{PlanID: p.ID, Source: "manual", Pain: 3, Note: strings.Repeat("x", 501), At: at}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.AddPainEntry(ctx, tt.entry)
			if (err == nil) != tt.ok {
				t.Errorf("AddPainEntry = %v, want ok %v", err, tt.ok)
			}
		})
	}
}
