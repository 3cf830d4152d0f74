package commands

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot/discordtest"
	"github.com/spotter-bot/spotter/bot/store"
	"github.com/spotter-bot/spotter/knowledge/redflag"
)

func TestRedFlagCheckStartedInAServerContinuesInDMs(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ack, question := h.redFlagStartInServer(t, member)
	if !strings.Contains(ack.Content, "DM") {
		t.Errorf("the private reply does not point to the DM: %q", ack.Content)
	}
	link := allButtons(ack)
	if len(link) != 1 || !strings.Contains(link[0].URL, "/channels/@me/"+question.ChannelID+"/"+question.ID) {
		t.Errorf("the reply has no button that opens the DM: %+v", link)
	}
	redFlagMustAsk(t, question, redflag.Questions()[0].ID)
	if got, want := redFlagLabels(question), []string{"Yes", "No", "Not sure", "Back", "Stop"}; !slices.Equal(got, want) {
		t.Errorf("question buttons = %v, want %v", got, want)
	}
	for _, m := range h.srv.Messages(discordtest.DefaultChannelID) {
		if !isEphemeral(m) {
			t.Errorf("public message in the channel: %q", redFlagText(m))
		}
	}
}

func TestRedFlagCheckInADMRunsRightThere(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	reply := h.answered(t, h.srv.SlashCommand(inDM(member), redFlagName))
	redFlagMustAsk(t, reply, redflag.Questions()[0].ID)
	if isEphemeral(reply) {
		t.Error("in a DM the question should stay in the conversation, not vanish as ephemeral")
	}
	if reply.ChannelID != h.srv.DMChannelID(member.UserID) {
		t.Errorf("question posted in channel %s, not the DM", reply.ChannelID)
	}
	outcome, _ := h.redFlagAnswerAll(t, member, reply, map[string]string{"trauma": "Yes"})
	if !strings.Contains(outcome.Embeds[0].Title, "emergency department") {
		t.Errorf("outcome in the DM = %q", outcome.Embeds[0].Title)
	}
}

