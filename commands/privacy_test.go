package commands

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot/discordtest"
)

func exportOf(t *testing.T, h *harness, who discordtest.Actor) spotter.MemberExport {
	t.Helper()
	reply := h.answered(t, h.srv.SlashCommand(who, "privacy export"))
	if !isEphemeral(reply) {
		t.Fatal("the data export was posted publicly")
	}
	if len(reply.Files) != 1 || !strings.HasSuffix(reply.Files[0].Name, ".json") {
		t.Fatalf("export attachment = %+v", reply.Files)
	}
	var data spotter.MemberExport
	if err := json.Unmarshal(reply.Files[0].Data, &data); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	return data
}

func seedMember(t *testing.T, h *harness, who discordtest.Actor) {
	t.Helper()
	if err := h.store.SetMemberRegion(h.ctx, who.UserID, "IE"); err != nil {
		t.Fatal(err)
	}
	run, _, err := h.store.StartRedFlagRun(h.ctx, who.UserID)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.store.FinishRedFlagRun(h.ctx, run.ID, run.Step, "see_soon"); err != nil {
		t.Fatal(err)
	}
}

func TestPrivacyShowExplainsThePolicyAndWhatIsKept(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	empty := h.answered(t, h.srv.SlashCommand(member, "privacy show"))
	if !isEphemeral(empty) || !strings.Contains(embedText(empty), "Nothing at all.") {
		t.Fatalf("fresh member sees %q", embedText(empty))
	}
	seedMember(t, h, member)
	shown := embedText(h.answered(t, h.srv.SlashCommand(member, "privacy show")))
	for _, want := range []string{"Region: IE", "1 red-flag check result", "180 days", "ever posted in a channel", "admins"} {
		if !strings.Contains(shown, want) {
			t.Errorf("privacy show lacks %q:\n%s", want, shown)
		}
	}
}

func TestPrivacyExportIsAPrivateJSONFileWithASchemaVersion(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	seedMember(t, h, member)
	data := exportOf(t, h, member)
	if data.SchemaVersion != spotter.ExportSchemaVersion || data.UserID != member.UserID {
		t.Errorf("header = %d / %s", data.SchemaVersion, data.UserID)
	}
	if data.Settings.Region != "IE" || len(data.RedFlagOutcomes) != 1 || data.RedFlagOutcomes[0].Level != "see_soon" {
		t.Errorf("export = %+v", data)
	}
	if other := exportOf(t, h, otherMember); other.Settings.Region != "" || len(other.RedFlagOutcomes) != 0 {
		t.Errorf("another member's export holds this member's data: %+v", other)
	}
}

func TestPrivacyDeleteNeedsConfirmationAndErasesEverything(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	seedMember(t, h, member)
	seedMember(t, h, otherMember)
	ask := h.answered(t, h.srv.SlashCommand(member, "privacy delete"))
	if !isEphemeral(ask) {
		t.Fatal("the delete prompt was public")
	}
	if got := exportOf(t, h, member); got.Settings.Region != "IE" {
		t.Fatal("data was deleted before the member confirmed")
	}

	cancel := h.answered(t, h.srv.Click(member, ask, privacyDeleteCancel+":"+member.UserID))
	if !strings.Contains(cancel.Content, "Nothing was deleted") || exportOf(t, h, member).Settings.Region != "IE" {
		t.Fatalf("cancel: %q", cancel.Content)
	}

	ask = h.answered(t, h.srv.SlashCommand(member, "privacy delete"))
	h.answered(t, h.srv.Click(member, ask, privacyDeleteConfirm+":"+member.UserID))
	after := exportOf(t, h, member)
	if after.Settings.Region != "" || len(after.RedFlagOutcomes) != 0 || after.CheckinPlan != nil {
		t.Errorf("export after delete is not empty: %+v", after)
	}
	if other := exportOf(t, h, otherMember); other.Settings.Region != "IE" {
		t.Error("deleting one member erased another's data")
	}
}

