package playground

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/spotter-bot/spotter/bot/discordtest"
)

// The playground's server: its ids are the stand-in's defaults, so what the
// bot logs reads the same as in the tests.
const (
	GuildID       = discordtest.DefaultGuildID
	GeneralID     = discordtest.DefaultChannelID
	FormTipsID    = discordtest.DefaultTipsChannel
	ModeratorRole = discordtest.DefaultModRoleID
	CoachRole     = "1000000000000000005"
)

// Person is someone the page can act as.
type Person struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Kind is "member", "moderator" or "coach", for the page's switcher.
	Kind  string   `json:"kind"`
	Roles []string `json:"roles"`
	// Permissions are the person's permissions in the server's channels.
	Permissions int64 `json:"-"`
}

// People are the member, the moderator (who is also the server's admin, to
// set things up) and the coach the page switches between.
var People = []Person{
	{ID: "1800000000000000001", Name: "Sam", Kind: "member", Roles: []string{}, Permissions: discordtest.DefaultMemberPermissions},
	{ID: "1800000000000000002", Name: "Riley", Kind: "moderator", Roles: []string{ModeratorRole},
		Permissions: discordtest.DefaultMemberPermissions | discordtest.PermManageMessages | discordtest.PermPinMessages | permAdministrator | permManageGuild},
	{ID: "1800000000000000003", Name: "Jordan", Kind: "coach", Roles: []string{CoachRole}, Permissions: discordtest.DefaultMemberPermissions},
}

// Discord's permission bits the stand-in has no constant for.
const (
	permAdministrator = 1 << 3
	permManageGuild   = 1 << 5
)

func guild() discordtest.Guild {
	return discordtest.Guild{
		ID:   GuildID,
		Name: "Spotter Playground Gym",
		Channels: []discordtest.Channel{
			{ID: GeneralID, Name: "general"},
			{ID: FormTipsID, Name: "form-tips"},
		},
		Roles: []discordtest.Role{
			{ID: ModeratorRole, Name: "Moderator", Permissions: discordtest.PermManageMessages | discordtest.PermPinMessages},
			{ID: CoachRole, Name: "Coach"},
		},
	}
}

// Playground is a running stand-in with its people, clock and page.
type Playground struct {
	host  *discordtest.Host
	clock *Clock
	guild discordtest.Guild

	mu sync.Mutex
	// used labels slash-command replies "NAME used /COMMAND", by
	// interaction id, as Discord does above them.
	used map[string]usedLabel
	// shift is the clock's offset when a message was first listed, by
	// message id: the stand-in stamps messages with the wall clock, the
	// page shows them at playground time.
	shift map[string]time.Duration
}

type usedLabel struct {
	User    string `json:"user"`
	Command string `json:"command"`
}

// Options configures Start.
type Options struct {
	// Logf receives what the stand-in would tell a test: requests that do
	// not match Discord's schema, protocol errors. Nil discards it.
	Logf func(format string, args ...any)
}

// Start starts the stand-in on 127.0.0.1 with the playground's server and
// people; the bot then connects to APIURL with Token.
func Start(opts Options) (*Playground, error) {
	logf := opts.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	g := guild()
	host, err := discordtest.StartHost(discordtest.Options{
		Guilds: []discordtest.Guild{g},
	}, logf)
	if err != nil {
		return nil, err
	}
	p := &Playground{host: host, clock: &Clock{}, guild: g, used: map[string]usedLabel{}, shift: map[string]time.Duration{}}
	for _, who := range People {
		if len(who.Roles) > 0 {
			if err := discordtest.Try(func() { host.SetMemberRoles(GuildID, who.ID, who.Roles...) }); err != nil {
				host.Close()
				return nil, fmt.Errorf("playground: give %s their roles: %w", who.Name, err)
			}
		}
	}
	return p, nil
}

// APIURL is the REST base the bot must use instead of Discord's.
func (p *Playground) APIURL() string { return p.host.APIURL() }

// Token is the bot token the stand-in accepts.
func (p *Playground) Token() string { return p.host.Token() }

// Now is the playground's clock, to give the bot.
func (p *Playground) Now() time.Time { return p.clock.Now() }

// Advance jumps the playground's clock forward.
func (p *Playground) Advance(d time.Duration) { p.clock.Advance(d) }

// WaitBot waits until the bot is connected and has registered its commands.
func (p *Playground) WaitBot(ctx context.Context) error {
	if err := p.host.WaitReady(ctx); err != nil {
		return fmt.Errorf("playground: the bot did not connect: %w", err)
	}
	if _, err := p.host.WaitCommands(ctx, ""); err != nil {
		return fmt.Errorf("playground: the bot did not register its commands: %w", err)
	}
	return nil
}

// Close stops the stand-in.
func (p *Playground) Close() { p.host.Close() }

// person finds someone by id.
func person(id string) (Person, bool) {
	for _, who := range People {
		if who.ID == id {
			return who, true
		}
	}
	return Person{}, false
}

// actor is who in channelID as the stand-in sees them.
func (p *Playground) actor(who Person, channelID string) discordtest.Actor {
	a := discordtest.Actor{UserID: who.ID, Username: who.Name}
	for _, c := range p.guild.Channels {
		if c.ID == channelID {
			a.GuildID, a.ChannelID = GuildID, channelID
			a.Roles = who.Roles
			a.Permissions = who.Permissions
		}
	}
	return a
}
