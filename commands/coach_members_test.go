package commands

import (
	"strings"
	"testing"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/discordtest"
)

// With the Server Members intent, Discord's member events end a share at
// once: no weekly update has to come due first (issue 15).
func TestCoachMemberEventsEndSharesAtOnce(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		event  bot.MemberEvent
		reason string
	}{
		{"coach loses the role", bot.MemberEvent{GuildID: discordtest.DefaultGuildID, UserID: coach.UserID, Roles: nil}, spotter.ShareCoachLostRole},
		{"coach leaves", bot.MemberEvent{GuildID: discordtest.DefaultGuildID, UserID: coach.UserID, Left: true}, spotter.ShareCoachLeft},
		{"member leaves", bot.MemberEvent{GuildID: discordtest.DefaultGuildID, UserID: member.UserID, Left: true}, spotter.ShareMemberLeft},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newCoachHarness(t, newTestClock(checkinStart))
			startSharing(t, h)
			sh := shareAndWait(t, h)
			c := &coaching{store: h.store}
			if err := c.memberChanged(h.ctx, tt.event); err != nil {
				t.Fatal(err)
			}
			got, _, _ := h.store.Share(h.ctx, sh.ID)
			if got.Status != spotter.ShareEnded || got.Reason != tt.reason {
				t.Fatalf("share = %s (%s), want ended for %s", got.Status, got.Reason, tt.reason)
			}
			if tt.event.Left && tt.event.UserID == member.UserID {
				return
			}
			reply := h.command(t, member, "sharing")
			if !strings.Contains(reply.Content, "A share of your check-ins has ended") {
				t.Errorf("the member was not told: %q", reply.Content)
			}
		})
	}
}

func TestCoachRoleChangeThatKeepsACoachRoleEndsNothing(t *testing.T) {
	t.Parallel()
	h := newCoachHarness(t, newTestClock(checkinStart))
	startSharing(t, h)
	sh := shareAndWait(t, h)
	c := &coaching{store: h.store}
	ev := bot.MemberEvent{GuildID: discordtest.DefaultGuildID, UserID: coach.UserID, Roles: []string{discordtest.DefaultModRoleID, coachRoleID}}
	if err := c.memberChanged(h.ctx, ev); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := h.store.Share(h.ctx, sh.ID); got.Status != spotter.ShareActive {
		t.Errorf("share = %s, want still active", got.Status)
	}
}

// shareAndWait shares member's check-ins with coach and waits until the
// share is recorded: under load the confirmation may be deferred and the
// share written just after the reply.
func shareAndWait(t *testing.T, h *checkinHarness) spotter.CoachShare {
	t.Helper()
	h.shareWith(t, member, coach)
	var sh spotter.CoachShare
	h.waitFor(t, "the share to start", func() bool {
		var ok bool
		sh, ok, _ = h.store.LiveShare(h.ctx, member.UserID, coach.UserID)
		return ok
	})
	return sh
}
