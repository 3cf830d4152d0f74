package commands

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot/discordtest"
	"github.com/spotter-bot/spotter/bot/schedule"
)

// checkinHarness is the shared harness with check-ins on clock and a
// scheduler that starts when start is called (so a test can first let time
// pass "while the bot is down").
type checkinHarness struct {
	*harness
	clock *testClock
	sched *schedule.Scheduler
}

func newCheckinHarness(t *testing.T, clock *testClock) *checkinHarness {
	t.Helper()
	var sched *schedule.Scheduler
	h := newHarness(t, func(d *Deps) {
		sched = newTestScheduler(t, schedule.Options{Store: d.Store.(schedule.Store), Now: clock.Now, Lease: 5 * time.Second})
		d.Scheduler, d.Now = sched, clock.Now
	})
	clock.wakeOnChange(sched.Wake)
	return &checkinHarness{harness: h, clock: clock, sched: sched}
}

// start starts the scheduler, which sends through the bot, until the test ends.
func (h *checkinHarness) start(t *testing.T) {
	t.Helper()
	h.startScheduler(t, h.sched)
}

// command runs a /checkin subcommand as a and returns the reply.
func (h *checkinHarness) command(t *testing.T, a discordtest.Actor, sub string, opts ...discordtest.Option) *discordtest.Message {
	t.Helper()
	return h.answered(t, h.srv.SlashCommand(a, "checkin "+sub, opts...))
}

// waitDM waits for a DM to the member whose content contains text, and
// then until the scheduler has recorded its sends (see waitSendsRecorded).
func (h *checkinHarness) waitDM(t *testing.T, a discordtest.Actor, text string) *discordtest.Message {
	t.Helper()
	defer h.waitSendsRecorded(t)
	var found *discordtest.Message
	h.waitSrv(t, fmt.Sprintf("a DM containing %q arrives", text), func() bool {
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

// waitSendsRecorded waits until no job is claimed: the scheduler has
// recorded what it sent. The member sees a DM the moment it is created,
// the record follows a few milliseconds later; no person clicks that fast,
// but a test does, and a test that then moves the clock would get the
// record stamped with the new time.
func (h *checkinHarness) waitSendsRecorded(t *testing.T) {
	t.Helper()
	h.waitFor(t, "the scheduler records its sends", func() bool {
		jobs, err := h.store.Jobs(h.ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, j := range jobs {
			if j.State == spotter.JobClaimed {
				return false
			}
		}
		return true
	})
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

func (h *checkinHarness) plan(t *testing.T, a discordtest.Actor) spotter.CheckinPlan {
	t.Helper()
	p, ok, err := h.store.CheckinPlan(h.ctx, a.UserID)
	if err != nil || !ok {
		t.Fatalf("no plan for %s (%v)", a.UserID, err)
	}
	return p
}

// ratingButton is the custom_id of the button for pain n on a prompt.
func ratingButton(t *testing.T, m *discordtest.Message, n int) string {
	t.Helper()
	suffix := fmt.Sprintf(":%d", n)
	return buttonWhere(t, m, fmt.Sprintf("button for %d", n), func(id string) bool {
		return strings.HasPrefix(id, checkinAnswerID+":") && strings.HasSuffix(id, suffix)
	})
}

func buttonWithPrefix(t *testing.T, m *discordtest.Message, prefix string) string {
	t.Helper()
	return buttonWhere(t, m, prefix+" button", func(id string) bool { return strings.HasPrefix(id, prefix) })
}

// nextClock is the first whole minute at least lead after now, as HH:MM in
// loc, and that instant.
func nextClock(now time.Time, lead time.Duration, loc *time.Location) (string, time.Time) {
	at := now.Add(lead).In(loc).Truncate(time.Minute).Add(time.Minute)
	return at.Format("15:04"), at
}