func TestRedFlagCheckOutcomes(t *testing.T) {
	t.Parallel()
	all := len(redflag.Screens())
	tests := []struct {
		name      string
		replies   map[string]string
		wantAsked int
		wantLevel redflag.Level
		wantText  []string
		wantIDs   []string
		wantNoIDs []string
	}{
		{
			name: "emergency answer ends the check at once", replies: map[string]string{"saddle": "Yes"}, wantAsked: 1,
			wantLevel: redflag.LevelEmergency, wantText: []string{"emergency department now", "911", "999"},
			wantNoIDs: []string{checkinOfferID},
		},
		{
			name: "not sure on an emergency question escalates", replies: map[string]string{"cancer_legs": "Not sure"}, wantAsked: 7,
			wantLevel: redflag.LevelEmergency, wantText: []string{"emergency department now", "counted that as a yes"},
		},
		{
			name: "dark pee with very sore muscles after a session is an emergency now", replies: map[string]string{"dark_pee": "Yes"}, wantAsked: 8,
			wantLevel: redflag.LevelEmergency, wantText: []string{"emergency department now", "drink water", "creatine kinase"},
			wantNoIDs: []string{checkinOfferID},
		},
		{
			name: "sudden or tearing pain ends the check with an ambulance", replies: map[string]string{"sudden_pain": "Not sure"}, wantAsked: 9,
			wantLevel: redflag.LevelEmergency, wantText: []string{"call for an ambulance", "counted that as a yes"},
		},
		{
			name: "same day", replies: map[string]string{"fever": "Yes"}, wantAsked: all,
			wantLevel: redflag.LevelSameDay, wantText: []string{"doctor today", "urgent care", "your doctor (GP or family doctor)", "Call your local emergency number now for numbness between your legs"},
			wantNoIDs: []string{checkinOfferID},
		},
		{
			name: "two ticks on the same-day checklist", replies: map[string]string{"infection": "Yes", "blood_pee": "Yes"}, wantAsked: all,
			wantLevel: redflag.LevelSameDay, wantText: []string{"doctor today", "fever and feel very unwell"},
		},
		{
			name: "stable one-leg numbness is a doctor within a day or two", replies: map[string]string{"one_leg": "Yes"}, wantAsked: all,
			wantLevel: redflag.LevelWithinDays, wantText: []string{"within a day or two", "foot starts to drop or drag", "call your local emergency number now"},
			wantIDs: []string{checkinOfferID},
		},
		{
			name: "see a professional soon", replies: map[string]string{"below_knee": "Yes"}, wantAsked: all,
			wantLevel: redflag.LevelSeeSoon, wantText: []string{"your doctor (GP or family doctor) or a physiotherapist", "When to get help now", "dark pee with very sore muscles"},
			wantIDs: []string{checkinOfferID}, wantNoIDs: []string{soreBackEntry + ":relative-rest"},
		},
		{
			name: "long morning stiffness is not reassured away", replies: map[string]string{"inflammatory": "Yes"}, wantAsked: all,
			wantLevel: redflag.LevelSeeSoon, wantText: []string{"in the next week or two", "long morning stiffness"},
		},
		{
			name: "young lifter with pain on arching", replies: map[string]string{"young_arching": "Yes"}, wantAsked: all,
			wantLevel: redflag.LevelSeeSoon, wantText: []string{"in the next week or two", "arch or lean your back backwards"},
		},
		{
			name: "all no is self-care", replies: nil, wantAsked: all,
			wantLevel: redflag.LevelSelfCare, wantText: []string{"No warning signs", redflag.Disclaimer, "When to get help now", "Call your local emergency number now"},
			wantIDs: []string{soreBackEntry + ":relative-rest", soreBackEntry + ":rule-of-twos", soreBackEntry + ":heat-vs-ice", soreBackEntry + ":return-to-lifting", checkinOfferID},
		},
		{
			name: "low mood gets kind words", replies: map[string]string{"low_mood": "Yes"}, wantAsked: all,
			wantLevel: redflag.LevelSelfCare, wantText: []string{"You don't have to deal with it alone"},
			wantIDs: []string{checkinOfferID},
		},
		{
			name: "crisis answer gets crisis lines", replies: map[string]string{"low_mood": redflag.AnswerCrisis.Label()}, wantAsked: all,
			wantLevel: redflag.LevelCrisis, wantText: []string{"988", "Samaritans 116 123", "Lifeline 13 11 14"},
			wantNoIDs: []string{checkinOfferID, soreBackEntry + ":relative-rest"},
		},
	}
	h := newHarness(t)
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := redFlagMember(i)
			_, question := h.redFlagStartInServer(t, a)
			runID := redFlagRunID(t, question)
			outcome, asked := h.redFlagAnswerAll(t, a, question, tt.replies)

			var order []string
			for _, s := range redflag.Screens()[:len(asked)] {
				order = append(order, s.ID)
			}
			if len(asked) != tt.wantAsked || !slices.Equal(asked, order) {
				t.Errorf("showed %v, want the first %d screens in order", asked, tt.wantAsked)
			}
			shown := redFlagText(outcome)
			for _, want := range tt.wantText {
				if !strings.Contains(shown, want) {
					t.Errorf("outcome lacks %q:\n%s", want, shown)
				}
			}
			if strings.Contains(shown, "surgery") {
				t.Errorf("outcome says surgery:\n%s", shown)
			}
			if outcome.Embeds[0].Footer == nil || outcome.Embeds[0].Footer.Text != redflag.Disclaimer {
				t.Error("outcome lacks the disclaimer")
			}
			for _, label := range []string{"Yes", "No", "Not sure", "Back", "Stop", redFlagNoneLabel} {
				if slices.Contains(redFlagLabels(outcome), label) {
					t.Errorf("outcome still has the %q button", label)
				}
			}
			for _, id := range tt.wantIDs {
				if !redFlagHasButton(outcome, id) {
					t.Errorf("outcome lacks the %s button: %v", id, redFlagLabels(outcome))
				}
			}
			for _, id := range tt.wantNoIDs {
				if redFlagHasButton(outcome, id) {
					t.Errorf("outcome should not offer %s", id)
				}
			}
			got, err := h.store.RedFlagOutcomes(context.Background(), a.UserID)
			if err != nil || len(got) != 1 || got[0].Level != tt.wantLevel.String() {
				t.Errorf("stored outcomes = %+v, %v; want one %v", got, err, tt.wantLevel)
			}
			if _, found := h.redFlagRunState(t, runID); found {
				t.Error("the answers are still stored after the outcome")
			}
		})
	}
}

