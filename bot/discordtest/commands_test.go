package discordtest

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

func ptr[T any](v T) *T { return &v }

// spotterCommands is a command set shaped like the bot's.
func spotterCommands() []*discordgo.ApplicationCommand {
	return []*discordgo.ApplicationCommand{
		{
			Name:        "sore-back",
			Description: "Lower-back pain after squats or deadlifts",
			Contexts:    &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM},
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "topic", Description: "What to ask about", Required: true, Autocomplete: true},
				{Type: discordgo.ApplicationCommandOptionInteger, Name: "pain", Description: "Pain 0-10", MinValue: ptr(0.0), MaxValue: 10},
				{Type: discordgo.ApplicationCommandOptionUser, Name: "buddy", Description: "Who to tell"},
				{Type: discordgo.ApplicationCommandOptionNumber, Name: "load", Description: "Load in kg"},
				{Type: discordgo.ApplicationCommandOptionBoolean, Name: "private", Description: "Only you see it"},
			},
		},
		{
			Name:                     "tips",
			Description:              "Form tips",
			DefaultMemberPermissions: ptr(int64(discordgo.PermissionManageMessages)),
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "post", Description: "Post a tip", Options: []*discordgo.ApplicationCommandOption{
					{Type: discordgo.ApplicationCommandOptionChannel, Name: "where", Description: "Channel", Required: true},
					{Type: discordgo.ApplicationCommandOptionRole, Name: "notify", Description: "Role to ping"},
				}},
			},
		},
		{Type: discordgo.MessageApplicationCommand, Name: "Pin as form tip"},
		{Type: discordgo.UserApplicationCommand, Name: "Check on"},
	}
}

func register(t *testing.T, srv *Server, dg *discordgo.Session, guildID string) []*discordgo.ApplicationCommand {
	t.Helper()
	got, err := dg.ApplicationCommandBulkOverwrite(srv.ApplicationID(), guildID, spotterCommands())
	if err != nil {
		t.Fatalf("bulk overwrite: %v", err)
	}
	return got
}

func TestBulkOverwriteAssignsStableIDs(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := newSession(t, srv)

	first := register(t, srv, dg, "")
	second := register(t, srv, dg, "")

	if len(first) != 4 || first[0].ID == "" || first[0].ApplicationID != srv.ApplicationID() {
		t.Fatalf("overwrite returned %d commands, first %+v: want 4 with ids", len(first), first[0])
	}
	for i := range first {
		if first[i].ID != second[i].ID {
			t.Errorf("command %q changed id on re-registration: %s -> %s", first[i].Name, first[i].ID, second[i].ID)
		}
	}
	listed, err := dg.ApplicationCommands(srv.ApplicationID(), "")
	if err != nil || len(listed) != 4 {
		t.Fatalf("GET commands: %d commands, err %v", len(listed), err)
	}
	if got := srv.Commands(""); len(got) != 4 || srv.Commands(DefaultGuildID) != nil {
		t.Errorf("Commands: global %d, guild %v; want 4 global and no guild commands", len(got), srv.Commands(DefaultGuildID))
	}
}

