package commands

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot/discordtest"
)

// The people form-tip tests act as, in the default guild's #form-tips.
var (
	// tipModerator has Pin Messages, which makes a moderator.
	tipModerator = discordtest.Actor{UserID: "1800000000000000010", Username: "coach",
		GuildID: discordtest.DefaultGuildID, ChannelID: discordtest.DefaultTipsChannel,
		Permissions: discordtest.DefaultMemberPermissions | discordtest.PermPinMessages}
	// tipMember is an ordinary member.
	tipMember = discordtest.Actor{UserID: "1800000000000000011", Username: "lifter",
		GuildID: discordtest.DefaultGuildID, ChannelID: discordtest.DefaultTipsChannel}
	// tipRoleHolder holds the Moderator role but no moderation permission.
	tipRoleHolder = discordtest.Actor{UserID: "1800000000000000012", Username: "helper",
		GuildID: discordtest.DefaultGuildID, ChannelID: discordtest.DefaultTipsChannel,
		Roles: []string{discordtest.DefaultModRoleID}}
	// tipAdmin is a server admin.
	tipAdmin = discordtest.Actor{UserID: "1800000000000000013", Username: "owner",
		GuildID: discordtest.DefaultGuildID, ChannelID: discordtest.DefaultTipsChannel,
		Permissions: discordtest.DefaultMemberPermissions | discordgo.PermissionAdministrator}
)

// publicMessages returns the messages everyone in the channel can see.
func publicMessages(h *harness, channelID string) []*discordtest.Message {
	var out []*discordtest.Message
	for _, m := range h.srv.Messages(channelID) {
		if !isEphemeral(m) {
			out = append(out, m)
		}
	}
	return out
}

// cardTitles lists the form-card titles of the channel's public messages.
func cardTitles(h *harness, channelID string) []string {
	var out []string
	for _, m := range publicMessages(h, channelID) {
		for _, e := range m.Embeds {
			if strings.HasPrefix(e.Title, formCardTitlePrefix) {
				out = append(out, strings.TrimPrefix(e.Title, formCardTitlePrefix))
			}
		}
	}
	return out
}

// pinnedIDs lists the ids of the channel's pinned messages.
func pinnedIDs(h *harness, channelID string) []string {
	var out []string
	for _, m := range h.srv.Pins(channelID) {
		out = append(out, m.ID)
	}
	return out
}

// privately checks that the member alone sees m and returns its text.
func privately(t *testing.T, m *discordtest.Message) string {
	t.Helper()
	if !isEphemeral(m) {
		t.Errorf("the answer %q is public, want it private", m.Content)
	}
	return m.Content
}

// requestsTo counts the REST requests with this method whose path matches
// the template, where "*" stands for one path segment.
func requestsTo(h *harness, method, template string) int {
	want := strings.Split(strings.Trim(template, "/"), "/")
	n := 0
	for _, r := range h.srv.Requests() {
		got := strings.Split(strings.Trim(r.Path, "/"), "/")
		if r.Method != method || len(got) != len(want) {
			continue
		}
		match := true
		for i := range want {
			match = match && (want[i] == "*" || want[i] == got[i])
		}
		if match {
			n++
		}
	}
	return n
}

// seedTip has the member write a message in #form-tips for a moderator to save.
func seedTip(h *harness, text string) *discordtest.Message {
	return h.srv.AddMessage(discordtest.DefaultTipsChannel, discordtest.Message{AuthorID: tipMember.UserID, Content: text})
}

// pickExercise has actor pick exercise from the "Save as form tip" menu on
// offer, for the member's message tip, and returns the menu message once
// the bot has answered the pick.
func pickExercise(t *testing.T, h *harness, actor discordtest.Actor, offer, tip *discordtest.Message, exercise string) *discordtest.Message {
	t.Helper()
	h.srv.Select(actor, offer, saveMenuID(t, offer), exercise)
	done, err := h.srv.WaitMessage(h.ctx, func(m *discordtest.Message) bool {
		return m.ID == offer.ID && m.Content != offer.Content
	})
	if err != nil {
		t.Fatalf("the pick was never answered: %v", err)
	}
	return done
}

// saveMenuID is the custom_id of the "Save as form tip" menu on offer.
func saveMenuID(t *testing.T, offer *discordtest.Message) string {
	t.Helper()
	for _, row := range offer.Components {
		r, ok := row.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, c := range r.Components {
			if m, ok := c.(*discordgo.SelectMenu); ok && strings.HasPrefix(m.CustomID, formTipSaveID+":") {
				return m.CustomID
			}
		}
	}
	t.Fatalf("no Save as form tip menu on %q", offer.Content)
	return ""
}
