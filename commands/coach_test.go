package commands

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot/discordtest"
	"github.com/spotter-bot/spotter/bot/store"
)

// Notes the safety layer reads as ordinary, and as an emergency.
const (
	ordinaryNote  = "bit stiff after sitting all day"
	emergencyNote = "back worse and i cant really feel it when i wipe since this morning"
)

// startSharing starts the member's check-ins in London and logs two
// readings with notes, one ordinary and one the safety layer flags.
func startSharing(t *testing.T, h *checkinHarness) {
	t.Helper()
	h.command(t, member, "start", discordtest.Opt("pain", 5), discordtest.Opt("time", "20:00"), discordtest.Opt("timezone", "Europe/London"))
	h.clock.Advance(time.Minute)
	h.command(t, member, "log", discordtest.Opt("pain", 4), discordtest.Opt("note", ordinaryNote))
	h.clock.Advance(time.Minute)
	h.command(t, member, "log", discordtest.Opt("pain", 4), discordtest.Opt("note", emergencyNote))
}

func TestCoachShareWithoutNotesConfirmsFirstThenDMsTheCoach(t *testing.T) {
	t.Parallel()
	h := newCoachHarness(t, newTestClock(checkinStart))
	startSharing(t, h)

	preview := h.command(t, member, "share", discordtest.Opt("coach", coach))
	if !isEphemeral(preview) || !strings.Contains(preview.Content, "Nothing is shared yet") || !strings.Contains(preview.Content, "<@"+coach.UserID+">") {
		t.Fatalf("preview: ephemeral %v, %q", isEphemeral(preview), preview.Content)
	}
	if len(preview.Embeds) != 1 || preview.Embeds[0].Title != "Check-in summary" || len(preview.Files) != 1 || preview.Files[0].Name != chartFile {
		t.Fatalf("the preview does not show the summary and chart the coach would get: %d embeds, %d files", len(preview.Embeds), len(preview.Files))
	}
	if field(preview, "Their notes") != "" {
		t.Error("the preview shows notes the member did not choose to share")
	}
	if len(h.coachDMs(coach)) != 0 {
		t.Fatal("the coach got something before the member confirmed")
	}

	done := h.answered(t, h.srv.Click(member, preview, buttonWithPrefix(t, preview, shareConfirmID)))
	for _, want := range []string{"Shared", "every week", "Mondays at 09:00 Europe/London", "your time zone", "can be recalled"} {
		if !strings.Contains(done.Content, want) && !(want == "can be recalled" && strings.Contains(done.Content, "can't be recalled")) {
			t.Errorf("the confirmation lacks %q:\n%s", want, done.Content)
		}
	}
	dms := h.coachDMs(coach)
	if len(dms) != 1 {
		t.Fatalf("the coach got %d summaries, want 1", len(dms))
	}
	dm := dms[0]
	text := coachText(dm)
	for _, want := range []string{"<@" + member.UserID + "> shares their check-ins with you", "Spotter is not a medical service", "Usual level", "Latest: 4/10", "Best: 4/10", "Trend", "Rule of twos"} {
		if !strings.Contains(text, want) {
			t.Errorf("the coach's DM lacks %q:\n%s", want, text)
		}
	}
	for _, banned := range []string{ordinaryNote, emergencyNote, "red-flag", "Their notes"} {
		if strings.Contains(strings.ToLower(text), strings.ToLower(banned)) {
			t.Errorf("the coach's DM says %q:\n%s", banned, text)
		}
	}
	if len(dm.Files) != 1 || dm.Files[0].Name != chartFile {
		t.Error("the coach's DM has no chart")
	}
	if sh, ok, _ := h.store.LiveShare(h.ctx, member.UserID, coach.UserID); !ok || sh.IncludeNotes || !sh.Weekly || sh.ZoneSource != spotter.ZoneFromMember {
		t.Errorf("share = %+v", sh)
	}
}