// A member with no warning signs reaches the result in 12 taps: No on each
// of the 9 emergency questions, None of these on the same-day and see-soon
// checklists, and No on the mood question. Before the checklists it took
// 19, one for each question. Every question is still shown on the way, so
// "no warning signs" means each sign was asked about.
func TestRedFlagAllClearRunTakesTwelveTaps(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	m := h.answered(t, h.srv.SlashCommand(inDM(member), redFlagName))
	seen := map[string]bool{}
	taps := 0
	for ; taps < 30; taps++ {
		s, ok := redFlagScreenShown(m.Embeds)
		if !ok {
			break
		}
		for _, q := range s.Questions {
			seen[q.ID] = true
		}
		if s.Checklist {
			m = h.redFlagPress(t, member, m, redFlagNoneLabel)
			continue
		}
		m = h.redFlagPress(t, member, m, "No")
	}
	if taps != 12 {
		t.Errorf("an all-clear run took %d taps, want 12", taps)
	}
	if !strings.Contains(m.Embeds[0].Title, "No warning signs") {
		t.Errorf("after %d taps the member sees %q", taps, m.Embeds[0].Title)
	}
	for _, q := range redflag.Questions() {
		if !seen[q.ID] {
			t.Errorf("the all-clear run never showed %s", q.ID)
		}
	}
}

func TestRedFlagChecklistIsOneMenuWithNoneOfThese(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	m := h.answered(t, h.srv.SlashCommand(inDM(member), redFlagName))
	for range 9 {
		m = h.redFlagPress(t, member, m, "No")
	}
	redFlagMustAsk(t, m, "same_day")
	if !strings.Contains(m.Embeds[0].Title, "step 10 of 12") {
		t.Errorf("checklist title = %q", m.Embeds[0].Title)
	}
	menu := redFlagSelectMenu(t, m)
	if menu.MinValues == nil || *menu.MinValues != 1 || menu.MaxValues != len(menu.Options) || len(menu.Options) < 2 {
		t.Errorf("menu takes %v-%d of %d options; want any number of them", menu.MinValues, menu.MaxValues, len(menu.Options))
	}
	if got, want := redFlagLabels(m), []string{redFlagNoneLabel, "Back", "Stop"}; !slices.Equal(got, want) {
		t.Errorf("checklist buttons = %v, want %v", got, want)
	}
	ticked := h.answered(t, h.srv.Select(member, m, menu.CustomID, "night_pain"))
	redFlagMustAsk(t, ticked, "see_soon")
	back := h.redFlagPress(t, member, ticked, "Back")
	redFlagMustAsk(t, back, "same_day")
	if s, _ := redFlagScreenShown(back.Embeds); len(s.Questions) != len(menu.Options) {
		t.Errorf("Back showed %d items, want the whole checklist of %d", len(s.Questions), len(menu.Options))
	}
	outcome, _ := h.redFlagAnswerAll(t, member, back, nil)
	if !strings.Contains(outcome.Embeds[0].Title, "No warning signs") {
		t.Errorf("untick by Back, then None of these: outcome %q", outcome.Embeds[0].Title)
	}
}

// A button from before the checklists does not say which question it
// answers, so it is never counted: the old message offers to start again.
func TestRedFlagOldButtonsAskToStartAgain(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	first := h.answered(t, h.srv.SlashCommand(inDM(member), redFlagName))
	runID := redFlagRunID(t, first)
	second := h.redFlagPress(t, member, first, "No")
	run, _ := h.redFlagRunState(t, runID)
	old := h.srv.AddMessage(second.ChannelID, discordtest.Message{AuthorID: h.srv.ApplicationID(), Content: "old question",
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Yes", Style: discordgo.SecondaryButton, CustomID: fmt.Sprintf("%s:%s:%d:y", redFlagAnswerID, runID, run.Step)},
			discordgo.Button{Label: "No", Style: discordgo.SecondaryButton, CustomID: fmt.Sprintf("%s:%s:%d:n", redFlagAnswerID, runID, run.Step)},
		}}}})
	changed := h.answered(t, h.srv.Click(inDM(member), old, fmt.Sprintf("%s:%s:%d:n", redFlagAnswerID, runID, run.Step)))
	if changed.ID != old.ID || !strings.Contains(redFlagText(changed), "has changed") || !strings.Contains(redFlagText(changed), "start again") {
		t.Fatalf("an old button got %q in message %s", redFlagText(changed), changed.ID)
	}
	if after, _ := h.redFlagRunState(t, runID); after.Answers != run.Answers || after.Step != run.Step {
		t.Errorf("an old button changed the run: %+v, was %+v", after, run)
	}
	fresh := h.redFlagPress(t, member, changed, "Start again")
	redFlagMustAsk(t, fresh, redflag.Questions()[0].ID)
	if redFlagRunID(t, fresh) == runID {
		t.Error("Start again kept the old run")
	}
}

