package commands

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot/discordtest"
	"github.com/spotter-bot/spotter/bot/schedule"
	"github.com/spotter-bot/spotter/bot/store"
)

// checkinClock is the time check-ins read; tests move it by hand while the
// scheduler's heartbeat beats in real time.
type checkinClock struct {
	mu  sync.Mutex
	now time.Time
}

func newCheckinClock(at time.Time) *checkinClock { return &checkinClock{now: at} }

func (c *checkinClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *checkinClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// checkinHarness is the shared harness with check-ins on clock and a
// scheduler that starts when start is called (so a test can first let time
// pass "while the bot is down").
type checkinHarness struct {
	*harness
	clock *checkinClock
	sched *schedule.Scheduler
}

func newCheckinHarness(t *testing.T, clock *checkinClock) *checkinHarness {
	t.Helper()
	var sched *schedule.Scheduler
	h := newHarness(t, func(d *Deps) {
		var err error
		sched, err = schedule.New(schedule.Options{
			Store: d.Store, Now: clock.Now, Heartbeat: "@every 1s", Lease: 5 * time.Second,
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		})
		if err != nil {
			t.Fatal(err)
		}
		d.Scheduler, d.Now = sched, clock.Now
	})
	return &checkinHarness{harness: h, clock: clock, sched: sched}
}

// start starts the scheduler, which sends through the bot, until the test ends.
func (h *checkinHarness) start(t *testing.T) {
	t.Helper()
	if err := h.sched.Start(h.bot.Discord()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := h.sched.Stop(ctx); err != nil {
			t.Errorf("stop scheduler: %v", err)
		}
	})
}

// command runs a /checkin subcommand as a and returns the reply.
func (h *checkinHarness) command(t *testing.T, a discordtest.Actor, sub string, opts ...discordtest.Option) *discordtest.Message {
	t.Helper()
	return h.answered(t, h.srv.SlashCommand(a, "checkin "+sub, opts...))
}

// waitDM waits for a DM to the member whose content contains text.
func (h *checkinHarness) waitDM(t *testing.T, a discordtest.Actor, text string) *discordtest.Message {
	t.Helper()
	var found *discordtest.Message
	h.waitFor(t, fmt.Sprintf("a DM containing %q arrives", text), func() bool {
		var matches []*discordtest.Message
		for _, m := range h.srv.DMs(a.UserID) {
			if m.AuthorID == h.srv.ApplicationID() && strings.Contains(m.Content, text) {
				matches = append(matches, m)
			}
		}
		if len(matches) > 0 {
			found = matches[0]
			return true
		}
		return false
	})
	return found
}

// promptsIn counts the check-in prompts (messages with rating buttons) in
// the member's DMs.
func (h *checkinHarness) promptsIn(a discordtest.Actor) []*discordtest.Message {
	var out []*discordtest.Message
	for _, m := range h.srv.DMs(a.UserID) {
		if m.AuthorID == h.srv.ApplicationID() && len(m.Components) > 0 {
			out = append(out, m)
		}
	}
	return out
}

// waitFor waits, checking every few milliseconds, until cond holds.
func (h *checkinHarness) waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-h.ctx.Done():
			t.Fatalf("gave up waiting until %s", what)
		case <-tick.C:
		}
	}
}

func (h *checkinHarness) plan(t *testing.T, a discordtest.Actor) store.CheckinPlan {
	t.Helper()
	p, ok, err := h.store.CheckinPlan(h.ctx, a.UserID)
	if err != nil || !ok {
		t.Fatalf("no plan for %s (%v)", a.UserID, err)
	}
	return p
}

// buttonIDs lists the custom_ids of a message's buttons, row by row.
func buttonIDs(m *discordtest.Message) [][]string {
	var rows [][]string
	for _, c := range m.Components {
		row, ok := c.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		var ids []string
		for _, b := range row.Components {
			if btn, ok := b.(*discordgo.Button); ok {
				ids = append(ids, btn.CustomID)
			}
		}
		rows = append(rows, ids)
	}
	return rows
}

// buttonLabels lists the labels of a message's buttons, row by row.
func buttonLabels(m *discordtest.Message) [][]string {
	var rows [][]string
	for _, c := range m.Components {
		row, ok := c.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		var labels []string
		for _, b := range row.Components {
			if btn, ok := b.(*discordgo.Button); ok {
				labels = append(labels, btn.Label)
			}
		}
		rows = append(rows, labels)
	}
	return rows
}

// ratingButton is the custom_id of the button for pain n on a prompt.
func ratingButton(t *testing.T, m *discordtest.Message, n int) string {
	t.Helper()
	suffix := fmt.Sprintf(":%d", n)
	for _, row := range buttonIDs(m) {
		for _, id := range row {
			if strings.HasPrefix(id, checkinAnswerID+":") && strings.HasSuffix(id, suffix) {
				return id
			}
		}
	}
	t.Fatalf("message has no button for %d: %v", n, buttonIDs(m))
	return ""
}

func buttonWithPrefix(t *testing.T, m *discordtest.Message, prefix string) string {
	t.Helper()
	for _, row := range buttonIDs(m) {
		for _, id := range row {
			if strings.HasPrefix(id, prefix) {
				return id
			}
		}
	}
	t.Fatalf("message has no %s button: %v", prefix, buttonIDs(m))
	return ""
}

// nextClock is the first whole minute at least lead after now, as HH:MM in
// loc, and that instant.
func nextClock(now time.Time, lead time.Duration, loc *time.Location) (string, time.Time) {
	at := now.Add(lead).In(loc).Truncate(time.Minute).Add(time.Minute)
	return at.Format("15:04"), at
}
