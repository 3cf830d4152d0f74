package commands

import (
	"bytes"
	"image/png"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot/discordtest"
)

// checkinStart is 07:40 UTC on a Monday, when every test's member signs up.
var checkinStart = time.Date(2026, 6, 1, 7, 40, 0, 0, time.UTC)

func TestCheckinEndToEndFromStartToHistory(t *testing.T) {
	t.Parallel()
	clock := newTestClock(checkinStart)
	h := newCheckinHarness(t, clock)
	h.start(t)
	london, _ := time.LoadLocation("Europe/London")
	hhmm, due := nextClock(clock.Now(), 5*time.Minute, london)

	reply := h.command(t, member, "start", discordtest.Opt("pain", 5), discordtest.Opt("time", hhmm), discordtest.Opt("timezone", "europe/london"))
	if !isEphemeral(reply) {
		t.Error("the start reply is public; check-ins are private")
	}
	for _, want := range []string{"Check-ins started", "every day at " + hhmm + " (Europe/London)", "14 days", "today at " + hhmm, "5/10", "direct messages"} {
		if !strings.Contains(reply.Content, want) {
			t.Errorf("start reply lacks %q:\n%s", want, reply.Content)
		}
	}
	if len(h.promptsIn(member)) != 0 {
		t.Fatal("a prompt arrived before its time")
	}

	clock.Set(due)
	prompt := h.waitDM(t, member, "Daily check-in")
	labels := buttonLabels(prompt)
	wantLabels := [][]string{{"0", "1", "2", "3", "4"}, {"5", "6", "7", "8", "9"}, {"10", "Snooze 1 h", "Stop check-ins"}}
	if len(labels) != 3 || strings.Join(labels[0], ",") != strings.Join(wantLabels[0], ",") ||
		strings.Join(labels[1], ",") != strings.Join(wantLabels[1], ",") || strings.Join(labels[2], ",") != strings.Join(wantLabels[2], ",") {
		t.Fatalf("prompt buttons %v, want %v", labels, wantLabels)
	}

	clock.Set(due.Add(3 * time.Minute))
	answered := h.answeredUpdate(t, h.srv.Click(inDM(member), prompt, ratingButton(t, prompt, 3)))
	if !strings.Contains(answered.Content, "Recorded: 3/10 (daily check-in)") {
		t.Errorf("after clicking 3 the DM says:\n%s", answered.Content)
	}
	if style := buttonStyle(answered, ratingButton(t, answered, 3)); style != discordgo.PrimaryButton {
		t.Errorf("the chosen rating is not highlighted (style %d)", style)
	}

	corrected := h.answeredUpdate(t, h.srv.Click(inDM(member), answered, ratingButton(t, answered, 4)))
	if !strings.Contains(corrected.Content, "Corrected. Recorded: 4/10") {
		t.Errorf("a second click should correct the entry; the DM says:\n%s", corrected.Content)
	}
	entries, err := h.store.PainEntries(h.ctx, h.plan(t, member).ID, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var daily []spotter.PainEntry
	for _, e := range entries {
		if e.Source == spotter.PromptDaily {
			daily = append(daily, e)
		}
	}
	if len(daily) != 1 || daily[0].Pain != 4 {
		t.Fatalf("daily entries after two clicks: %+v, want one entry of 4", daily)
	}

	refused := h.answered(t, h.srv.Click(otherMember, corrected, ratingButton(t, corrected, 9)))
	if !isEphemeral(refused) || !strings.Contains(refused.Content, "belongs to someone else") {
		t.Errorf("another member's click was answered with %q", refused.Content)
	}
	if after, _ := h.store.PainEntries(h.ctx, h.plan(t, member).ID, time.Time{}); len(after) != len(entries) || after[len(after)-1].Pain != 4 {
		t.Errorf("another member's click changed the entries: %+v", after)
	}

	history := h.command(t, member, "history")
	if !isEphemeral(history) || len(history.Embeds) != 1 {
		t.Fatalf("history reply: ephemeral %v, %d embeds", isEphemeral(history), len(history.Embeds))
	}
	fields := map[string]string{}
	for _, f := range history.Embeds[0].Fields {
		fields[f.Name] = f.Value
	}
	if fields["Starting level"] != "5/10" || !strings.HasPrefix(fields["Latest"], "4/10 (daily check-in") || fields["Best"] != "4/10" ||
		!strings.HasPrefix(fields["Entries"], "2 ") || fields["Days since start"] != "0" {
		t.Errorf("history summary fields: %v", fields)
	}
	if len(history.Files) != 1 || history.Files[0].Name != chartFile {
		t.Fatalf("history attachments %d, want the chart", len(history.Files))
	}
	img, err := png.Decode(bytes.NewReader(history.Files[0].Data))
	if err != nil {
		t.Fatalf("the chart is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() < 400 || b.Dy() < 200 {
		t.Errorf("chart is %dx%d, too small to read", b.Dx(), b.Dy())
	}
	if h.srv.RateLimited() != 0 {
		t.Errorf("%d requests were rate limited", h.srv.RateLimited())
	}
}

func TestCheckinPausesWhenDMsAreClosedAndSaysSoOnTheNextCommand(t *testing.T) {
	t.Parallel()
	clock := newTestClock(checkinStart)
	h := newCheckinHarness(t, clock)
	h.start(t)
	hhmm, due := nextClock(clock.Now(), time.Minute, time.UTC)
	h.command(t, member, "start", discordtest.Opt("pain", 3), discordtest.Opt("time", hhmm), discordtest.Opt("timezone", "UTC"))
	h.srv.CloseDMs(member.UserID)

	clock.Set(due)
	h.waitFor(t, "the plan is paused", func() bool {
		p, _, err := h.store.CheckinPlan(h.ctx, member.UserID)
		return err == nil && p.Status == spotter.PlanPaused
	})
	p := h.plan(t, member)
	if p.PausedReason != spotter.PausedDMsClosed || !p.NextDue.IsZero() {
		t.Errorf("plan after 50007 = %+v, want paused because DMs are closed, nothing queued", p)
	}
	if len(h.promptsIn(member)) != 0 {
		t.Error("a prompt was delivered to closed DMs")
	}

	// A reply that never reaches the member does not use up the notice.
	h.srv.FailNext("POST", "/interactions/", http.StatusNotFound, 10062, 1)
	h.srv.SlashCommand(member, "help")
	h.waitFor(t, "the reply to fail", func() bool {
		for _, r := range h.srv.Requests() {
			if strings.HasPrefix(r.Path, "/interactions/") && r.Status == http.StatusNotFound {
				return true
			}
		}
		return false
	})
	h.waitFor(t, "the notice to wait for the next reply", func() bool {
		has, err := h.store.HasMemberNotices(h.ctx, member.UserID)
		return err == nil && has
	})

	reply := h.answered(t, h.srv.SlashCommand(member, "help"))
	if !isEphemeral(reply) || !strings.Contains(reply.Content, "Your check-ins are paused") || !strings.Contains(reply.Content, "/checkin resume") {
		t.Fatalf("the next command did not tell the member; it said %q", reply.Content)
	}
	if len(reply.Embeds) == 0 {
		t.Error("the notice replaced the command's own answer")
	}
	again := h.answered(t, h.srv.SlashCommand(member, "help"))
	if strings.Contains(again.Content, "paused") {
		t.Error("the notice was shown twice")
	}

	h.srv.OpenDMs(member.UserID)
	resumed := h.command(t, member, "resume")
	if !strings.Contains(resumed.Content, "Check-ins resumed") || !strings.Contains(resumed.Content, "tomorrow at "+hhmm) {
		t.Errorf("resume said %q", resumed.Content)
	}
	clock.Set(due.AddDate(0, 0, 1))
	h.waitDM(t, member, "Daily check-in")
}

func TestCheckinWorkoutAsksAgainAfterTwoHours(t *testing.T) {
	t.Parallel()
	clock := newTestClock(checkinStart)
	h := newCheckinHarness(t, clock)
	h.start(t)
	h.command(t, inDM(member), "start", discordtest.Opt("pain", 2), discordtest.Opt("time", "21:00"), discordtest.Opt("timezone", "UTC"))
	clock.Set(checkinStart.Add(time.Hour))
	h.command(t, inDM(member), "log", discordtest.Opt("pain", 2))

	trained := checkinStart.Add(26 * time.Hour)
	clock.Set(trained)
	// A rise of 3 is one the rule of twos waits two hours on; a jump of
	// 4 or more stops training at once (TestCheckinBigJumpAfterTrainingOffersTheCheckNow).
	reply := h.command(t, inDM(member), "workout", discordtest.Opt("pain", 5))
	if !strings.Contains(reply.Content, "Recorded: 5/10 (right after training)") || !strings.Contains(reply.Content, "11:40") {
		t.Errorf("workout reply:\n%s", reply.Content)
	}
	clock.Set(trained.Add(2 * time.Hour))
	followUp := h.waitDM(t, member, "After training")
	if !strings.Contains(followUp.Content, "you rated your back 5/10") {
		t.Errorf("follow-up does not recall the workout rating:\n%s", followUp.Content)
	}
	clock.Set(trained.Add(2*time.Hour + 10*time.Minute))
	answered := h.answeredUpdate(t, h.srv.Click(inDM(member), followUp, ratingButton(t, followUp, 5)))
	if !strings.Contains(answered.Content, "more than 2 hours") || !strings.Contains(answered.Content, "rule of thumb") {
		t.Errorf("3 points above usual after 2 hours should break the rule of twos:\n%s", answered.Content)
	}
	if !strings.Contains(strings.Join(buttonIDs(answered)[len(buttonIDs(answered))-1], ","), checkinRedFlagID) {
		t.Errorf("the red-flag check is not offered: %v", buttonIDs(answered))
	}
}

func TestCheckinSnoozeAsksTheSamePromptAnHourLater(t *testing.T) {
	t.Parallel()
	clock := newTestClock(checkinStart)
	h := newCheckinHarness(t, clock)
	h.start(t)
	hhmm, due := nextClock(clock.Now(), time.Minute, time.UTC)
	h.command(t, member, "start", discordtest.Opt("pain", 4), discordtest.Opt("time", hhmm), discordtest.Opt("timezone", "UTC"))
	clock.Set(due)
	prompt := h.waitDM(t, member, "Daily check-in")

	snoozed := h.answeredUpdate(t, h.srv.Click(inDM(member), prompt, buttonWithPrefix(t, prompt, checkinSnoozeID)))
	if !strings.Contains(snoozed.Content, "Snoozed") || len(snoozed.Components) != 0 {
		t.Errorf("after snoozing the DM shows %q with %d rows of buttons", snoozed.Content, len(snoozed.Components))
	}
	clock.Set(due.Add(snoozeFor))
	again := h.waitDM(t, member, "Daily check-in")
	if again.ID == prompt.ID {
		t.Fatal("the snoozed DM still asks instead of saying it was snoozed")
	}
	if ratingButton(t, again, 7) != ratingButton(t, prompt, 7) {
		t.Error("the snoozed prompt came back as a different prompt")
	}
	h.answeredUpdate(t, h.srv.Click(inDM(member), again, ratingButton(t, again, 2)))
	if entries, _ := h.store.PainEntries(h.ctx, h.plan(t, member).ID, due); len(entries) != 1 || entries[0].Pain != 2 {
		t.Errorf("entries after answering the snoozed prompt: %+v", entries)
	}
}

func TestCheckinAfterDowntimeSendsRecentLateAndSkipsStale(t *testing.T) {
	t.Parallel()
	clock := newTestClock(checkinStart)
	h := newCheckinHarness(t, clock)
	staleHHMM, staleDue := nextClock(clock.Now(), time.Minute, time.UTC)
	recentHHMM, recentDue := nextClock(clock.Now(), 2*time.Hour, time.UTC)
	h.command(t, otherMember, "start", discordtest.Opt("pain", 4), discordtest.Opt("time", staleHHMM), discordtest.Opt("timezone", "UTC"))
	h.command(t, member, "start", discordtest.Opt("pain", 4), discordtest.Opt("time", recentHHMM), discordtest.Opt("timezone", "UTC"))

	// The bot was down from before both were due until now: the first was
	// missed by more than the 3-hour grace, the second by less.
	clock.Set(recentDue.Add(150 * time.Minute))
	if clock.Now().Sub(staleDue) <= 3*time.Hour {
		t.Fatal("test setup: the stale check-in is within the grace")
	}
	h.start(t)
	late := h.waitDM(t, member, "Daily check-in")
	if !strings.Contains(late.Content, "Sorry this is late: it was due at "+recentHHMM) {
		t.Errorf("a prompt missed by two and a half hours is not marked late:\n%s", late.Content)
	}
	h.waitFor(t, "the stale prompt is skipped to tomorrow", func() bool {
		p, _, err := h.store.CheckinPlan(h.ctx, otherMember.UserID)
		return err == nil && p.NextDue.Equal(staleDue.AddDate(0, 0, 1))
	})
	if got := h.promptsIn(otherMember); len(got) != 0 {
		t.Errorf("a prompt missed by more than the grace was sent: %q", got[0].Content)
	}
	if got := h.promptsIn(member); len(got) != 1 {
		t.Errorf("%d prompts after the outage, want exactly the late one", len(got))
	}
}

func TestCheckinStartingAgainUpdatesThePlan(t *testing.T) {
	t.Parallel()
	clock := newTestClock(checkinStart)
	h := newCheckinHarness(t, clock)
	h.command(t, member, "start", discordtest.Opt("pain", 6), discordtest.Opt("time", "08:00"), discordtest.Opt("timezone", "America/New_York"))
	reply := h.command(t, member, "start", discordtest.Opt("pain", 5), discordtest.Opt("time", "19:30"), discordtest.Opt("days", 30))
	if !strings.Contains(reply.Content, "Check-ins updated") || !strings.Contains(reply.Content, "19:30 (America/New_York)") || !strings.Contains(reply.Content, "30 days") {
		t.Errorf("second start (zone remembered) said:\n%s", reply.Content)
	}
	jobs, err := h.store.Jobs(h.ctx, spotter.CheckinKeyPrefix(member.UserID))
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
		t.Errorf("%d check-ins queued after starting twice, want 1", pending)
	}
	ny, _ := time.LoadLocation("America/New_York")
	if p := h.plan(t, member); p.NextDue.In(ny).Format("15:04") != "19:30" {
		t.Errorf("next check-in at %v, want 19:30 New York time", p.NextDue.In(ny))
	}
}

func TestCheckinPauseResumeStopAndSettings(t *testing.T) {
	t.Parallel()
	clock := newTestClock(checkinStart)
	h := newCheckinHarness(t, clock)
	h.command(t, member, "start", discordtest.Opt("pain", 4), discordtest.Opt("time", "09:00"), discordtest.Opt("timezone", "UTC"))
	steps := []struct {
		sub  string
		opts []discordtest.Option
		want string
		next string
	}{
		{"pause", nil, "Check-ins paused", ""},
		{"pause", nil, "aren't running", ""},
		{"resume", nil, "Check-ins resumed", "09:00"},
		{"settings", []discordtest.Option{discordtest.Opt("time", "18:15"), discordtest.Opt("timezone", "Australia/Sydney")}, "every day at 18:15 (Australia/Sydney)", "18:15"},
		{"settings", nil, "Give `time`, `timezone` or `days`", "18:15"},
		{"stop", nil, "Check-ins stopped", ""},
		{"resume", nil, "aren't paused", ""},
	}
	sydney, _ := time.LoadLocation("Australia/Sydney")
	for _, s := range steps {
		reply := h.command(t, member, s.sub, s.opts...)
		if !strings.Contains(reply.Content, s.want) {
			t.Errorf("/checkin %s said %q, want %q", s.sub, reply.Content, s.want)
		}
		p := h.plan(t, member)
		got := ""
		if !p.NextDue.IsZero() {
			got = p.NextDue.In(sydney).Format("15:04")
			if p.Zone == "UTC" {
				got = p.NextDue.UTC().Format("15:04")
			}
		}
		if got != s.next {
			t.Errorf("after /checkin %s the next check-in is %q, want %q", s.sub, got, s.next)
		}
	}
}

func TestCheckinOfferOpensAFormThatStartsCheckins(t *testing.T) {
	t.Parallel()
	clock := newTestClock(checkinStart)
	h := newCheckinHarness(t, clock)
	answer := h.srv.AddMessage(discordtest.DefaultChannelID, discordtest.Message{AuthorID: h.srv.ApplicationID(), Content: "Heat or ice?",
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Track my recovery", Style: discordgo.PrimaryButton, CustomID: checkinOffer}}}}})
	cb, err := h.srv.Click(member, answer, checkinOffer).Wait(h.ctx)
	if err != nil || cb.Type != discordgo.InteractionResponseModal {
		t.Fatalf("the offer answered with %+v, %v; want a form", cb, err)
	}
	reply := h.answered(t, h.srv.SubmitModal(member, checkinStartForm, map[string]string{
		checkinOptPain: "6", checkinOptTime: "07:15", checkinOptTimezone: "Europe/Dublin", checkinOptDays: "",
	}))
	if !isEphemeral(reply) || !strings.Contains(reply.Content, "Check-ins started") || !strings.Contains(reply.Content, "07:15 (Europe/Dublin)") {
		t.Errorf("the form started check-ins with %q", reply.Content)
	}
}

func TestCheckinTimezoneAutocomplete(t *testing.T) {
	t.Parallel()
	clock := newTestClock(checkinStart)
	h := newCheckinHarness(t, clock)
	tests := []struct {
		name, typed, first string
	}{
		{"city prefix", "lond", "Europe/London"},
		{"spaces for underscores", "new yo", "America/New_York"},
		{"near miss", "Europe/Londn", "Europe/London"},
		{"empty shows popular zones", "", "UTC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cb, err := h.srv.Autocomplete(member, "checkin start", "timezone", discordtest.Opt("timezone", tt.typed)).Wait(h.ctx)
			if err != nil {
				t.Fatal(err)
			}
			if cb.Data == nil || len(cb.Data.Choices) == 0 || cb.Data.Choices[0].Name != tt.first {
				t.Fatalf("choices for %q: %+v, want %s first", tt.typed, cb.Data, tt.first)
			}
			if len(cb.Data.Choices) > 25 {
				t.Errorf("%d choices, Discord allows 25", len(cb.Data.Choices))
			}
		})
	}
	h.command(t, member, "start", discordtest.Opt("pain", 3), discordtest.Opt("time", "09:00"), discordtest.Opt("timezone", "Asia/Kolkata"))
	cb, err := h.srv.Autocomplete(member, "checkin settings", "timezone").Wait(h.ctx)
	if err != nil || len(cb.Data.Choices) == 0 || cb.Data.Choices[0].Name != "Asia/Kolkata" {
		t.Errorf("an empty box should offer the member's own zone first: %+v, %v", cb.Data, err)
	}
}

// answeredUpdate waits for a click's answer that edits the clicked message
// and returns the message as edited.
func (h *checkinHarness) answeredUpdate(t *testing.T, in *discordtest.Interaction) *discordtest.Message {
	t.Helper()
	cb, err := in.Wait(h.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if cb.Type != discordgo.InteractionResponseUpdateMessage {
		content := ""
		if cb.Data != nil {
			content = cb.Data.Content
		}
		t.Fatalf("click answered with type %d (%q), want an update of the DM", cb.Type, content)
	}
	m, err := in.Original(h.ctx)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func buttonStyle(m *discordtest.Message, id string) discordgo.ButtonStyle {
	for _, c := range m.Components {
		if row, ok := c.(*discordgo.ActionsRow); ok {
			for _, b := range row.Components {
				if btn, ok := b.(*discordgo.Button); ok && btn.CustomID == id {
					return btn.Style
				}
			}
		}
	}
	return 0
}

// The Stop button sits next to the 10: a tap asks to confirm, privately,
// and leaves the prompt and the plan as they were until the member says yes.
func TestCheckinStopButtonAsksToConfirm(t *testing.T) {
	t.Parallel()
	clock := newTestClock(checkinStart)
	h := newCheckinHarness(t, clock)
	h.start(t)
	hhmm, due := nextClock(clock.Now(), time.Minute, time.UTC)
	h.command(t, member, "start", discordtest.Opt("pain", 4), discordtest.Opt("time", hhmm), discordtest.Opt("timezone", "UTC"))
	clock.Set(due)
	prompt := h.waitDM(t, member, "Daily check-in")

	confirm := h.answered(t, h.srv.Click(inDM(member), prompt, buttonWithPrefix(t, prompt, checkinStopID+":")))
	if confirm.ID == prompt.ID || !isEphemeral(confirm) || !strings.Contains(confirm.Content, "Stop all your check-ins?") {
		t.Fatalf("Stop answered with %q in message %s (prompt %s), want a private question", confirm.Content, confirm.ID, prompt.ID)
	}
	if p := h.plan(t, member); p.Status != spotter.PlanActive {
		t.Fatalf("a single tap on Stop changed the plan to %s", p.Status)
	}
	if got := h.srv.Message(prompt.ID); len(got.Components) != len(prompt.Components) || got.Content != prompt.Content {
		t.Error("asking to confirm changed the prompt")
	}

	kept := h.answeredUpdate(t, h.srv.Click(inDM(member), confirm, buttonWithPrefix(t, confirm, checkinStopNoID+":")))
	if !strings.Contains(kept.Content, "carry on") || len(kept.Components) != 0 {
		t.Errorf("No, keep them said %q with %d rows", kept.Content, len(kept.Components))
	}
	if p := h.plan(t, member); p.Status != spotter.PlanActive || p.NextDue.IsZero() {
		t.Fatalf("after No, keep them the plan is %s, next %v", p.Status, p.NextDue)
	}
	rated := h.answeredUpdate(t, h.srv.Click(inDM(member), prompt, ratingButton(t, prompt, 3)))
	if !strings.Contains(rated.Content, "Recorded: 3/10") {
		t.Errorf("the prompt no longer takes a rating: %q", rated.Content)
	}

	again := h.answered(t, h.srv.Click(inDM(member), rated, buttonWithPrefix(t, rated, checkinStopID+":")))
	stopped := h.answeredUpdate(t, h.srv.Click(inDM(member), again, buttonWithPrefix(t, again, checkinStopYesID+":")))
	if !strings.Contains(stopped.Content, "Check-ins stopped") || len(stopped.Components) != 0 {
		t.Errorf("Yes, stop said %q with %d rows", stopped.Content, len(stopped.Components))
	}
	if p := h.plan(t, member); p.Status != spotter.PlanStopped {
		t.Errorf("after Yes, stop the plan is %s", p.Status)
	}
	for _, sub := range []string{"history", "start"} {
		if want := "</checkin " + sub + ":" + checkinCommandID(t, h.harness) + ">"; !strings.Contains(stopped.Content, want) {
			t.Errorf("the stopped message does not mention %s: %q", want, stopped.Content)
		}
	}
}

// Every check-in DM ends with one short line: the emergency signs and the
// member's own number, or "your local emergency number" when it is unknown.
func TestCheckinDMsCarryTheEmergencySigns(t *testing.T) {
	t.Parallel()
	clock := newTestClock(checkinStart)
	h := newCheckinHarness(t, clock)
	h.start(t)
	hhmm, due := nextClock(clock.Now(), time.Minute, time.UTC)
	h.command(t, member, "start", discordtest.Opt("pain", 3), discordtest.Opt("time", hhmm), discordtest.Opt("timezone", "UTC"))
	if err := h.store.SetMemberRegion(h.ctx, otherMember.UserID, "GB"); err != nil {
		t.Fatal(err)
	}
	h.command(t, otherMember, "start", discordtest.Opt("pain", 3), discordtest.Opt("time", hhmm), discordtest.Opt("timezone", "UTC"))
	clock.Set(due)
	tests := []struct {
		who  discordtest.Actor
		want string
	}{
		{member, "-# Call your local emergency number now for numbness between your legs, new bladder or bowel trouble"},
		{otherMember, "-# Call 999 now for numbness between your legs"},
	}
	for _, tt := range tests {
		prompt := h.waitDM(t, tt.who, "Daily check-in")
		if !strings.Contains(prompt.Content, tt.want) || !strings.Contains(prompt.Content, "dark pee with very sore muscles") {
			t.Errorf("the check-in DM lacks the emergency line %q:\n%s", tt.want, prompt.Content)
		}
		if n := strings.Count(prompt.Content, "\n-# Call"); n != 1 {
			t.Errorf("the emergency line appears %d times", n)
		}
		answered := h.answeredUpdate(t, h.srv.Click(inDM(tt.who), prompt, ratingButton(t, prompt, 2)))
		if !strings.Contains(answered.Content, tt.want) {
			t.Errorf("the answered DM lost the emergency line:\n%s", answered.Content)
		}
	}
}

// A jump of 4 right after training stops training for today and offers the
// red-flag check now, rather than "check again in 2 hours".
func TestCheckinBigJumpAfterTrainingOffersTheCheckNow(t *testing.T) {
	t.Parallel()
	clock := newTestClock(checkinStart)
	h := newCheckinHarness(t, clock)
	h.command(t, inDM(member), "start", discordtest.Opt("pain", 2), discordtest.Opt("time", "21:00"), discordtest.Opt("timezone", "UTC"))
	clock.Set(checkinStart.Add(time.Hour))
	reply := h.command(t, inDM(member), "workout", discordtest.Opt("pain", 6))
	if !strings.Contains(reply.Content, "Stop training for today") || !strings.Contains(reply.Content, "red-flag check now") || strings.Contains(reply.Content, "check again once 2 hours") {
		t.Errorf("a jump from 2 to 6 after training said:\n%s", reply.Content)
	}
	if strings.Contains(reply.Content, "I'll DM you at") || !strings.Contains(reply.Content, "I won't ask again in two hours") {
		t.Errorf("a stop-training reply still promises a check in two hours:\n%s", reply.Content)
	}
	if !strings.Contains(strings.Join(buttonIDs(reply)[len(buttonIDs(reply))-1], ","), checkinRedFlagID) {
		t.Errorf("the red-flag check is not offered: %v", buttonIDs(reply))
	}
}

// Commands named in check-in replies are clickable mentions.
func TestCheckinRepliesMentionCommands(t *testing.T) {
	t.Parallel()
	clock := newTestClock(checkinStart)
	h := newCheckinHarness(t, clock)
	id := checkinCommandID(t, h.harness)
	none := h.command(t, member, "history")
	if !strings.Contains(none.Content, "</checkin start:"+id+">") || strings.Contains(none.Content, "`") {
		t.Errorf("no plan yet: %q", none.Content)
	}
	started := h.command(t, member, "start", discordtest.Opt("pain", 4), discordtest.Opt("time", "09:00"), discordtest.Opt("timezone", "UTC"))
	for _, sub := range []string{"workout", "log", "history", "pause", "resume", "stop", "settings"} {
		if !strings.Contains(started.Content, "</checkin "+sub+":"+id+">") {
			t.Errorf("the start reply does not mention /checkin %s:\n%s", sub, started.Content)
		}
	}
	paused := h.command(t, member, "pause")
	if !strings.Contains(paused.Content, "</checkin resume:"+id+">") || strings.Contains(paused.Content, "`") {
		t.Errorf("pause said %q", paused.Content)
	}
}

func checkinCommandID(t *testing.T, h *harness) string {
	t.Helper()
	cmds, err := h.srv.WaitCommands(h.ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cmds {
		if c.Name == checkinName {
			return c.ID
		}
	}
	t.Fatal("checkin is not registered")
	return ""
}
