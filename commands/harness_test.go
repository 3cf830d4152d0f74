package commands

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/discordtest"
	"github.com/spotter-bot/spotter/bot/retention"
	"github.com/spotter-bot/spotter/bot/store"
	"github.com/spotter-bot/spotter/knowledge"
)

// harness is every command running on a real bot against the Discord
// stand-in, with a real SQLite file: the shared rig for end-to-end tests of
// commands. Tests in this package use it rather than building their own.
type harness struct {
	srv   *discordtest.Server
	store *store.Store
	deps  Deps
	bot   *bot.Bot
	ctx   context.Context
}

// member and moderator are the people tests act as in the default guild.
var (
	member = discordtest.Actor{UserID: "1800000000000000001", Username: "lifter",
		GuildID: discordtest.DefaultGuildID, ChannelID: discordtest.DefaultChannelID}
	otherMember = discordtest.Actor{UserID: "1800000000000000002", Username: "gymbro",
		GuildID: discordtest.DefaultGuildID, ChannelID: discordtest.DefaultChannelID}
)

// inDM returns the actor as seen in a DM with the bot.
func inDM(a discordtest.Actor) discordtest.Actor {
	a.GuildID, a.ChannelID = "", ""
	return a
}

// newHarness starts the stand-in and a bot with every command registered.
// adjust, if given, may change the dependencies before registration.
func newHarness(t *testing.T, adjust ...func(*Deps)) *harness {
	t.Helper()
	srv := discordtest.Start(t, discordtest.Options{})
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "spotter.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return startHarness(t, srv, db, adjust...)
}

// startHarness starts a bot on an existing stand-in and store: call it a
// second time to simulate a restart.
func startHarness(t *testing.T, srv *discordtest.Server, db *store.Store, adjust ...func(*Deps)) *harness {
	t.Helper()
	kb, err := knowledge.Default()
	if err != nil {
		t.Fatal(err)
	}
	deps := Deps{Store: db, Knowledge: kb, Retention: retention.DefaultPolicy(), Logger: quietLogger()}
	for _, f := range adjust {
		f(&deps)
	}
	r := bot.NewRouter()
	Register(r, deps)
	b, err := bot.New(bot.Options{
		Token: srv.Token(), APIURL: srv.APIURL(), Router: r,
		Logger: quietLogger(),
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	if err := b.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		shutdownCtx, done := context.WithTimeout(context.Background(), 10*time.Second)
		defer done()
		if err := b.Shutdown(shutdownCtx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
	})
	return &harness{srv: srv, store: db, deps: deps, bot: b, ctx: ctx}
}

// quietLogger discards everything, for bots and schedulers under test.
func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// waitFor waits until cond holds, checking it again whenever the stand-in's
// state changes and, for conditions on the database (whose writes follow
// the bot's last request with no change the stand-in sees), every
// storePoll; the test fails when the harness's context ends first.
func (h *harness) waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	tick := time.NewTicker(storePoll)
	defer tick.Stop()
	for {
		changed := h.srv.Changed()
		if cond() {
			return
		}
		select {
		case <-h.ctx.Done():
			t.Fatalf("gave up waiting until %s", what)
		case <-changed:
		case <-tick.C:
		}
	}
}

// storePoll is how often waitFor looks at the database between the
// stand-in's changes.
const storePoll = 10 * time.Millisecond

// waitSrv waits until cond, a condition on the stand-in's state alone,
// holds: it is checked again at each change, with no polling.
func (h *harness) waitSrv(t *testing.T, what string, cond func() bool) {
	t.Helper()
	if err := h.srv.WaitUntil(h.ctx, cond); err != nil {
		t.Fatalf("gave up waiting until %s: %v", what, err)
	}
}

// answered waits for the interaction's callback, checks it met Discord's
// deadline, and returns the message the member sees.
func (h *harness) answered(t *testing.T, in *discordtest.Interaction) *discordtest.Message {
	t.Helper()
	cb, err := in.Wait(h.ctx)
	if err != nil {
		t.Fatalf("no answer: %v", err)
	}
	if cb.Latency >= 3*time.Second {
		t.Errorf("answered after %v, past Discord's 3 s deadline", cb.Latency)
	}
	if cb.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource || cb.Type == discordgo.InteractionResponseDeferredMessageUpdate {
		// On a busy machine the router defers a slow handler; what the
		// member sees, and what the handler has done, is in its edit.
		msg, err := in.WaitEdit(h.ctx, 1)
		if err != nil {
			t.Fatalf("deferred, then never edited: %v", err)
		}
		return msg
	}
	msg, err := in.Original(h.ctx)
	if err != nil {
		t.Fatalf("no reply message: %v", err)
	}
	return msg
}

// isEphemeral reports whether only the member who asked can see m.
func isEphemeral(m *discordtest.Message) bool {
	return m.Flags&64 != 0
}
