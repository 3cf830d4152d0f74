package commands

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/discordtest"
	"github.com/spotter-bot/spotter/knowledge/formtips"
)

func TestFormTipShowGivesAnyoneTheCardPrivately(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	reply := h.answered(t, h.srv.SlashCommand(tipMember, "form-tip show", discordtest.Opt("exercise", "RDLs")))
	privately(t, reply)
	if len(reply.Embeds) != 1 {
		t.Fatalf("got %d embeds, want the card", len(reply.Embeds))
	}
	card := reply.Embeds[0]
	if card.Title != "Form tip: Romanian deadlift" {
		t.Errorf("card title %q, want the Romanian deadlift card", card.Title)
	}
	var fields []string
	for _, f := range card.Fields {
		fields = append(fields, f.Name)
	}
	want := []string{formtips.HeadingSetup, formtips.HeadingCues, formtips.HeadingFaults, formtips.HeadingRegressions, "Sources"}
	if !slices.Equal(fields, want) {
		t.Errorf("card sections %v, want %v", fields, want)
	}
	if got := publicMessages(h, discordtest.DefaultTipsChannel); len(got) != 0 {
		t.Errorf("show put %d public messages in the channel", len(got))
	}
}

func TestFormTipShowNamesTheCardsForAnUnknownExercise(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	reply := h.answered(t, h.srv.SlashCommand(tipMember, "form-tip show", discordtest.Opt("exercise", "bench press")))
	text := privately(t, reply)
	if !strings.Contains(text, "bench press") || !strings.Contains(text, "Back squat") || !strings.Contains(text, "Side plank") {
		t.Errorf("reply %q should name the exercise asked for and list the cards there are", text)
	}
}

