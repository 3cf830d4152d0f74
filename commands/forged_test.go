package commands

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot/discordtest"
)

func TestForgedSaveMenuCannotFileAnotherMessageUnderAFalseAuthor(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	tip := seedTip(h, "Brace before you unrack, not after.")
	elsewhere := h.srv.AddMessage(discordtest.DefaultChannelID, discordtest.Message{AuthorID: otherMember.UserID, Content: "not a tip"})
	offer := h.answered(t, h.srv.MessageCommand(tipModerator, "Save as form tip", tip))
	menu := saveMenuID(t, offer)
	if strings.Contains(menu, tip.ID) || strings.Contains(menu, tipMember.UserID) || strings.Contains(menu, tip.ChannelID) {
		t.Errorf("the menu's custom_id %q carries the message, channel or author: a forged one could name others", menu)
	}
	forged := fmt.Sprintf("%s:%s:%s:%s", formTipSaveID, elsewhere.ChannelID, elsewhere.ID, tipModerator.UserID)
	reply := h.answered(t, h.srv.Forge(tipModerator, discordtest.Forgery{Source: offer, CustomID: forged,
		ComponentType: int(discordgo.SelectMenuComponent), Values: []string{"bracing"}}))
	if !isEphemeral(reply) {
		t.Errorf("the forged pick was answered publicly: %q", reply.Content)
	}
	if pins := pinnedIDs(h, discordtest.DefaultChannelID); len(pins) != 0 {
		t.Errorf("a forged custom_id pinned %v", pins)
	}
	if tips, total, _ := h.store.FormTips(h.ctx, discordtest.DefaultGuildID, 0, 10); total != 0 {
		t.Errorf("a forged custom_id filed %+v", tips)
	}
}

func TestForgedClickCannotRewriteAPublicMessage(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.answered(t, h.srv.SlashCommand(tipModerator, "form-tip post", discordtest.Opt("exercise", "back squat")))
	card := publicMessages(h, discordtest.DefaultTipsChannel)[0]
	before := embedText(card)
	forged := fmt.Sprintf("%s:%s:1", formTipLibraryPageID, tipMember.UserID)
	reply := h.answered(t, h.srv.Forge(tipMember, discordtest.Forgery{Source: card, CustomID: forged}))
	if reply.ID == card.ID {
		t.Errorf("the forged click answered by editing the public message")
	}
	if after := h.srv.Message(card.ID); embedText(after) != before || after.Content != card.Content {
		t.Errorf("a forged click rewrote the public card: %q", after.Content)
	}
}

func TestForgedShareCannotPostAnEmergencyCard(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	answer := h.answered(t, h.srv.SlashCommand(member, "sore-back", discordtest.Opt("question", "ice or heat for my lower back after deadlifts?")))
	reply := h.answered(t, h.srv.Forge(member, discordtest.Forgery{Source: answer, CustomID: soreBackShare + ":emergency"}))
	if !isEphemeral(reply) {
		t.Errorf("a forged share posted publicly: %q", reply.Content)
	}
	if pub := publicMessages(h, member.ChannelID); len(pub) != 0 {
		t.Errorf("a forged share posted %d public messages", len(pub))
	}
}

func TestForgedDMInteractionIsNotRememberedAsTheDMChannel(t *testing.T) {
	t.Parallel()
	h := newScheduledHarness(t, newTestClock(time.Date(2026, 3, 2, 7, 0, 0, 0, time.UTC)))
	h.answered(t, h.srv.Forge(inDM(member), discordtest.Forgery{Command: "checkin start",
		Options: append([]map[string]any{opt("pain", discordgo.ApplicationCommandOptionInteger, 3)}, startRest...),
		Edit:    func(p map[string]any) { p["channel_id"] = discordtest.DefaultChannelID },
	}))
	if _, started, _ := h.store.CheckinPlan(h.ctx, member.UserID); !started {
		t.Fatal("the check-in plan was not started")
	}
	got, ok, err := h.store.DMChannel(h.ctx, member.UserID)
	if err != nil {
		t.Fatal(err)
	}
	if ok && got != h.srv.DMChannelID(member.UserID) {
		t.Errorf("remembered %s as the member's DM channel, want the DM Discord opened (%s)", got, h.srv.DMChannelID(member.UserID))
	}
}