func TestBulkOverwriteRejectsInvalidDefinitions(t *testing.T) {
	t.Parallel()
	opt := func(name string, required bool) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: name, Description: "d", Required: required}
	}
	many := func(n int) []*discordgo.ApplicationCommandOption {
		var out []*discordgo.ApplicationCommandOption
		for i := range n {
			out = append(out, opt("o"+strings.Repeat("x", i%5)+string(rune('a'+i%26))+string(rune('a'+i/26)), false))
		}
		return out
	}
	choices := func(n int) []*discordgo.ApplicationCommandOptionChoice {
		var out []*discordgo.ApplicationCommandOptionChoice
		for i := range n {
			out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: "c" + string(rune('a'+i)), Value: "v" + string(rune('a'+i))})
		}
		return out
	}
	cases := []struct {
		name string
		cmds []*discordgo.ApplicationCommand
		path string
	}{
		{"upper-case name", []*discordgo.ApplicationCommand{{Name: "SoreBack", Description: "d"}}, "0.name"},
		{"name of 33 characters", []*discordgo.ApplicationCommand{{Name: strings.Repeat("a", 33), Description: "d"}}, "0.name"},
		{"empty description", []*discordgo.ApplicationCommand{{Name: "a"}}, "0.description"},
		{"description of 101 characters", []*discordgo.ApplicationCommand{{Name: "a", Description: strings.Repeat("d", 101)}}, "0.description"},
		{"26 options", []*discordgo.ApplicationCommand{{Name: "a", Description: "d", Options: many(26)}}, "0.options"},
		{"required after optional", []*discordgo.ApplicationCommand{{Name: "a", Description: "d", Options: []*discordgo.ApplicationCommandOption{opt("x", false), opt("y", true)}}}, "0.options.1.required"},
		{"26 choices", []*discordgo.ApplicationCommand{{Name: "a", Description: "d", Options: []*discordgo.ApplicationCommandOption{{Type: discordgo.ApplicationCommandOptionString, Name: "x", Description: "d", Choices: choices(26)}}}}, "0.options.0.choices"},
		{"duplicate command names", []*discordgo.ApplicationCommand{{Name: "a", Description: "d"}, {Name: "a", Description: "e"}}, "1.name"},
		{"duplicate option names", []*discordgo.ApplicationCommand{{Name: "a", Description: "d", Options: []*discordgo.ApplicationCommandOption{opt("x", false), opt("x", false)}}}, "0.options.1.name"},
		{"context menu with description", []*discordgo.ApplicationCommand{{Type: discordgo.UserApplicationCommand, Name: "Check in", Description: "no"}}, "0.description"},
	}
	srv := Start(t, Options{RouteLimits: map[string]RouteLimit{"PUT /applications/{application_id}/commands": {Limit: 100, Window: time.Minute}}})
	dg := newSession(t, srv)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := dg.ApplicationCommandBulkOverwrite(srv.ApplicationID(), "", tc.cmds)
			if err == nil {
				t.Fatal("overwrite accepted an invalid definition")
			}
			if paths := formErrorPaths(t, err); !slices.Contains(paths, tc.path) {
				t.Errorf("error fields %v, want %s", paths, tc.path)
			}
		})
	}
	srv.TakeViolations() // the spec rejects some of these bodies too; that is the point here.
	if got := srv.Commands(""); got != nil {
		t.Errorf("rejected overwrites stored %d commands", len(got))
	}
}

func TestSlashCommandSendsRegisteredOptionTypes(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := openSession(t, srv)
	got := interactions(dg)
	register(t, srv, dg, "")
	buddy := Actor{UserID: "1400000000000000002", Username: "spotter-buddy"}

	in := srv.SlashCommand(Actor{UserID: "1400000000000000001", GuildID: DefaultGuildID}, "sore-back",
		Opt("topic", "deadlift"), Opt("pain", 7), Opt("buddy", buddy), Opt("load", 142.5), Opt("private", true))

	ic := next(t, got)
	data := ic.ApplicationCommandData()
	if ic.ID != in.ID || data.Name != "sore-back" || ic.Member == nil || ic.Member.User.ID != "1400000000000000001" {
		t.Fatalf("interaction %s %q member %+v: want the dispatched one from the member", ic.ID, data.Name, ic.Member)
	}
	if v := data.GetOption("pain").IntValue(); v != 7 {
		t.Errorf("pain = %d, want 7", v)
	}
	if v := data.GetOption("load").FloatValue(); v != 142.5 {
		t.Errorf("load = %v, want 142.5", v)
	}
	if !data.GetOption("private").BoolValue() || data.GetOption("topic").StringValue() != "deadlift" {
		t.Errorf("private/topic = %v/%v", data.GetOption("private").Value, data.GetOption("topic").Value)
	}
	if u := data.Resolved.Users["1400000000000000002"]; u == nil || u.Username != "spotter-buddy" || data.Resolved.Members["1400000000000000002"] == nil {
		t.Errorf("resolved user %+v, members %v: want the buddy in users and members", u, data.Resolved.Members)
	}
	var rawPayload struct {
		Data struct {
			Options []struct {
				Name  string          `json:"name"`
				Value json.RawMessage `json:"value"`
			} `json:"options"`
		} `json:"data"`
	}
	if err := json.Unmarshal(in.Payload, &rawPayload); err != nil {
		t.Fatal(err)
	}
	for _, o := range rawPayload.Data.Options {
		if o.Name == "pain" && string(o.Value) != "7" {
			t.Errorf("INTEGER option sent as %s, want the JSON number 7", o.Value)
		}
	}
	if ic.Member.Permissions != DefaultMemberPermissions || ic.AppPermissions != DefaultAppPermissions {
		t.Errorf("permissions member %d app %d, want the defaults", ic.Member.Permissions, ic.AppPermissions)
	}
}