// A button made for one question is never counted for another, even when
// the run's step matches.
func TestRedFlagAnswerButtonsNameTheirQuestion(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	first := h.answered(t, h.srv.SlashCommand(inDM(member), redFlagName))
	runID := redFlagRunID(t, first)
	run, _ := h.redFlagRunState(t, runID)
	forged := h.srv.AddMessage(first.ChannelID, discordtest.Message{AuthorID: h.srv.ApplicationID(), Content: "forged",
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "No", Style: discordgo.SecondaryButton, CustomID: fmt.Sprintf("%s:%s:%d:bladder:n", redFlagAnswerID, runID, run.Step)},
		}}}})
	refusal := h.redFlagPress(t, member, forged, "No")
	if !isEphemeral(refusal) || !strings.Contains(refusal.Content, "earlier") {
		t.Errorf("an answer for the wrong question got %q", refusal.Content)
	}
	if after, _ := h.redFlagRunState(t, runID); after.Answers != "" {
		t.Errorf("the click was counted: %q", after.Answers)
	}
}

// Commands named in the check's messages are clickable mentions with the
// id Discord gave the command, never code spans.
func TestRedFlagMessagesMentionTheCommand(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	mention := "</" + redFlagName + ":" + redFlagCommandID(t, h) + ">"
	first := h.answered(t, h.srv.SlashCommand(inDM(member), redFlagName))
	no := redFlagButtonID(t, first, "No")
	stopped := h.redFlagPress(t, member, first, "Stop")
	if text := redFlagText(stopped); !strings.Contains(text, mention) || strings.Contains(text, "`") {
		t.Errorf("the stopped message does not mention %s:\n%s", mention, text)
	}
	// The member's Discord language is en-US, so the United States number.
	if !strings.Contains(redFlagText(stopped), "Call 911 now") {
		t.Errorf("the stopped message lacks the safety net:\n%s", redFlagText(stopped))
	}
	kept := h.srv.AddMessage(first.ChannelID, discordtest.Message{AuthorID: h.srv.ApplicationID(), Content: "a copy of the first question",
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "No", Style: discordgo.SecondaryButton, CustomID: no},
		}}}})
	ended := h.answered(t, h.srv.Click(inDM(member), kept, no))
	if !strings.Contains(ended.Content, mention) {
		t.Errorf("the ended message does not mention %s: %q", mention, ended.Content)
	}
}

