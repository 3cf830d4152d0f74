package discordtest

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// redFlagMessage is a reply with a button row and a select row.
func redFlagMessage() *discordgo.InteractionResponse {
	one := 1
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content: "Any numbness in the groin or legs?",
			Flags:   discordgo.MessageFlagsEphemeral,
			Components: []discordgo.MessageComponent{
				discordgo.ActionsRow{Components: []discordgo.MessageComponent{
					discordgo.Button{Label: "Yes", CustomID: "redflag:numb:yes", Style: discordgo.DangerButton},
					discordgo.Button{Label: "No", CustomID: "redflag:numb:no"},
					discordgo.Button{Label: "Later", CustomID: "redflag:later", Disabled: true},
				}},
				discordgo.ActionsRow{Components: []discordgo.MessageComponent{
					discordgo.SelectMenu{CustomID: "redflag:pain", MinValues: &one, MaxValues: 1, Options: []discordgo.SelectMenuOption{
						{Label: "Mild", Value: "mild"}, {Label: "Severe", Value: "severe"},
					}},
				}},
			},
		},
	}
}

func TestClickAndSelectDriveComponentInteractions(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	seen := make(chan *discordgo.InteractionCreate, 4)
	errs := botWith(t, srv, func(s *discordgo.Session, ic *discordgo.InteractionCreate) error {
		if ic.Type == discordgo.InteractionApplicationCommand {
			return s.InteractionRespond(ic.Interaction, redFlagMessage())
		}
		seen <- ic
		return s.InteractionRespond(ic.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseUpdateMessage,
			Data: &discordgo.InteractionResponseData{Content: "Noted: " + ic.MessageComponentData().CustomID, Components: []discordgo.MessageComponent{}},
		})
	})
	in := srv.SlashCommand(member, "sore-back", Opt("topic", "red flags"))
	if err := next(t, errs); err != nil {
		t.Fatal(err)
	}
	msg, err := in.Original(ctxT(t))
	if err != nil {
		t.Fatal(err)
	}

	srv.Select(member, msg, "redflag:pain", "severe")

	ic := next(t, seen)
	if d := ic.MessageComponentData(); d.CustomID != "redflag:pain" || len(d.Values) != 1 || d.Values[0] != "severe" {
		t.Errorf("select data %+v", d)
	}
	if ic.Message == nil || ic.Message.ID != msg.ID || len(ic.Message.Components) != 2 {
		t.Errorf("payload message %+v, want the message the menu is on", ic.Message)
	}
	if err := next(t, errs); err != nil {
		t.Fatalf("update message: %v", err)
	}
	if now := srv.Message(msg.ID); now.Content != "Noted: redflag:pain" || len(now.Components) != 0 || now.EditedAt.IsZero() {
		t.Errorf("after type 7 the message is %q with %d components", now.Content, len(now.Components))
	}
}