func TestCoachShareWithNotesLeavesOutWarningSigns(t *testing.T) {
	t.Parallel()
	h := newCoachHarness(t, newTestClock(checkinStart))
	startSharing(t, h)
	preview, _ := h.shareWith(t, member, coach, discordtest.Opt("include_notes", true), discordtest.Opt("weekly", false))
	if !strings.Contains(field(preview, "Their notes"), ordinaryNote) {
		t.Errorf("the preview's notes: %q", field(preview, "Their notes"))
	}
	dms := h.coachDMs(coach)
	if len(dms) != 1 {
		t.Fatalf("the coach got %d summaries", len(dms))
	}
	notes := field(dms[0], "Their notes")
	if !strings.Contains(notes, ordinaryNote) {
		t.Errorf("the coach's notes lack the ordinary note: %q", notes)
	}
	if strings.Contains(coachText(dms[0]), "wipe") {
		t.Errorf("a note with a warning sign reached the coach: %q", notes)
	}
	if _, ok, _ := h.store.PendingJob(h.ctx, spotter.CoachShareKey(member.UserID, coach.UserID)); ok {
		t.Error("weekly:false queued a weekly update")
	}
}

func TestCoachShareRefusesANonCoachAndCancelSharesNothing(t *testing.T) {
	t.Parallel()
	h := newCoachHarness(t, newTestClock(checkinStart))
	startSharing(t, h)
	refused := h.command(t, member, "share", discordtest.Opt("coach", otherMember))
	if text := privately(t, refused); !strings.Contains(text, "isn't a coach here") || !strings.Contains(text, "Nothing was shared") {
		t.Errorf("sharing with a non-coach answered %q", text)
	}
	self := h.command(t, coach, "share", discordtest.Opt("coach", coach))
	if !strings.Contains(self.Content, "yourself") {
		t.Errorf("sharing with oneself answered %q", self.Content)
	}
	preview := h.command(t, member, "share", discordtest.Opt("coach", coach))
	forged := h.forgedClick(t, otherMember, preview, buttonWithPrefix(t, preview, shareConfirmID))
	if !strings.Contains(forged.Content, "belong to someone else") {
		t.Errorf("another member's click on the confirm button answered %q", forged.Content)
	}
	cancel := h.answered(t, h.srv.Click(member, preview, buttonWithPrefix(t, preview, shareCancelID)))
	if !strings.Contains(cancel.Content, "nothing was shared") {
		t.Errorf("cancel answered %q", cancel.Content)
	}
	if len(h.srv.DMs(coach.UserID)) != 0 || len(h.srv.DMs(otherMember.UserID)) != 0 {
		t.Error("a refused or cancelled share sent a DM")
	}
	if shares, _ := h.store.MemberShares(h.ctx, member.UserID, 10); len(shares) != 0 {
		t.Errorf("shares recorded: %+v", shares)
	}
}

func TestCoachWeeklyUpdateArrivesOnceAcrossARestart(t *testing.T) {
	t.Parallel()
	clock := newTestClock(checkinStart)
	h := newCoachHarness(t, clock)
	startSharing(t, h)
	sh := shareAndWait(t, h)
	// Monday 09:00 in London is 08:00 UTC in June: later today.
	if want := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC); !sh.NextDue.Equal(want) {
		t.Fatalf("next update %v, want %v", sh.NextDue, want)
	}
	// The bot is down when the update is due and comes back five minutes on.
	h.restartScheduler(t, func() { clock.Set(sh.NextDue.Add(5 * time.Minute)) })
	h.waitFor(t, "the weekly update", func() bool { return len(h.coachDMs(coach)) == 2 })
	weekly := h.coachDMs(coach)[1]
	if !strings.Contains(weekly.Content, "Weekly update") {
		t.Errorf("second summary: %q", weekly.Content)
	}
	h.waitFor(t, "the send to be recorded", func() bool {
		s, _, _ := h.store.LiveShare(h.ctx, member.UserID, coach.UserID)
		return s.Sends == 2 && s.NextDue.Equal(sh.NextDue.AddDate(0, 0, 7))
	})

	h.restartScheduler(t, func() { clock.Advance(time.Hour) })
	h.restartScheduler(t, func() { clock.Set(sh.NextDue.AddDate(0, 0, 7)) })
	h.waitFor(t, "next week's update", func() bool { return len(h.coachDMs(coach)) == 3 })
	h.waitFor(t, "the week after to be queued", func() bool {
		s, _, _ := h.store.LiveShare(h.ctx, member.UserID, coach.UserID)
		return s.NextDue.Equal(sh.NextDue.AddDate(0, 0, 14))
	})
	if n := len(h.coachDMs(coach)); n != 3 {
		t.Errorf("the coach got %d summaries, want the first and one a week", n)
	}
}

