package discordtest_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/spotter-bot/spotter/bot/discordtest"
)

// apiRewrite is the RoundTripper a bot test gives discordgo so that its
// https://discord.com/api/v9 calls reach the stand-in.
type apiRewrite struct{ base *url.URL }

func (rw apiRewrite) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host == "discord.com" {
		r = r.Clone(r.Context())
		r.URL.Scheme, r.URL.Host = rw.base.Scheme, rw.base.Host
		r.URL.Path = rw.base.Path + strings.TrimPrefix(r.URL.Path, "/api/v9")
		r.Host = ""
	}
	return http.DefaultTransport.RoundTrip(r)
}

// TestExampleTypicalUse shows the usual shape of an end-to-end test: start
// the stand-in, run the bot against it, act as a member, assert on what the
// member would see.
func TestExampleTypicalUse(t *testing.T) {
	t.Parallel()
	srv := discordtest.Start(t, discordtest.Options{})

	// The bot under test: here a few lines of discordgo; in the project,
	// the real bot wired with this http.Client.
	base, err := url.Parse(srv.APIURL())
	if err != nil {
		t.Fatal(err)
	}
	dg, err := discordgo.New("Bot " + srv.Token())
	if err != nil {
		t.Fatal(err)
	}
	dg.Client = &http.Client{Transport: apiRewrite{base: base}}
	dg.LogLevel = -1
	dg.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
		_ = s.InteractionRespond(ic.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: "Rest two days, then train light.", Flags: discordgo.MessageFlagsEphemeral},
		})
	})
	if err := dg.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = dg.Close() }) // runs before the stand-in's own cleanup

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	_, err = dg.ApplicationCommandBulkOverwrite(srv.ApplicationID(), "", []*discordgo.ApplicationCommand{{
		Name: "sore-back", Description: "Lower-back pain after lifting",
		Options: []*discordgo.ApplicationCommandOption{{Type: discordgo.ApplicationCommandOptionInteger, Name: "pain", Description: "0-10"}},
	}})
	if err != nil {
		t.Fatal(err)
	}

	// A member runs the command; the stand-in builds the payload from the
	// registered definition and enforces the 3 s deadline.
	in := srv.SlashCommand(discordtest.Actor{UserID: "1800000000000000001", GuildID: discordtest.DefaultGuildID}, "sore-back", discordtest.Opt("pain", 3))
	reply, err := in.Original(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if reply.Content != "Rest two days, then train light." || reply.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("the member saw %q (flags %d), want the ephemeral advice", reply.Content, reply.Flags)
	}
}