func TestComponentMisuseFailsClearly(t *testing.T) {
	t.Parallel()
	fc := &fatalCatcher{TB: t, msg: make(chan string, 1)}
	srv := Start(fc, Options{})
	errs := botWith(t, srv, func(s *discordgo.Session, ic *discordgo.InteractionCreate) error {
		return s.InteractionRespond(ic.Interaction, redFlagMessage())
	})
	in := srv.SlashCommand(member, "sore-back", Opt("topic", "x"))
	if err := next(t, errs); err != nil {
		t.Fatal(err)
	}
	msg, err := in.Original(ctxT(t))
	if err != nil {
		t.Fatal(err)
	}
	stranger := Actor{UserID: "1500000000000000009", GuildID: DefaultGuildID}
	cases := []struct {
		name string
		run  func()
		want string
	}{
		{"no such button", func() { srv.Click(member, msg, "redflag:maybe") }, `no component with custom_id "redflag:maybe"`},
		{"disabled button", func() { srv.Click(member, msg, "redflag:later") }, "disabled"},
		{"click on a select", func() { srv.Click(member, msg, "redflag:pain") }, "use Select"},
		{"value not offered", func() { srv.Select(member, msg, "redflag:pain", "agony") }, `no option with value "agony"`},
		{"too many values", func() { srv.Select(member, msg, "redflag:pain", "mild", "severe") }, "takes 1 to 1 values"},
		{"someone else's ephemeral message", func() { srv.Click(stranger, msg, "redflag:numb:yes") }, "ephemeral"},
		{"modal never shown", func() { srv.SubmitModal(member, "notes", nil) }, `no open modal "notes"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if m := expectFatal(t, fc, tc.run); !strings.Contains(m, tc.want) {
				t.Errorf("failure %q, want it to mention %s", m, tc.want)
			}
		})
	}
}

func TestModalRoundTrip(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	submitted := make(chan discordgo.ModalSubmitInteractionData, 1)
	errs := botWith(t, srv, func(s *discordgo.Session, ic *discordgo.InteractionCreate) error {
		if ic.Type == discordgo.InteractionModalSubmit {
			submitted <- ic.ModalSubmitData()
			return s.InteractionRespond(ic.Interaction, reply("Saved."))
		}
		return s.InteractionRespond(ic.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseModal,
			Data: &discordgo.InteractionResponseData{CustomID: "checkin:notes", Title: "How is your back?", Components: []discordgo.MessageComponent{
				discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.TextInput{CustomID: "notes", Label: "Notes", Style: discordgo.TextInputParagraph, Required: true, MaxLength: 200}}},
			}},
		})
	})
	srv.SlashCommand(member, "sore-back", Opt("topic", "check-in"))
	if err := next(t, errs); err != nil {
		t.Fatal(err)
	}

	in := srv.SubmitModal(member, "checkin:notes", map[string]string{"notes": "Stiff in the morning, better by noon."})

	d := next(t, submitted)
	row, ok := d.Components[0].(*discordgo.ActionsRow)
	if d.CustomID != "checkin:notes" || !ok || row.Components[0].(*discordgo.TextInput).Value != "Stiff in the morning, better by noon." {
		t.Errorf("modal data %+v", d)
	}
	if err := next(t, errs); err != nil {
		t.Fatal(err)
	}
	if cb, err := in.Wait(ctxT(t)); err != nil || cb.Data.Content != "Saved." {
		t.Errorf("reply to the submission: %+v, %v", cb, err)
	}
}

func TestMessageCommandCarriesTheTarget(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := openSession(t, srv)
	got := interactions(dg)
	register(t, srv, dg, "")
	tip := srv.AddMessage(DefaultTipsChannel, Message{AuthorID: "1500000000000000005", Content: "Brace before you pull."})
	mod := Actor{UserID: "1500000000000000006", GuildID: DefaultGuildID, Permissions: PermPinMessages}

	srv.MessageCommand(mod, "Pin as form tip", tip)

	ic := next(t, got)
	d := ic.ApplicationCommandData()
	if d.TargetID != tip.ID || d.Resolved.Messages[tip.ID].Content != "Brace before you pull." || ic.ChannelID != DefaultTipsChannel {
		t.Errorf("target %s resolved %+v channel %s", d.TargetID, d.Resolved.Messages[tip.ID], ic.ChannelID)
	}
}

func TestDMInteractionCarriesUserNotMember(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := openSession(t, srv)
	got := interactions(dg)
	register(t, srv, dg, "")

	srv.SlashCommand(Actor{UserID: "1500000000000000007"}, "sore-back", Opt("topic", "sciatica"))

	ic := next(t, got)
	if ic.Member != nil || ic.User == nil || ic.User.ID != "1500000000000000007" || ic.GuildID != "" {
		t.Errorf("member %v user %v guild %q: want user only", ic.Member, ic.User, ic.GuildID)
	}
	if ic.ChannelID == "" || ic.ChannelID != srv.DMChannelID("1500000000000000007") || ic.Context != discordgo.InteractionContextBotDM {
		t.Errorf("channel %q context %d, want the user's DM channel and BOT_DM", ic.ChannelID, ic.Context)
	}
}

func TestUserCommandCarriesTheTarget(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := openSession(t, srv)
	got := interactions(dg)
	register(t, srv, dg, "")
	target := Actor{UserID: "1500000000000000008", Username: "injured-lifter"}

	srv.UserCommand(member, "Check on", target)

	d := next(t, got).ApplicationCommandData()
	if d.TargetID != target.UserID || d.Resolved.Users[target.UserID].Username != "injured-lifter" || d.Resolved.Members[target.UserID] == nil {
		t.Errorf("target %s resolved %+v", d.TargetID, d.Resolved)
	}
}