// stopsBeforeRecording is the store of a process that, once armed, is
// stopped in the middle of recording a weekly update it has just sent: the
// send happened, and its record never will.
type stopsBeforeRecording struct {
	*store.Store
	armed   atomic.Bool
	stopped chan struct{} // closed when the record is reached
}

func (s *stopsBeforeRecording) RecordShareSend(ctx context.Context, shareID, jobID int64, kind string, at time.Time) error {
	if kind == spotter.ShareSendWeekly && s.armed.CompareAndSwap(true, false) {
		close(s.stopped)
		<-ctx.Done()
		return ctx.Err()
	}
	return s.Store.RecordShareSend(ctx, shareID, jobID, kind, at)
}

// A weekly update whose send was not recorded is sent again by the next
// process with the job's nonce, and Discord answers with the message it
// already made: the coach gets it once. The update has a chart, so the
// nonce rides in the multipart body's payload_json.
func TestCoachWeeklyUpdateSentButNotRecordedArrivesOnce(t *testing.T) {
	t.Parallel()
	clock := newTestClock(checkinStart)
	stopping := &stopsBeforeRecording{stopped: make(chan struct{})}
	h := newCoachHarness(t, clock, func(d *Deps) {
		stopping.Store = d.Store.(*store.Store)
		d.Store = stopping
	})
	startSharing(t, h)
	sh := shareAndWait(t, h)

	stopping.armed.Store(true)
	h.restartScheduler(t, func() { clock.Set(sh.NextDue) })
	select {
	case <-stopping.stopped:
	case <-h.ctx.Done():
		t.Fatal("the weekly update was never sent")
	}
	if n := len(h.coachDMs(coach)); n != 2 {
		t.Fatalf("the coach has %d summaries once the update is sent, want 2", n)
	}
	// The process is stopped before the record is written; the next one
	// runs the job again.
	stopCtx, cancel := context.WithTimeout(h.ctx, 100*time.Millisecond)
	defer cancel()
	if err := h.sched.Stop(stopCtx); err == nil {
		t.Fatal("the stop did not have to interrupt the job stuck before its record")
	}
	h.restartScheduler(t, nil)
	h.waitFor(t, "the re-run to record the update", func() bool {
		s, _, _ := stopping.Store.LiveShare(h.ctx, member.UserID, coach.UserID)
		return s.Sends == 2
	})
	if n := len(h.coachDMs(coach)); n != 2 {
		t.Errorf("the coach has %d summaries after the re-run, want 2: the first and this week's, once", n)
	}
	for _, m := range h.coachDMs(coach) {
		if f := m.Embeds[0].Footer; f != nil && strings.Contains(f.Text, "update ") {
			t.Errorf("the summary's footer shows a job mark: %q", f.Text)
		}
	}
}

func TestCoachUnshareStopsTheNextUpdate(t *testing.T) {
	t.Parallel()
	clock := newTestClock(checkinStart)
	h := newCoachHarness(t, clock)
	startSharing(t, h)
	sh := shareAndWait(t, h)

	list := h.command(t, member, "sharing")
	if text := privately(t, list); !strings.Contains(text, "<@"+coach.UserID+">") || !strings.Contains(text, "weekly") {
		t.Fatalf("sharing lists %q", text)
	}
	end := buttonWithPrefix(t, list, shareEndID)
	refused := h.forgedClick(t, otherMember, list, end)
	if !strings.Contains(refused.Content, "belongs to someone else") {
		t.Errorf("another member's End click answered %q", refused.Content)
	}
	ended := h.answered(t, h.srv.Click(member, list, end))
	if !strings.Contains(ended.Content, "Ended") || !strings.Contains(ended.Content, "can't be recalled") {
		t.Errorf("End answered %q", ended.Content)
	}
	if _, ok, _ := h.store.PendingJob(h.ctx, spotter.CoachShareKey(member.UserID, coach.UserID)); ok {
		t.Fatal("an update is still queued after the share ended")
	}
	// The member's own check-in DM at 20:00 shows the scheduler ran past
	// the coach's 09:00.
	clock.Set(sh.NextDue)
	clock.Set(time.Date(2026, 6, 1, 19, 0, 0, 0, time.UTC))
	h.waitDM(t, member, "Daily check-in")
	if n := len(h.coachDMs(coach)); n != 1 {
		t.Errorf("after unsharing the coach got %d summaries, want only the first", n)
	}
	again := h.command(t, member, "unshare", discordtest.Opt("coach", coach))
	if !strings.Contains(again.Content, "don't share") {
		t.Errorf("unsharing again answered %q", again.Content)
	}
	history := h.command(t, member, "sharing")
	if !strings.Contains(history.Content, "Ended") || !strings.Contains(history.Content, "you ended it") {
		t.Errorf("sharing after the end: %q", history.Content)
	}
}

