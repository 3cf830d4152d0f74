package commands

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot/discordtest"
)

// generalModerator may pin in #general only: in #form-tips they are an
// ordinary member.
var generalModerator = discordtest.Actor{UserID: "1800000000000000020", Username: "channelmod",
	GuildID: discordtest.DefaultGuildID, ChannelID: discordtest.DefaultChannelID,
	Permissions:        discordtest.DefaultMemberPermissions | discordtest.PermPinMessages,
	ChannelPermissions: map[string]int64{discordtest.DefaultTipsChannel: discordtest.DefaultMemberPermissions}}

func TestScheduleNeedsModeratorRightsInTheTargetChannel(t *testing.T) {
	t.Parallel()
	h := newScheduledHarness(t, newTestClock(time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)))
	reply := h.answered(t, h.srv.SlashCommand(generalModerator, "form-tip schedule",
		discordtest.Opt("channel", discordtest.DefaultTipsChannel), discordtest.Opt("cron", "0 9 * * MON"), discordtest.Opt("timezone", "UTC")))
	if text := privately(t, reply); !strings.Contains(text, "moderator") {
		t.Errorf("reply %q should say the rights are missing in that channel", text)
	}
	if sch, err := h.store.FormTipSchedule(h.ctx, discordtest.DefaultGuildID); err == nil {
		t.Errorf("a schedule was set in a channel where the member has no rights: %+v", sch)
	}
}

func TestRemoveFromAnotherChannelNeedsServerWideRights(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	msg := h.srv.AddMessage(discordtest.DefaultTipsChannel, discordtest.Message{AuthorID: tipMember.UserID, Content: "brace", Pinned: true})
	tip, _, err := h.store.SaveFormTip(h.ctx, spotter.FormTip{GuildID: discordtest.DefaultGuildID, ChannelID: msg.ChannelID, MessageID: msg.ID,
		AuthorID: tipMember.UserID, Exercise: "bracing", Link: "https://discord.com/channels/1/2/3", SavedBy: tipModerator.UserID})
	if err != nil {
		t.Fatal(err)
	}
	id := strconv.FormatInt(tip.ID, 10)
	reply := h.answered(t, h.srv.SlashCommand(generalModerator, "form-tip remove", discordtest.Opt("tip", id)))
	if text := privately(t, reply); !strings.Contains(text, "moderator") {
		t.Errorf("reply %q should refuse", text)
	}
	if !slices.Contains(pinnedIDs(h, msg.ChannelID), msg.ID) {
		t.Fatal("a moderator of another channel unpinned the tip")
	}
	// A moderator role the admins named holds in every channel.
	roleMod := tipRoleHolder
	roleMod.ChannelID = discordtest.DefaultChannelID
	h.answered(t, h.srv.SlashCommand(tipAdmin, "form-tip moderators", discordtest.Opt("action", "add"), discordtest.Opt("role", discordtest.DefaultModRoleID)))
	h.answered(t, h.srv.SlashCommand(roleMod, "form-tip remove", discordtest.Opt("tip", id)))
	if slices.Contains(pinnedIDs(h, msg.ChannelID), msg.ID) {
		t.Error("a server-wide moderator could not remove the tip from another channel")
	}
}

func TestUnscheduleNeedsServerWideRights(t *testing.T) {
	t.Parallel()
	h := newScheduledHarness(t, newTestClock(time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)))
	scheduleTips(t, h, "0 9 * * MON", "UTC")
	reply := h.answered(t, h.srv.SlashCommand(generalModerator, "form-tip unschedule"))
	if text := privately(t, reply); !strings.Contains(text, "moderator") {
		t.Errorf("reply %q should refuse", text)
	}
	if _, err := h.store.FormTipSchedule(h.ctx, discordtest.DefaultGuildID); err != nil {
		t.Errorf("a channel moderator stopped the server's schedule: %v", err)
	}
}