func TestPrivacyDeleteButtonsOnlyWorkForTheirOwner(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	seedMember(t, h, member)
	ask := h.answered(t, h.srv.SlashCommand(member, "privacy delete"))
	// Discord only shows the ephemeral prompt to its owner; a forged click
	// still reaches the bot if the buttons appear where others can press
	// them, so the bot must check who clicked.
	visible := h.srv.AddMessage(member.ChannelID, discordtest.Message{AuthorID: h.srv.ApplicationID(), Content: ask.Content, Components: ask.Components})
	refused := h.answered(t, h.srv.Click(otherMember, visible, privacyDeleteConfirm+":"+member.UserID))
	if !strings.Contains(refused.Content, "someone else") {
		t.Errorf("forged click answered %q", refused.Content)
	}
	if exportOf(t, h, member).Settings.Region != "IE" {
		t.Error("another member's click deleted the data")
	}
}

// savedTipOf pins a message of the member's in #form-tips and files it in
// the library, as "Save as form tip" does.
func savedTipOf(t *testing.T, h *harness, author discordtest.Actor) (*discordtest.Message, spotter.FormTip) {
	t.Helper()
	msg := h.srv.AddMessage(discordtest.DefaultTipsChannel, discordtest.Message{AuthorID: author.UserID, Content: "brace before you unrack", Pinned: true})
	tip, _, err := h.store.SaveFormTip(h.ctx, spotter.FormTip{GuildID: discordtest.DefaultGuildID, ChannelID: msg.ChannelID, MessageID: msg.ID,
		AuthorID: author.UserID, Exercise: "back-squat", Link: "https://discord.com/channels/1/2/3", SavedBy: tipModerator.UserID})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(pinnedIDs(h, msg.ChannelID), msg.ID) {
		t.Fatal("the fixture's tip is not pinned")
	}
	return msg, tip
}

func TestPrivacyDeleteUnpinsTheMembersSavedTips(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	msg, _ := savedTipOf(t, h, tipMember)
	ask := h.answered(t, h.srv.SlashCommand(tipMember, "privacy delete"))
	h.answered(t, h.srv.Click(tipMember, ask, privacyDeleteConfirm+":"+tipMember.UserID))
	if slices.Contains(pinnedIDs(h, msg.ChannelID), msg.ID) {
		t.Error("the member's saved tip is still pinned after /privacy delete")
	}
	if tips, total, _ := h.store.FormTips(h.ctx, discordtest.DefaultGuildID, 0, 10); total != 0 {
		t.Errorf("library still holds %+v", tips)
	}
}

func TestPrivacyDeleteLeavesAnUnpinnableTipForModerators(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	msg, tip := savedTipOf(t, h, tipMember)
	h.srv.FailNext(http.MethodDelete, "/channels/"+msg.ChannelID+"/messages/pins/", http.StatusForbidden, 50013, 1)
	ask := h.answered(t, h.srv.SlashCommand(tipMember, "privacy delete"))
	done := h.answered(t, h.srv.Click(tipMember, ask, privacyDeleteConfirm+":"+tipMember.UserID))
	if !strings.Contains(done.Content, "moderators") {
		t.Errorf("the member is not told a tip stays pinned: %q", done.Content)
	}
	kept, err := h.store.FormTip(h.ctx, discordtest.DefaultGuildID, tip.ID)
	if err != nil {
		t.Fatalf("the still-pinned tip left the library, so no one can unpin it through Spotter: %v", err)
	}
	if kept.AuthorID != "" {
		t.Errorf("the kept tip still names its author %s", kept.AuthorID)
	}
	removed := h.answered(t, h.srv.SlashCommand(tipModerator, "form-tip remove", discordtest.Opt("tip", strconv.FormatInt(tip.ID, 10))))
	if slices.Contains(pinnedIDs(h, msg.ChannelID), msg.ID) {
		t.Errorf("a moderator could not unpin the kept tip: %q", removed.Content)
	}
}
