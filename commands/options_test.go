package commands

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot/discordtest"
)

// opt is one option as a client sends it.
func opt(name string, typ discordgo.ApplicationCommandOptionType, value any) map[string]any {
	return map[string]any{"name": name, "type": int(typ), "value": value}
}

// The options /checkin start needs besides pain.
var startRest = []map[string]any{
	opt("time", discordgo.ApplicationCommandOptionString, "08:30"),
	opt("timezone", discordgo.ApplicationCommandOptionString, "Europe/London"),
}

func TestForgedPainIsNeverRecorded(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	cases := []struct {
		name    string
		options []map[string]any
	}{
		{"pain left out", startRest},
		{"pain sent as text", append([]map[string]any{opt("pain", discordgo.ApplicationCommandOptionString, "4")}, startRest...)},
		{"pain sent as a number with a fraction", append([]map[string]any{opt("pain", discordgo.ApplicationCommandOptionInteger, 3.5)}, startRest...)},
		{"pain above the scale", append([]map[string]any{opt("pain", discordgo.ApplicationCommandOptionInteger, 11)}, startRest...)},
		{"pain below the scale", append([]map[string]any{opt("pain", discordgo.ApplicationCommandOptionInteger, -1)}, startRest...)},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			who := member
			who.UserID = fmt.Sprintf("18000000000000001%02d", i)
			reply := h.answered(t, h.srv.Forge(who, discordtest.Forgery{Command: "checkin start", Options: tc.options}))
			if !isEphemeral(reply) || !strings.Contains(reply.Content, "pain") {
				t.Errorf("reply %q should say privately what is wrong with pain", reply.Content)
			}
			if plan, ok, err := h.store.CheckinPlan(h.ctx, who.UserID); err != nil || ok {
				t.Fatalf("a plan was started from a forged pain option: %+v (%v)", plan, err)
			}
		})
	}
	// The genuine option still works.
	ok := h.answered(t, h.srv.Forge(member, discordtest.Forgery{Command: "checkin start",
		Options: append([]map[string]any{opt("pain", discordgo.ApplicationCommandOptionInteger, 3)}, startRest...)}))
	if _, started, _ := h.store.CheckinPlan(h.ctx, member.UserID); !started {
		t.Errorf("a well-formed start was refused: %q", ok.Content)
	}
}

func TestForgedRoleIDsAreCheckedAgainstResolvedRoles(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	role := func(id string) map[string]map[string]any {
		return map[string]map[string]any{"roles": {id: map[string]any{"id": id, "name": "x", "permissions": "0", "position": 1, "color": 0, "hoist": false, "managed": false, "mentionable": false}}}
	}
	cases := []struct {
		name     string
		value    any
		resolved map[string]map[string]any
	}{
		{"not a snowflake", "%", role("%")},
		{"missing from resolved", discordtest.DefaultModRoleID, nil},
		{"a user, not a role", tipMember.UserID, map[string]map[string]any{"users": {tipMember.UserID: map[string]any{"id": tipMember.UserID, "username": "x"}}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			reply := h.answered(t, h.srv.Forge(tipAdmin, discordtest.Forgery{Command: "form-tip moderators",
				Options: []map[string]any{
					opt("action", discordgo.ApplicationCommandOptionString, "add"),
					opt("role", discordgo.ApplicationCommandOptionRole, tc.value),
				}, Resolved: tc.resolved}))
			if !isEphemeral(reply) || !strings.Contains(reply.Content, "role") {
				t.Errorf("reply %q should refuse the role", reply.Content)
			}
			if roles, _ := h.store.ModeratorRoles(h.ctx, discordtest.DefaultGuildID); len(roles) > 0 {
				t.Fatalf("a forged role was stored: %v", roles)
			}
		})
	}
}

func TestForgedChannelIDsAreCheckedAgainstResolvedChannels(t *testing.T) {
	t.Parallel()
	h := newScheduledHarness(t, newTestClock(time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)))
	channel := func(id string, typ int, guildID string) map[string]map[string]any {
		return map[string]map[string]any{"channels": {id: map[string]any{"id": id, "type": typ, "guild_id": guildID, "name": "x",
			"permissions": strconv.FormatInt(discordtest.DefaultMemberPermissions|discordtest.PermPinMessages, 10)}}}
	}
	cases := []struct {
		name     string
		value    any
		resolved map[string]map[string]any
	}{
		{"not a snowflake", "general", channel("general", 0, discordtest.DefaultGuildID)},
		{"missing from resolved", discordtest.DefaultTipsChannel, nil},
		{"a voice channel", discordtest.DefaultTipsChannel, channel(discordtest.DefaultTipsChannel, 2, discordtest.DefaultGuildID)},
		{"another server's channel", "1900000000000000001", channel("1900000000000000001", 0, "1900000000000000000")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			reply := h.answered(t, h.srv.Forge(tipModerator, discordtest.Forgery{Command: "form-tip schedule",
				Options: []map[string]any{
					opt("channel", discordgo.ApplicationCommandOptionChannel, tc.value),
					opt("cron", discordgo.ApplicationCommandOptionString, "0 9 * * MON"),
					opt("timezone", discordgo.ApplicationCommandOptionString, "UTC"),
				}, Resolved: tc.resolved}))
			if !isEphemeral(reply) || !strings.Contains(reply.Content, "channel") {
				t.Errorf("reply %q should refuse the channel", reply.Content)
			}
			if sch, err := h.store.FormTipSchedule(h.ctx, discordtest.DefaultGuildID); err == nil {
				t.Fatalf("a schedule was stored for a forged channel: %+v", sch)
			}
		})
	}
}