func redFlagCommandID(t *testing.T, h *harness) string {
	t.Helper()
	cmds, err := h.srv.WaitCommands(h.ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cmds {
		if c.Name == redFlagName {
			return c.ID
		}
	}
	t.Fatalf("%s is not registered", redFlagName)
	return ""
}

func TestRedFlagCheckListsTheMembersOwnNumbersFirst(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	_, question := h.redFlagStartInServer(t, member, discordtest.Opt(redFlagOptionRegion, "GB"))
	if region, _ := h.store.MemberRegion(context.Background(), member.UserID); region != "GB" {
		t.Errorf("region saved as %q, want GB", region)
	}
	outcome := h.redFlagPress(t, member, question, "Yes")
	action := outcome.Embeds[0].Fields[0].Value
	if !strings.Contains(action, ":\n- United Kingdom: 999\n") {
		t.Errorf("the member's own emergency number is not first:\n%s", action)
	}
}

func TestRedFlagCheckBackAsksThePreviousQuestionAgain(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	_, first := h.redFlagStartInServer(t, member)
	if !slices.ContainsFunc(allButtons(first), func(b discordgo.Button) bool { return b.Label == "Back" && b.Disabled }) {
		t.Error("Back should be disabled on the first question")
	}
	second := h.redFlagPress(t, member, first, "No")
	redFlagMustAsk(t, second, redflag.Questions()[1].ID)
	again := h.redFlagPress(t, member, second, "Back")
	redFlagMustAsk(t, again, redflag.Questions()[0].ID)
	outcome := h.redFlagPress(t, member, again, "Yes")
	if !strings.Contains(outcome.Embeds[0].Title, "emergency department") {
		t.Errorf("changing the answer after Back gave %q", outcome.Embeds[0].Title)
	}
}

func TestRedFlagCheckStopKeepsNothing(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	_, question := h.redFlagStartInServer(t, member)
	runID := redFlagRunID(t, question)
	stopped := h.redFlagPress(t, member, h.redFlagPress(t, member, question, "No"), "Stop")
	if len(allButtons(stopped)) != 0 || !strings.Contains(redFlagText(stopped), "stopped") {
		t.Errorf("after Stop the message shows %q with buttons %v", redFlagText(stopped), redFlagLabels(stopped))
	}
	if _, found := h.redFlagRunState(t, runID); found {
		t.Error("a stopped check is still stored")
	}
	if got, _ := h.store.RedFlagOutcomes(context.Background(), member.UserID); len(got) != 0 {
		t.Errorf("a stopped check stored outcomes %+v", got)
	}
}

func TestRedFlagCheckRunsPrivatelyInTheChannelWhenDMsAreClosed(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.srv.CloseDMs(member.UserID)
	reply := h.answered(t, h.srv.SlashCommand(member, redFlagName))
	if !isEphemeral(reply) {
		t.Fatalf("the fallback question is public: %q", redFlagText(reply))
	}
	redFlagMustAsk(t, reply, redflag.Questions()[0].ID)
	if !strings.Contains(reply.Content, "Privacy Settings") || !strings.Contains(reply.Content, "Allow DMs") {
		t.Errorf("the member is not told how to allow DMs: %q", reply.Content)
	}
	outcome, _ := h.redFlagAnswerAll(t, member, reply, map[string]string{"fever": "Yes", "low_mood": "Yes"})
	if outcome.ID != reply.ID || !strings.Contains(outcome.Embeds[0].Title, "doctor today") {
		t.Errorf("outcome %q arrived in message %s, want in place of %s", outcome.Embeds[0].Title, outcome.ID, reply.ID)
	}
	if dms := h.srv.DMs(member.UserID); len(dms) != 0 {
		t.Errorf("%d DMs were stored although DMs are closed", len(dms))
	}
	private := []string{outcome.Embeds[0].Title}
	for _, q := range redflag.Questions() {
		private = append(private, q.Text)
	}
	for _, m := range h.srv.Messages(discordtest.DefaultChannelID) {
		for _, p := range private {
			if strings.Contains(redFlagText(m), p) && !isEphemeral(m) {
				t.Errorf("a public message shows %q", p)
			}
		}
	}
}

func TestRedFlagCheckFallsBackWhenDiscordFailsTheDM(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.srv.FailNext("POST", "/channels/", 500, 0, 1)
	reply := h.answered(t, h.srv.SlashCommand(member, redFlagName))
	if !isEphemeral(reply) || !strings.Contains(reply.Content, "couldn't reach your DMs") {
		t.Fatalf("reply after a failed DM = %q (ephemeral %v)", reply.Content, isEphemeral(reply))
	}
	redFlagMustAsk(t, reply, redflag.Questions()[0].ID)
	next := h.redFlagPress(t, member, reply, "No")
	redFlagMustAsk(t, next, redflag.Questions()[1].ID)
}

func TestRedFlagCheckStartsFromTheSoreBackButton(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	answer := h.answered(t, h.srv.SlashCommand(member, soreBackName, discordtest.Opt(optionQuestion, "lower back sore after deadlifts")))
	ack := h.answered(t, h.srv.Click(member, answer, redFlagStartID))
	if ack.ID == answer.ID || !isEphemeral(ack) || !strings.Contains(ack.Content, "DM") {
		t.Errorf("the button answered with %q in message %s (answer was %s)", ack.Content, ack.ID, answer.ID)
	}
	if h.srv.Message(answer.ID).Embeds[0].Title != answer.Embeds[0].Title {
		t.Error("the /sore-back answer was replaced")
	}
	redFlagMustAsk(t, h.redFlagNewestDM(t, member.UserID), redflag.Questions()[0].ID)
}

func TestRedFlagCheckRefusesSomeoneElsesClick(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	_, question := h.redFlagStartInServer(t, member)
	refusal := h.redFlagPress(t, otherMember, question, "Yes")
	if refusal.ID == question.ID || !isEphemeral(refusal) || !strings.Contains(refusal.Content, "belongs to someone else") {
		t.Errorf("another member's click got %q in message %s", refusal.Content, refusal.ID)
	}
	redFlagMustAsk(t, h.srv.Message(question.ID), redflag.Questions()[0].ID)
	run, found := h.redFlagRunState(t, redFlagRunID(t, question))
	if !found || run.Answers != "" || run.Step != 0 {
		t.Errorf("another member's click changed the run: %+v", run)
	}
}

func TestRedFlagCheckContinuesAfterARestart(t *testing.T) {
	t.Parallel()
	srv := discordtest.Start(t, discordtest.Options{})
	path := filepath.Join(t.TempDir(), "spotter.db")
	before, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	h := startHarness(t, srv, before)
	_, question := h.redFlagStartInServer(t, member)
	third := h.redFlagPress(t, member, h.redFlagPress(t, member, question, "No"), "No")
	redFlagMustAsk(t, third, redflag.Questions()[2].ID)

	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := h.bot.Shutdown(shutdownCtx); err != nil {
		t.Fatal(err)
	}
	if err := before.Close(); err != nil {
		t.Fatal(err)
	}
	after, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { after.Close() })
	restarted := startHarness(t, srv, after)
	fourth := restarted.redFlagPress(t, member, srv.Message(third.ID), "No")
	redFlagMustAsk(t, fourth, redflag.Questions()[3].ID)
}