func TestCoachUnshareCommandEndsTheShare(t *testing.T) {
	t.Parallel()
	h := newCoachHarness(t, newTestClock(checkinStart))
	startSharing(t, h)
	h.shareWith(t, member, coach)
	reply := h.command(t, member, "unshare", discordtest.Opt("coach", coach))
	if text := privately(t, reply); !strings.Contains(text, "Ended your share") || !strings.Contains(text, "can't be recalled") {
		t.Errorf("unshare answered %q", text)
	}
	if _, ok, _ := h.store.LiveShare(h.ctx, member.UserID, coach.UserID); ok {
		t.Error("the share is still live")
	}
}

func TestCoachAthletesListsOnlyThoseWhoShare(t *testing.T) {
	t.Parallel()
	h := newCoachHarness(t, newTestClock(checkinStart))
	startSharing(t, h)
	h.command(t, otherMember, "start", discordtest.Opt("pain", 6), discordtest.Opt("time", "20:00"), discordtest.Opt("timezone", "UTC"))
	h.shareWith(t, member, coach)

	list := h.answered(t, h.srv.SlashCommand(coach, "coach athletes"))
	text := privately(t, list)
	if !strings.Contains(text, "<@"+member.UserID+">") || strings.Contains(text, otherMember.UserID) {
		t.Fatalf("athletes: %q", text)
	}
	open := buttonWithPrefix(t, list, coachAthleteID)
	refused := h.forgedClick(t, otherMember, list, open)
	if !strings.Contains(refused.Content, "belongs to someone else") || len(refused.Embeds) != 0 {
		t.Errorf("another member's click answered %q with %d embeds", refused.Content, len(refused.Embeds))
	}
	opened := h.answered(t, h.srv.Click(coach, list, open))
	if !isEphemeral(opened) || len(opened.Embeds) != 1 || len(opened.Files) != 1 || !strings.Contains(coachText(opened), "Latest: 4/10") {
		t.Errorf("opening the athlete: ephemeral %v, %d embeds, %d files: %s", isEphemeral(opened), len(opened.Embeds), len(opened.Files), coachText(opened))
	}
	notCoach := h.answered(t, h.srv.SlashCommand(otherMember, "coach athletes"))
	if !strings.Contains(notCoach.Content, "Only members with one of this server's coach roles") {
		t.Errorf("a non-coach's athletes answered %q", notCoach.Content)
	}
}

func TestCoachLosingTheRoleEndsTheShareAndTellsTheMember(t *testing.T) {
	t.Parallel()
	clock := newTestClock(checkinStart)
	h := newCoachHarness(t, clock)
	startSharing(t, h)
	sh := shareAndWait(t, h)

	h.srv.SetMemberRoles(discordtest.DefaultGuildID, coach.UserID)
	clock.Set(sh.NextDue)
	h.waitFor(t, "the share to end", func() bool {
		s, _, _ := h.store.Share(h.ctx, sh.ID)
		return s.Status == spotter.ShareEnded
	})
	if s, _, _ := h.store.Share(h.ctx, sh.ID); s.Reason != spotter.ShareCoachLostRole {
		t.Errorf("ended for %q", s.Reason)
	}
	if n := len(h.coachDMs(coach)); n != 1 {
		t.Errorf("the coach got %d summaries after losing the role, want only the first", n)
	}
	reply := h.command(t, member, "sharing")
	if !strings.Contains(reply.Content, "A share of your check-ins has ended") || !strings.Contains(reply.Content, "no longer hold a coach role") {
		t.Errorf("the member was not told: %q", reply.Content)
	}
}