func TestSlashCommandSubcommandChannelAndRole(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := openSession(t, srv)
	got := interactions(dg)
	register(t, srv, dg, DefaultGuildID)
	mod := Actor{UserID: "1400000000000000003", GuildID: DefaultGuildID, Permissions: PermManageMessages | PermPinMessages, Roles: []string{DefaultModRoleID}}

	srv.SlashCommand(mod, "tips post", Opt("where", DefaultTipsChannel), Opt("notify", DefaultModRoleID))

	ic := next(t, got)
	data := ic.ApplicationCommandData()
	sub := data.Options[0]
	if sub.Name != "post" || sub.Type != discordgo.ApplicationCommandOptionSubCommand {
		t.Fatalf("first option %q type %v, want subcommand post", sub.Name, sub.Type)
	}
	if sub.GetOption("where").Value != DefaultTipsChannel || data.Resolved.Channels[DefaultTipsChannel] == nil {
		t.Errorf("where = %v, resolved channels %v", sub.GetOption("where").Value, data.Resolved.Channels)
	}
	if r := data.Resolved.Roles[DefaultModRoleID]; r == nil || r.Name != "Moderator" {
		t.Errorf("resolved role %+v, want Moderator", r)
	}
	if ic.Member.Permissions&PermPinMessages == 0 || !slices.Contains(ic.Member.Roles, DefaultModRoleID) {
		t.Errorf("member permissions %d roles %v, want the actor's", ic.Member.Permissions, ic.Member.Roles)
	}
}

func TestSlashCommandMisuseFailsClearly(t *testing.T) {
	t.Parallel()
	fc := &fatalCatcher{TB: t, msg: make(chan string, 1)}
	srv := Start(fc, Options{})
	dg := openSession(t, srv)
	register(t, srv, dg, "")
	member := Actor{UserID: "1400000000000000004", GuildID: DefaultGuildID}
	cases := []struct {
		name string
		run  func()
		want string
	}{
		{"unknown command", func() { srv.SlashCommand(member, "squat") }, `no registered command "squat"`},
		{"unknown option", func() { srv.SlashCommand(member, "sore-back", Opt("topic", "x"), Opt("weight", 3)) }, `has no option "weight"`},
		{"missing required option", func() { srv.SlashCommand(member, "sore-back") }, `required option "topic" is missing`},
		{"string for an integer", func() { srv.SlashCommand(member, "sore-back", Opt("topic", "x"), Opt("pain", "7")) }, `"pain"`},
		{"value above max", func() { srv.SlashCommand(member, "sore-back", Opt("topic", "x"), Opt("pain", 11)) }, "outside the allowed range"},
		{"missing subcommand", func() { srv.SlashCommand(member, "tips") }, "needs a subcommand"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			msg := expectFatal(t, fc, tc.run)
			if !strings.Contains(msg, tc.want) {
				t.Errorf("failure %q, want it to mention %s", msg, tc.want)
			}
		})
	}
}