func TestFormTipExerciseAutocompleteOffersCardsByWhatIsTyped(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	cb, err := h.srv.Autocomplete(tipMember, "form-tip show", "exercise", discordtest.Opt("exercise", "dead")).Wait(h.ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range cb.Data.Choices {
		names = append(names, c.Name)
	}
	want := []string{"Conventional deadlift", "Sumo deadlift", "Trap-bar deadlift", "Romanian deadlift"}
	if !slices.Equal(names, want) {
		t.Errorf("typing \"dead\" offers %v, want %v", names, want)
	}
	picked := h.answered(t, h.srv.SlashCommand(tipMember, "form-tip show", discordtest.Opt("exercise", cb.Data.Choices[1].Value)))
	if picked.Embeds[0].Title != "Form tip: Sumo deadlift" {
		t.Errorf("picking Sumo deadlift shows %q", picked.Embeds[0].Title)
	}
}

func TestFormTipPostRefusesMembersAndPostsNothing(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	reply := h.answered(t, h.srv.SlashCommand(tipMember, "form-tip post", discordtest.Opt("exercise", "back squat")))
	if text := privately(t, reply); !strings.Contains(text, "Only moderators") {
		t.Errorf("a member was told %q, want a moderators-only refusal", text)
	}
	if got := publicMessages(h, discordtest.DefaultTipsChannel); len(got) != 0 {
		t.Errorf("a member's post put %d public messages in the channel", len(got))
	}
	if pins := pinnedIDs(h, discordtest.DefaultTipsChannel); len(pins) != 0 {
		t.Errorf("a member's post pinned %v", pins)
	}
}

func TestFormTipPostPublishesAndPinsTheCard(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	reply := h.answered(t, h.srv.SlashCommand(tipModerator, "form-tip post", discordtest.Opt("exercise", "back squat")))
	posted := publicMessages(h, discordtest.DefaultTipsChannel)
	if len(posted) != 1 || posted[0].AuthorID != h.srv.ApplicationID() {
		t.Fatalf("channel has %d public messages, want the bot's card", len(posted))
	}
	if got := cardTitles(h, discordtest.DefaultTipsChannel); !slices.Equal(got, []string{"Back squat"}) {
		t.Errorf("cards posted: %v, want the back squat card", got)
	}
	if pins := pinnedIDs(h, discordtest.DefaultTipsChannel); !slices.Equal(pins, []string{posted[0].ID}) {
		t.Errorf("pins %v, want just the card %s", pins, posted[0].ID)
	}
	text := privately(t, reply)
	if !strings.Contains(text, "pinned") || !strings.Contains(text, posted[0].ID) {
		t.Errorf("the moderator was told %q, want a confirmation linking the pinned card", text)
	}
	if n := requestsTo(h, "PUT", "/channels/*/messages/pins/*"); n != 1 {
		t.Errorf("%d pins through PUT /channels/{c}/messages/pins/{m}, want 1", n)
	}
	if n := requestsTo(h, "PUT", "/channels/*/pins/*"); n != 0 {
		t.Errorf("%d pins through the deprecated /channels/{c}/pins/{m}, want 0", n)
	}
}

func TestFormTipPostWithoutPinLeavesPinsAlone(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	reply := h.answered(t, h.srv.SlashCommand(tipModerator, "form-tip post", discordtest.Opt("exercise", "plank"), discordtest.Opt("pin", false)))
	if got := cardTitles(h, discordtest.DefaultTipsChannel); !slices.Equal(got, []string{"Plank"}) {
		t.Errorf("cards posted: %v, want the plank card", got)
	}
	if pins := pinnedIDs(h, discordtest.DefaultTipsChannel); len(pins) != 0 {
		t.Errorf("pin: false still pinned %v", pins)
	}
	if text := privately(t, reply); strings.Contains(text, "pinned") {
		t.Errorf("the moderator was told %q, but nothing was pinned", text)
	}
}

func TestFormTipModeratorRoles(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	refused := h.answered(t, h.srv.SlashCommand(tipRoleHolder, "form-tip post", discordtest.Opt("exercise", "bracing")))
	if text := privately(t, refused); !strings.Contains(text, "Only moderators") {
		t.Fatalf("before the role is named, its holder was told %q", text)
	}
	notAdmin := h.answered(t, h.srv.SlashCommand(tipModerator, "form-tip moderators",
		discordtest.Opt("action", "add"), discordtest.Opt("role", discordtest.DefaultModRoleID)))
	if text := privately(t, notAdmin); !strings.Contains(text, "Only server admins") {
		t.Errorf("a moderator who is not an admin was told %q, want an admins-only refusal", text)
	}
	added := h.answered(t, h.srv.SlashCommand(tipAdmin, "form-tip moderators",
		discordtest.Opt("action", "add"), discordtest.Opt("role", discordtest.DefaultModRoleID)))
	if text := privately(t, added); !strings.Contains(text, "<@&"+discordtest.DefaultModRoleID+">") {
		t.Errorf("adding the role answered %q", text)
	}
	listed := h.answered(t, h.srv.SlashCommand(tipAdmin, "form-tip moderators", discordtest.Opt("action", "list")))
	if text := privately(t, listed); !strings.Contains(text, "<@&"+discordtest.DefaultModRoleID+">") {
		t.Errorf("the list %q does not name the role", text)
	}

	h.answered(t, h.srv.SlashCommand(tipRoleHolder, "form-tip post", discordtest.Opt("exercise", "bracing")))
	if got := cardTitles(h, discordtest.DefaultTipsChannel); !slices.Equal(got, []string{"Bracing"}) {
		t.Errorf("after the role was named, its holder's post left cards %v, want the bracing card", got)
	}

	h.answered(t, h.srv.SlashCommand(tipAdmin, "form-tip moderators",
		discordtest.Opt("action", "remove"), discordtest.Opt("role", discordtest.DefaultModRoleID)))
	again := h.answered(t, h.srv.SlashCommand(tipRoleHolder, "form-tip post", discordtest.Opt("exercise", "plank")))
	if text := privately(t, again); !strings.Contains(text, "Only moderators") {
		t.Errorf("after the role was removed, its holder was told %q", text)
	}
}

func TestFormTipPostNamesTheMissingBotPermissionAndPostsNothing(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		lacking int64
		pin     bool
		want    string
	}{
		{"pin messages", discordtest.PermPinMessages, true, "Pin Messages"},
		{"send messages", discordtest.PermSendMessages, true, "Send Messages"},
		{"embed links even without pinning", discordtest.PermEmbedLinks, false, "Embed Links"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			mod := tipModerator
			mod.AppPermissions = discordtest.DefaultAppPermissions &^ tc.lacking
			reply := h.answered(t, h.srv.SlashCommand(mod, "form-tip post", discordtest.Opt("exercise", "hip hinge"), discordtest.Opt("pin", tc.pin)))
			if text := privately(t, reply); !strings.Contains(text, "give me "+tc.want+" in this channel") {
				t.Errorf("the moderator was told %q, want exact advice to grant %s", text, tc.want)
			}
			if got := publicMessages(h, discordtest.DefaultTipsChannel); len(got) != 0 {
				t.Errorf("%d public messages posted half-way", len(got))
			}
			if n := requestsTo(h, "POST", "/channels/*/messages"); n != 0 {
				t.Errorf("%d messages sent to Discord, want none", n)
			}
		})
	}
}

