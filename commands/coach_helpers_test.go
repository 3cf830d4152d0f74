package commands

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/discordtest"
	"github.com/spotter-bot/spotter/bot/schedule"
	"github.com/spotter-bot/spotter/bot/store"
)

// coachRoleID is the default guild's Coach role in coach tests.
const coachRoleID = "1700000000000000031"

// coach holds the Coach role in coach tests.
var coach = discordtest.Actor{UserID: "1800000000000000031", Username: "coachkate",
	GuildID: discordtest.DefaultGuildID, ChannelID: discordtest.DefaultChannelID}

// newCoachHarness is the check-in harness on a guild with a Coach role,
// named a coach role, that coach holds; the scheduler is running.
func newCoachHarness(t *testing.T, clock *testClock, adjust ...func(*Deps)) *checkinHarness {
	t.Helper()
	srv := discordtest.Start(t, discordtest.Options{Guilds: []discordtest.Guild{{
		ID: discordtest.DefaultGuildID, Name: "Spotter Test Gym",
		Channels: []discordtest.Channel{{ID: discordtest.DefaultChannelID, Name: "general"}, {ID: discordtest.DefaultTipsChannel, Name: "form-tips"}},
		Roles: []discordtest.Role{{ID: discordtest.DefaultModRoleID, Name: "Moderator", Permissions: discordtest.PermManageMessages | discordtest.PermPinMessages},
			{ID: coachRoleID, Name: "Coach"}},
	}}})
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "spotter.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	var sched *schedule.Scheduler
	h := startHarness(t, srv, db, func(d *Deps) {
		for _, f := range adjust {
			f(d)
		}
		sched = newTestScheduler(t, schedule.Options{Store: d.Store.(schedule.Store), Now: clock.Now, Lease: 5 * 1e9})
		d.Scheduler, d.Now = sched, clock.Now
	})
	clock.wakeOnChange(sched.Wake)
	ch := &checkinHarness{harness: h, clock: clock, sched: sched}
	ch.start(t)
	srv.SetMemberRoles(discordtest.DefaultGuildID, coach.UserID, coachRoleID)
	if _, err := db.AddCoachRole(h.ctx, discordtest.DefaultGuildID, coachRoleID, tipAdmin.UserID); err != nil {
		t.Fatal(err)
	}
	return ch
}

// restartScheduler stops the running scheduler and starts a new one on the
// same database and clock, with every job handler registered again: a
// restart of the process as far as scheduled sends are concerned.
func (h *checkinHarness) restartScheduler(t *testing.T, down func()) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10e9)
	defer cancel()
	if err := h.sched.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	if down != nil {
		down()
	}
	sched := newTestScheduler(t, schedule.Options{Store: h.store, Now: h.clock.Now, Lease: 5 * 1e9})
	deps := h.deps
	deps.Scheduler = sched
	Register(bot.NewRouter(), deps)
	h.sched = sched
	h.clock.wakeOnChange(sched.Wake)
	h.startScheduler(t, sched)
}

// shareWith runs /checkin share as a with coach c and clicks "Share with
// them"; it returns the preview and the answer to the click.
func (h *checkinHarness) shareWith(t *testing.T, a, c discordtest.Actor, opts ...discordtest.Option) (preview, done *discordtest.Message) {
	t.Helper()
	preview = h.command(t, a, "share", append([]discordtest.Option{discordtest.Opt("coach", c)}, opts...)...)
	done = h.answered(t, h.srv.Click(a, preview, buttonWithPrefix(t, preview, shareConfirmID)))
	return preview, done
}

// coachDMs returns the summaries the coach got by DM.
func (h *checkinHarness) coachDMs(c discordtest.Actor) []*discordtest.Message {
	var out []*discordtest.Message
	for _, m := range h.srv.DMs(c.UserID) {
		if m.AuthorID == h.srv.ApplicationID() && len(m.Embeds) > 0 && m.Embeds[0].Title == "Check-in summary" {
			out = append(out, m)
		}
	}
	return out
}

// coachText is everything an embed says, for checks that something is
// (not) in it.
func coachText(m *discordtest.Message) string {
	var b strings.Builder
	b.WriteString(m.Content)
	for _, e := range m.Embeds {
		b.WriteString("\n" + e.Title + "\n" + e.Description)
		for _, f := range e.Fields {
			b.WriteString("\n" + f.Name + ": " + f.Value)
		}
		if e.Footer != nil {
			b.WriteString("\n" + e.Footer.Text)
		}
	}
	return b.String()
}

// field returns the value of the embed field named name, or "".
func field(m *discordtest.Message, name string) string {
	for _, e := range m.Embeds {
		for _, f := range e.Fields {
			if f.Name == name {
				return f.Value
			}
		}
	}
	return ""
}

// forgedClick clicks a button on a message the clicker cannot see, as a
// modified client could; the bot must check who clicked.
func (h *checkinHarness) forgedClick(t *testing.T, a discordtest.Actor, m *discordtest.Message, customID string) *discordtest.Message {
	t.Helper()
	return h.answered(t, h.srv.Forge(a, discordtest.Forgery{Source: m, CustomID: customID}))
}