func TestCoachDMsClosedPausesTheShareAndTellsTheMember(t *testing.T) {
	t.Parallel()
	clock := newTestClock(checkinStart)
	h := newCoachHarness(t, clock)
	startSharing(t, h)
	sh := shareAndWait(t, h)
	h.srv.CloseDMs(coach.UserID)
	clock.Set(sh.NextDue)
	h.waitFor(t, "the share to pause", func() bool {
		s, _, _ := h.store.Share(h.ctx, sh.ID)
		return s.Status == spotter.SharePaused
	})
	reply := h.command(t, member, "sharing")
	if !strings.Contains(reply.Content, "A share of your check-ins is paused") || !strings.Contains(reply.Content, "paused") {
		t.Errorf("the member was not told: %q", reply.Content)
	}
	closed := h.command(t, member, "share", discordtest.Opt("coach", coach))
	done := h.answered(t, h.srv.Click(member, closed, buttonWithPrefix(t, closed, shareConfirmID)))
	if !strings.Contains(done.Content, "doesn't accept direct messages") {
		t.Errorf("sharing with closed DMs answered %q", done.Content)
	}
}

func TestCoachRolesAreForAdmins(t *testing.T) {
	t.Parallel()
	h := newCoachHarness(t, newTestClock(checkinStart))
	refused := h.answered(t, h.srv.SlashCommand(member, "coach roles", discordtest.Opt("action", "add"), discordtest.Opt("role", discordtest.DefaultModRoleID)))
	if text := privately(t, refused); !strings.Contains(text, "Only server admins") {
		t.Errorf("a member adding a coach role was told %q", text)
	}
	listed := h.answered(t, h.srv.SlashCommand(tipAdmin, "coach roles", discordtest.Opt("action", "list")))
	if text := privately(t, listed); !strings.Contains(text, "<@&"+coachRoleID+">") {
		t.Errorf("list: %q", text)
	}
	removed := h.answered(t, h.srv.SlashCommand(tipAdmin, "coach roles", discordtest.Opt("action", "remove"), discordtest.Opt("role", coachRoleID)))
	if text := privately(t, removed); !strings.Contains(text, "no longer a coach role") {
		t.Errorf("remove: %q", text)
	}
	added := h.answered(t, h.srv.SlashCommand(tipAdmin, "coach roles", discordtest.Opt("action", "add"), discordtest.Opt("role", coachRoleID)))
	if text := privately(t, added); !strings.Contains(text, "are now coaches") {
		t.Errorf("add: %q", text)
	}
}

func TestCoachSharesGoWithEitherSidesDeletion(t *testing.T) {
	t.Parallel()
	h := newCoachHarness(t, newTestClock(checkinStart))
	startSharing(t, h)
	h.command(t, otherMember, "start", discordtest.Opt("pain", 6), discordtest.Opt("time", "20:00"), discordtest.Opt("timezone", "UTC"))
	h.shareWith(t, member, coach)
	h.shareWith(t, otherMember, coach)

	show := h.answered(t, h.srv.SlashCommand(member, "privacy show"))
	if !strings.Contains(coachText(show), "Sharing with 1 coach") {
		t.Errorf("privacy show does not mention the share:\n%s", coachText(show))
	}
	coachShow := h.answered(t, h.srv.SlashCommand(coach, "privacy show"))
	if !strings.Contains(coachText(coachShow), "2 member(s) share their check-ins with you") {
		t.Errorf("the coach's privacy show:\n%s", coachText(coachShow))
	}

	// The member deletes their data: their share and its updates go.
	ask := h.answered(t, h.srv.SlashCommand(member, "privacy delete"))
	h.answered(t, h.srv.Click(member, ask, privacyDeleteConfirm+":"+member.UserID))
	if shares, _ := h.store.MemberShares(h.ctx, member.UserID, 10); len(shares) != 0 {
		t.Errorf("the member's shares survived their delete: %+v", shares)
	}
	if _, ok, _ := h.store.PendingJob(h.ctx, spotter.CoachShareKey(member.UserID, coach.UserID)); ok {
		t.Error("an update of the deleted member is still queued")
	}

	// The coach deletes theirs: the share to them ends and its member is told.
	ask = h.answered(t, h.srv.SlashCommand(coach, "privacy delete"))
	h.answered(t, h.srv.Click(coach, ask, privacyDeleteConfirm+":"+coach.UserID))
	if _, ok, _ := h.store.PendingJob(h.ctx, spotter.CoachShareKey(otherMember.UserID, coach.UserID)); ok {
		t.Error("an update to the deleted coach is still queued")
	}
	reply := h.command(t, otherMember, "sharing")
	if !strings.Contains(reply.Content, "your coach deleted their Spotter data") || strings.Contains(reply.Content, coach.UserID) {
		t.Errorf("after the coach's delete the member sees %q", reply.Content)
	}
}