func TestFormTipPostWhenPinsAreFullPostsAndSaysSo(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.srv.FillPins(discordtest.DefaultTipsChannel)
	before := pinnedIDs(h, discordtest.DefaultTipsChannel)
	reply := h.answered(t, h.srv.SlashCommand(tipModerator, "form-tip post", discordtest.Opt("exercise", "side plank")))
	if got := cardTitles(h, discordtest.DefaultTipsChannel); !slices.Equal(got, []string{"Side plank"}) {
		t.Errorf("cards posted: %v, want the side plank card", got)
	}
	if after := pinnedIDs(h, discordtest.DefaultTipsChannel); !slices.Equal(after, before) {
		t.Errorf("the pins changed although the channel was full")
	}
	if text := privately(t, reply); !strings.Contains(text, "did not pin") || !strings.Contains(text, "250") {
		t.Errorf("the moderator was told %q, want: posted, not pinned, pins full", text)
	}
}

func TestFormTipPostDoesNotPinACardTwice(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.answered(t, h.srv.SlashCommand(tipModerator, "form-tip post", discordtest.Opt("exercise", "goblet squat")))
	first := pinnedIDs(h, discordtest.DefaultTipsChannel)
	again := h.answered(t, h.srv.SlashCommand(tipModerator, "form-tip post", discordtest.Opt("exercise", "KB squat")))
	if text := privately(t, again); !strings.Contains(text, "already pinned") || !strings.Contains(text, first[0]) {
		t.Errorf("posting a pinned card again answered %q, want a link to the pin there is", text)
	}
	if got := cardTitles(h, discordtest.DefaultTipsChannel); len(got) != 1 {
		t.Errorf("cards in the channel: %v, want one", got)
	}
	if pins := pinnedIDs(h, discordtest.DefaultTipsChannel); !slices.Equal(pins, first) {
		t.Errorf("pins %v, want only %v", pins, first)
	}
}

func TestSaveAsFormTipPinsAndFilesTheMessage(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	tip := seedTip(h, "Think 'spread the floor' with your feet on squats: my back stopped hurting.")
	offer := h.answered(t, h.srv.MessageCommand(tipModerator, "Save as form tip", tip))
	privately(t, offer)
	if len(pinnedIDs(h, discordtest.DefaultTipsChannel)) != 0 {
		t.Fatal("the message was pinned before an exercise was picked")
	}
	done := pickExercise(t, h, tipModerator, offer, tip, "back-squat")
	if !strings.Contains(done.Content, "#1 (Back squat)") || len(done.Components) != 0 {
		t.Errorf("after the pick the menu message reads %q with %d component rows, want only a confirmation", done.Content, len(done.Components))
	}
	if pins := pinnedIDs(h, discordtest.DefaultTipsChannel); !slices.Equal(pins, []string{tip.ID}) {
		t.Errorf("pins %v, want the member's message", pins)
	}
	library := h.answered(t, h.srv.SlashCommand(tipMember, "form-tip library"))
	privately(t, library)
	listing := library.Embeds[0].Description
	for _, want := range []string{"#1", "Back squat", "<@" + tipMember.UserID + ">", "/" + tip.ChannelID + "/" + tip.ID} {
		if !strings.Contains(listing, want) {
			t.Errorf("library %q lacks %q", listing, want)
		}
	}

	twice := h.answered(t, h.srv.MessageCommand(tipModerator, "Save as form tip", tip))
	if text := privately(t, twice); !strings.Contains(text, "already in the tip library as #1") {
		t.Errorf("saving the same message again answered %q", text)
	}
	if pins := pinnedIDs(h, discordtest.DefaultTipsChannel); len(pins) != 1 {
		t.Errorf("pins %v after saving twice, want one", pins)
	}
}

func TestSaveAsFormTipRefusesMembers(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	tip := seedTip(h, "Film your deadlifts from the side.")
	reply := h.answered(t, h.srv.MessageCommand(tipMember, "Save as form tip", tip))
	if text := privately(t, reply); !strings.Contains(text, "Only moderators") {
		t.Errorf("a member was told %q", text)
	}
	if pins := pinnedIDs(h, discordtest.DefaultTipsChannel); len(pins) != 0 {
		t.Errorf("a member's save pinned %v", pins)
	}
}

