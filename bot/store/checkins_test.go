package store

import (
	"context"
	"strings"
	"testing"
	"time"
)

const member = "180000000000000001"

func plan(days int) CheckinPlan {
	return CheckinPlan{UserID: member, LocalTime: "09:00", Zone: "Europe/London", Days: days, StartedAt: at, EndsAt: at.AddDate(0, 0, days)}
}

func dailyJob(due time.Time) NewJob {
	return NewJob{Kind: "checkin.prompt", Key: CheckinDailyKey(member), DueAt: due, Spec: "0 9 * * *", Zone: "Europe/London"}
}

func startPlan(t *testing.T, s *Store, baseline int, due time.Time) CheckinPlan {
	t.Helper()
	p, err := s.StartCheckinPlan(context.Background(), plan(14), PainEntry{Source: "baseline", Pain: baseline, At: at}, dailyJob(due))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestStartingAgainUpdatesThePlanInsteadOfDuplicatingIt(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	first := startPlan(t, s, 6, at.Add(time.Hour))
	if first.Status != PlanActive || !first.NextDue.Equal(at.Add(time.Hour)) {
		t.Fatalf("new plan = %+v, want active with its first check-in due in an hour", first)
	}
	again := startPlan(t, s, 5, at.Add(2*time.Hour))
	if again.ID != first.ID || !again.NextDue.Equal(at.Add(2*time.Hour)) {
		t.Fatalf("restarted plan = %+v, want plan %d with the new time", again, first.ID)
	}
	jobs, err := s.Jobs(ctx, CheckinKeyPrefix(member))
	if err != nil {
		t.Fatal(err)
	}
	pending := 0
	for _, j := range jobs {
		if j.State == JobPending {
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
	if _, _, err := s.EnqueueJob(ctx, NewJob{Kind: "checkin.prompt", Key: CheckinKeyPrefix(member) + "after:1", DueAt: at.Add(2 * time.Hour)}); err != nil {
		t.Fatal(err)
	}

	paused, err := s.PauseCheckinPlan(ctx, member, PausedByMember)
	if err != nil || !paused {
		t.Fatalf("pause = %v, %v", paused, err)
	}
	p, _, _ := s.CheckinPlan(ctx, member)
	if p.Status != PlanPaused || p.PausedReason != PausedByMember || !p.NextDue.IsZero() {
		t.Errorf("paused plan = %+v, want paused by the member with nothing queued", p)
	}
	if _, ok, _ := s.PendingJob(ctx, CheckinKeyPrefix(member)+"after:1"); ok {
		t.Error("the workout follow-up is still queued while paused")
	}
	if has, _ := s.HasMemberNotices(ctx, member); has {
		t.Error("a member who paused themselves got a notice")
	}

	p, err = s.ResumeCheckinPlan(ctx, member, dailyJob(at.Add(25*time.Hour)))
	if err != nil || p.Status != PlanActive || !p.NextDue.Equal(at.Add(25*time.Hour)) {
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
	if p.Status != PlanStopped || !p.NextDue.IsZero() || p.Zone != "Europe/London" {
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
		if _, err := s.PauseCheckinPlan(ctx, member, PausedDMsClosed); err != nil {
			t.Fatal(err)
		}
	}
	p, _, _ := s.CheckinPlan(ctx, member)
	if p.Status != PlanPaused || p.PausedReason != PausedDMsClosed {
		t.Errorf("plan = %+v, want paused because DMs are closed", p)
	}
	notices, err := s.TakeMemberNotices(ctx, member)
	if err != nil || len(notices) != 1 || notices[0] != NoticeCheckinsDMsClosed {
		t.Fatalf("notices = %v, %v; want one about closed DMs", notices, err)
	}
	if again, _ := s.TakeMemberNotices(ctx, member); len(again) != 0 {
		t.Errorf("a notice was shown twice: %v", again)
	}
	if _, err := s.PauseCheckinPlan(ctx, member, PausedDMsClosed); err != nil {
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
	if _, err := s.PauseCheckinPlan(ctx, member, PausedDMsClosed); err != nil {
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
	if _, err := s.PauseCheckinPlan(ctx, member, PausedByMember); err != nil {
		t.Fatal(err)
	}
	if p, err = s.RescheduleCheckinPlan(ctx, changed, &next); err != nil || !p.NextDue.IsZero() || p.Status != PlanPaused {
		t.Errorf("rescheduling a paused plan queued a check-in: %+v, %v", p, err)
	}
}

func TestASecondAnswerCorrectsTheFirst(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	p := startPlan(t, s, 4, at.Add(time.Hour))
	prompt, err := s.EnsureCheckinPrompt(ctx, CheckinPrompt{PlanID: p.ID, JobID: 7, Kind: PromptDaily, DueAt: at.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.EnsureCheckinPrompt(ctx, CheckinPrompt{PlanID: p.ID, JobID: 7, Kind: PromptDaily, DueAt: at.Add(time.Hour)})
	if err != nil || again.ID != prompt.ID || again.UserID != member {
		t.Fatalf("a re-run of job 7 made prompt %+v, want prompt %d again", again, prompt.ID)
	}
	first, corrected, err := s.AnswerCheckinPrompt(ctx, prompt.ID, 3, at.Add(61*time.Minute))
	if err != nil || corrected || first.Source != PromptDaily {
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
		entry PainEntry
		ok    bool
	}{
		{"manual with a note", PainEntry{PlanID: p.ID, Source: "manual", Pain: 6, Note: "after heavy pulls", At: at}, true},
		{"pain 11", PainEntry{PlanID: p.ID, Source: "manual", Pain: 11, At: at}, false},
		{"unknown source", PainEntry{PlanID: p.ID, Source: "guess", Pain: 3, At: at}, false},
		{"note over 500 characters", PainEntry{PlanID: p.ID, Source: "manual", Pain: 3, Note: strings.Repeat("x", 501), At: at}, false},
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