func TestRedFlagCheckOffersToContinueOrRestart(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	_, first := h.redFlagStartInServer(t, member)
	oldRun := redFlagRunID(t, first)
	stale := h.redFlagPress(t, member, first, "No")

	offer := h.answered(t, h.srv.SlashCommand(member, redFlagName))
	if !isEphemeral(offer) || !strings.Contains(offer.Content, "step 2 of 12") {
		t.Fatalf("second start = %q, want a private offer naming step 2 of 12", offer.Content)
	}
	moved := h.redFlagPress(t, member, offer, "Continue where you left off")
	if moved.ID != offer.ID || !strings.Contains(moved.Content, "DM") {
		t.Errorf("Continue answered %q in message %s", moved.Content, moved.ID)
	}
	resumed := h.redFlagNewestDM(t, member.UserID)
	if resumed.ID == stale.ID {
		t.Fatal("Continue sent no new DM")
	}
	redFlagMustAsk(t, resumed, redflag.Questions()[1].ID)

	t.Run("stale buttons are refused", func(t *testing.T) {
		refusal := h.redFlagPress(t, member, stale, "Yes")
		if refusal.ID == stale.ID || !isEphemeral(refusal) || !strings.Contains(refusal.Content, "earlier") {
			t.Errorf("a click on the older message got %q", refusal.Content)
		}
		if run, _ := h.redFlagRunState(t, oldRun); run.Answers != "saddle=n" {
			t.Errorf("a stale click changed the answers to %q", run.Answers)
		}
		redFlagMustAsk(t, h.redFlagPress(t, member, resumed, "No"), redflag.Questions()[2].ID)
	})

	t.Run("start again", func(t *testing.T) {
		offer := h.answered(t, h.srv.SlashCommand(member, redFlagName))
		h.redFlagPress(t, member, offer, "Start again")
		fresh := h.redFlagNewestDM(t, member.UserID)
		redFlagMustAsk(t, fresh, redflag.Questions()[0].ID)
		if redFlagRunID(t, fresh) == oldRun {
			t.Error("Start again kept the old run")
		}
		if _, found := h.redFlagRunState(t, oldRun); found {
			t.Error("the old run and its answers are still stored")
		}
	})
}

func TestRedFlagCheckRefusesAndPurgesAnExpiredRun(t *testing.T) {
	t.Parallel()
	srv := discordtest.Start(t, discordtest.Options{})
	clock := newTestClock(time.Now())
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "spotter.db"), store.WithClock(clock.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	h := startHarness(t, srv, db)
	_, question := h.redFlagStartInServer(t, member)
	question = h.redFlagPress(t, member, question, "No")
	runID := redFlagRunID(t, question)

	clock.Advance(spotter.RedFlagRunLifetime)
	refusal := h.redFlagPress(t, member, question, "No")
	if refusal.ID == question.ID || !strings.Contains(refusal.Content, "expired") {
		t.Errorf("a click on an expired check got %q", refusal.Content)
	}
	if _, found := h.redFlagRunState(t, runID); found {
		t.Error("the expired run was not purged")
	}
	_, fresh := h.redFlagStartInServer(t, member)
	redFlagMustAsk(t, fresh, redflag.Questions()[0].ID)
}