func TestSaveAsFormTipChecksTheModeratorAgainOnThePick(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.answered(t, h.srv.SlashCommand(tipAdmin, "form-tip moderators", discordtest.Opt("action", "add"), discordtest.Opt("role", discordtest.DefaultModRoleID)))
	tip := seedTip(h, "Brace before you unrack, not after.")
	offer := h.answered(t, h.srv.MessageCommand(tipRoleHolder, "Save as form tip", tip))
	h.answered(t, h.srv.SlashCommand(tipAdmin, "form-tip moderators", discordtest.Opt("action", "remove"), discordtest.Opt("role", discordtest.DefaultModRoleID)))

	cb, err := h.srv.Select(tipRoleHolder, offer, saveMenuID(t, offer), "bracing").Wait(h.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if cb.Data == nil || !strings.Contains(cb.Data.Content, "Only moderators") {
		t.Errorf("a pick by someone no longer a moderator answered %+v", cb.Data)
	}
	if pins := pinnedIDs(h, discordtest.DefaultTipsChannel); len(pins) != 0 {
		t.Errorf("the refused pick pinned %v", pins)
	}
}

func TestFormTipLibraryPagesTenAtATime(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	var saved []string
	for i := range 12 {
		msg := seedTip(h, fmt.Sprintf("tip number %d", i+1))
		_, _, err := h.store.SaveFormTip(h.ctx, spotter.FormTip{
			GuildID: discordtest.DefaultGuildID, ChannelID: msg.ChannelID, MessageID: msg.ID, AuthorID: tipMember.UserID,
			Exercise: "plank", Link: messageJumpLink(discordtest.DefaultGuildID, msg.ChannelID, msg.ID), SavedBy: tipModerator.UserID,
		})
		if err != nil {
			t.Fatal(err)
		}
		saved = append(saved, msg.ID)
	}
	in := h.srv.SlashCommand(tipMember, "form-tip library")
	first := h.answered(t, in)
	privately(t, first)
	if n := strings.Count(first.Embeds[0].Description, "\n") + 1; n != 10 {
		t.Errorf("first page lists %d tips, want 10", n)
	}
	if !strings.Contains(first.Embeds[0].Description, saved[11]) || strings.Contains(first.Embeds[0].Description, "/"+saved[0]+")") {
		t.Error("the first page should start with the newest tip and leave the oldest for page 2")
	}
	next := fmt.Sprintf("form-tip:library:%s:2", tipMember.UserID)
	if _, err := h.srv.Click(tipMember, first, next).Wait(h.ctx); err != nil {
		t.Fatal(err)
	}
	second, err := in.Original(h.ctx)
	if err != nil {
		t.Fatal(err)
	}
	desc := second.Embeds[0].Description
	if n := strings.Count(desc, "\n") + 1; n != 2 || !strings.Contains(desc, "/"+saved[0]+")") {
		t.Errorf("second page %q, want the two oldest tips", desc)
	}
	if !strings.Contains(second.Embeds[0].Footer.Text, "Page 2 of 2") {
		t.Errorf("footer %q, want page 2 of 2", second.Embeds[0].Footer.Text)
	}
	for _, row := range second.Components {
		for _, c := range row.(*discordgo.ActionsRow).Components {
			if b := c.(*discordgo.Button); b.Label == "Next" && !b.Disabled {
				t.Error("Next is still enabled on the last page")
			}
		}
	}
}

func TestFormTipRemoveUnpinsAndDeletes(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	tip := seedTip(h, "Keep the bar over mid-foot.")
	offer := h.answered(t, h.srv.MessageCommand(tipModerator, "Save as form tip", tip))
	pickExercise(t, h, tipModerator, offer, tip, "conventional-deadlift")
	choices, err := h.srv.Autocomplete(tipModerator, "form-tip remove", "tip", discordtest.Opt("tip", "conv")).Wait(h.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(choices.Data.Choices) != 1 || !strings.Contains(choices.Data.Choices[0].Name, "Conventional deadlift") {
		t.Fatalf("remove suggests %+v, want the saved tip", choices.Data.Choices)
	}

	refused := h.answered(t, h.srv.SlashCommand(tipMember, "form-tip remove", discordtest.Opt("tip", choices.Data.Choices[0].Value)))
	if text := privately(t, refused); !strings.Contains(text, "Only moderators") {
		t.Errorf("a member removing a tip was told %q", text)
	}
	reply := h.answered(t, h.srv.SlashCommand(tipModerator, "form-tip remove", discordtest.Opt("tip", choices.Data.Choices[0].Value)))
	if text := privately(t, reply); !strings.Contains(text, "Removed tip #1") || !strings.Contains(text, "unpinned") {
		t.Errorf("remove answered %q", text)
	}
	if pins := pinnedIDs(h, discordtest.DefaultTipsChannel); len(pins) != 0 {
		t.Errorf("pins %v after remove, want none", pins)
	}
	if h.srv.Message(tip.ID).Deleted {
		t.Error("remove deleted the member's message; it should only unpin it")
	}
	empty := h.answered(t, h.srv.SlashCommand(tipMember, "form-tip library"))
	if text := privately(t, empty); !strings.Contains(text, "empty") {
		t.Errorf("library after remove: %q, want empty", text)
	}
}

func TestFormTipEveryCardReachesMembersWhole(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	lib, err := formtips.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, card := range lib.Cards() {
		t.Run(card.ID, func(t *testing.T) {
			reply := h.answered(t, h.srv.SlashCommand(tipMember, "form-tip show", discordtest.Opt("exercise", card.ID)))
			if len(reply.Embeds) != 1 || reply.Embeds[0].Title != formCardTitlePrefix+card.Title {
				t.Fatalf("showing %s gave %d embeds", card.ID, len(reply.Embeds))
			}
			shown := reply.Embeds[0]
			for i, s := range card.Sections() {
				if shown.Fields[i].Value != s.Text {
					t.Errorf("section %q was cut or changed on the way", s.Heading)
				}
			}
			for _, src := range card.Sources {
				if !strings.Contains(shown.Fields[len(shown.Fields)-1].Value, src.Citation()) {
					t.Errorf("source %q is missing", src.Citation())
				}
			}
		})
	}
}

func TestFormTipShowWorksInDMs(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	reply := h.answered(t, h.srv.SlashCommand(inDM(tipMember), "form-tip show", discordtest.Opt("exercise", "front squat")))
	if len(reply.Embeds) != 1 || reply.Embeds[0].Title != "Form tip: Front squat" {
		t.Errorf("in a DM, show answered %q with %d embeds", reply.Content, len(reply.Embeds))
	}
	post := h.answered(t, h.srv.SlashCommand(inDM(tipModerator), "form-tip post", discordtest.Opt("exercise", "front squat")))
	if text := privately(t, post); !strings.Contains(text, "server channel") {
		t.Errorf("post in a DM answered %q, want to be sent to a server channel", text)
	}
}

func TestFormTipPinRefusedByDiscordNamesThePermission(t *testing.T) {
	t.Parallel()
	pins := "/channels/" + discordtest.DefaultTipsChannel + "/messages/pins"
	t.Run("post leaves the card up and says why it is not pinned", func(t *testing.T) {
		h := newHarness(t)
		h.srv.FailNext("PUT", pins, 403, bot.CodeMissingPermissions, 1)
		reply := h.answered(t, h.srv.SlashCommand(tipModerator, "form-tip post", discordtest.Opt("exercise", "box squat")))
		if text := privately(t, reply); !strings.Contains(text, "did not pin") || !strings.Contains(text, "Pin Messages") {
			t.Errorf("the moderator was told %q, want: posted, not pinned, grant Pin Messages", text)
		}
		if got := cardTitles(h, discordtest.DefaultTipsChannel); !slices.Equal(got, []string{"Box squat"}) {
			t.Errorf("cards posted: %v, want the box squat card", got)
		}
	})
	t.Run("save keeps nothing", func(t *testing.T) {
		h := newHarness(t)
		tip := seedTip(h, "Sit back onto the box, don't drop.")
		offer := h.answered(t, h.srv.MessageCommand(tipModerator, "Save as form tip", tip))
		h.srv.FailNext("PUT", pins, 403, bot.CodeMissingPermissions, 1)
		cb, err := h.srv.Select(tipModerator, offer, saveMenuID(t, offer), "box-squat").Wait(h.ctx)
		if err != nil {
			t.Fatal(err)
		}
		if cb.Data == nil || !strings.Contains(cb.Data.Content, "Pin Messages") || !strings.Contains(cb.Data.Content, "Nothing was saved") {
			t.Errorf("the refused pin answered %+v, want the permission to grant", cb.Data)
		}
		if _, total, _ := h.store.FormTips(h.ctx, discordtest.DefaultGuildID, 0, 10); total != 0 {
			t.Errorf("the library holds %d tips after a refused pin, want none", total)
		}
	})
}
