package discordtest

import (
	"slices"
	"testing"

	"github.com/bwmarrin/discordgo"
)

func TestMemberRolesAndLeavingAreSeenByRESTAndTheGateway(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := newSession(t, srv)
	dg.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMembers
	updates := make(chan *discordgo.GuildMemberUpdate, 4)
	removals := make(chan *discordgo.GuildMemberRemove, 4)
	dg.AddHandler(func(_ *discordgo.Session, u *discordgo.GuildMemberUpdate) { updates <- u })
	dg.AddHandler(func(_ *discordgo.Session, r *discordgo.GuildMemberRemove) { removals <- r })
	if err := dg.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = dg.Close() })
	if err := srv.WaitReady(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	const user = "1600000000000000007"

	m, err := dg.GuildMember(DefaultGuildID, user)
	if err != nil || len(m.Roles) != 0 {
		t.Fatalf("a member nobody gave roles: %+v, %v", m, err)
	}
	srv.SetMemberRoles(DefaultGuildID, user, DefaultModRoleID)
	if u := next(t, updates); u.GuildID != DefaultGuildID || u.User.ID != user || !slices.Equal(u.Roles, []string{DefaultModRoleID}) {
		t.Errorf("GUILD_MEMBER_UPDATE = %+v", u.Member)
	}
	if m, err := dg.GuildMember(DefaultGuildID, user); err != nil || !slices.Equal(m.Roles, []string{DefaultModRoleID}) {
		t.Errorf("after SetMemberRoles GET member = %+v, %v", m, err)
	}

	srv.RemoveMember(DefaultGuildID, user)
	if r := next(t, removals); r.GuildID != DefaultGuildID || r.User.ID != user {
		t.Errorf("GUILD_MEMBER_REMOVE = %+v", r.Member)
	}
	if _, err := dg.GuildMember(DefaultGuildID, user); restCode(t, err) != codeUnknownMember {
		t.Errorf("GET member after leaving: %v, want 10007", err)
	}
	if _, err := dg.GuildMember("100000000000000077", user); restCode(t, err) != codeUnknownGuild {
		t.Errorf("GET member of an unknown guild: %v, want 10004", err)
	}
}

func TestResolvedMembersCarryTheirRoles(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := openSession(t, srv)
	in := interactions(dg)
	if _, err := dg.ApplicationCommandBulkOverwrite(srv.ApplicationID(), "", []*discordgo.ApplicationCommand{{Name: "pick", Description: "Pick someone",
		Options: []*discordgo.ApplicationCommandOption{{Type: discordgo.ApplicationCommandOptionUser, Name: "who", Description: "Who", Required: true}}}}); err != nil {
		t.Fatal(err)
	}
	const coach = "1600000000000000008"
	srv.SetMemberRoles(DefaultGuildID, coach, DefaultModRoleID)
	srv.SlashCommand(Actor{UserID: "1600000000000000009", GuildID: DefaultGuildID}, "pick", Opt("who", coach))
	ic := next(t, in)
	res := ic.ApplicationCommandData().Resolved
	if res == nil || res.Members[coach] == nil || !slices.Equal(res.Members[coach].Roles, []string{DefaultModRoleID}) {
		t.Fatalf("resolved = %+v", res)
	}
	srv.SlashCommand(Actor{UserID: coach, GuildID: DefaultGuildID}, "pick", Opt("who", coach))
	if ic := next(t, in); !slices.Equal(ic.Member.Roles, []string{DefaultModRoleID}) {
		t.Errorf("an Actor without Roles carries %v, want the roster's", ic.Member.Roles)
	}
}
