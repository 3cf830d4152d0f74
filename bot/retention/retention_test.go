package retention

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/discordtest"
	"github.com/spotter-bot/spotter/bot/schedule"
	"github.com/spotter-bot/spotter/bot/store"
)

// The SQLite adapter is a store retention can purge.
var _ Store = (*store.Store)(nil)

const guildID = "100000000000000009"

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// clock is a settable time source for the store and the keeper.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func openStore(t *testing.T, c *clock) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "spotter.db"), store.WithClock(c.now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func saveTip(t *testing.T, st *store.Store, guild string) {
	t.Helper()
	if _, _, err := st.SaveFormTip(context.Background(), spotter.FormTip{GuildID: guild, ChannelID: "2", MessageID: "3", AuthorID: "4",
		Exercise: "back-squat", Link: "https://discord.com/channels/1/2/3", SavedBy: "5", SavedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
}

func hasGuildData(t *testing.T, st *store.Store, guild string) bool {
	t.Helper()
	ids, err := st.GuildsWithData(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if id == guild {
			return true
		}
	}
	return false
}

func TestSweepDeletesADepartedServersDataOnlyAfterTheGracePeriod(t *testing.T) {
	c := &clock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	st := openStore(t, c)
	k := New(st, Policy{PainEntries: 180 * 24 * time.Hour, GuildGrace: 72 * time.Hour}, c.now, quiet)
	saveTip(t, st, guildID)
	ctx := context.Background()
	if err := k.GuildRemoved(ctx, guildID); err != nil {
		t.Fatal(err)
	}
	c.t = c.t.Add(71 * time.Hour)
	if err := k.Sweep(ctx); err != nil {
		t.Fatal(err)
	}
	if !hasGuildData(t, st, guildID) {
		t.Fatal("deleted inside the grace period")
	}
	c.t = c.t.Add(2 * time.Hour)
	if err := k.Sweep(ctx); err != nil {
		t.Fatal(err)
	}
	if hasGuildData(t, st, guildID) {
		t.Fatal("kept after the grace period")
	}
}

func TestAServerLeftWhileOfflineIsNoticedAtReady(t *testing.T) {
	c := &clock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	st := openStore(t, c)
	k := New(st, DefaultPolicy(), c.now, quiet)
	saveTip(t, st, guildID)
	saveTip(t, st, "100000000000000010")
	if err := k.GuildsAtReady(context.Background(), []string{"100000000000000010"}); err != nil {
		t.Fatal(err)
	}
	c.t = c.t.Add(DefaultPolicy().GuildGrace + time.Minute)
	if err := k.Sweep(context.Background()); err != nil {
		t.Fatal(err)
	}
	if hasGuildData(t, st, guildID) || !hasGuildData(t, st, "100000000000000010") {
		t.Error("READY did not mark exactly the missing server as left")
	}
}

func TestSweepPurgesOldPainEntries(t *testing.T) {
	c := &clock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	st := openStore(t, c)
	ctx := context.Background()
	start := c.t
	plan := spotter.CheckinPlan{UserID: "7", LocalTime: "08:00", Zone: "UTC", Days: 14, StartedAt: start, EndsAt: start.Add(14 * 24 * time.Hour), Status: spotter.PlanActive}
	p, err := st.StartCheckinPlan(ctx, plan, spotter.PainEntry{Source: "baseline", Pain: 6, At: start},
		spotter.NewJob{Kind: "checkin.prompt", Key: spotter.CheckinDailyKey("7"), Payload: []byte("{}"), DueAt: start.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddPainEntry(ctx, spotter.PainEntry{PlanID: p.ID, Source: "manual", Pain: 3, At: start.Add(100 * 24 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	k := New(st, Policy{PainEntries: 30 * 24 * time.Hour, GuildGrace: time.Hour}, c.now, quiet)
	c.t = start.Add(101 * 24 * time.Hour)
	if err := k.Sweep(ctx); err != nil {
		t.Fatal(err)
	}
	left, err := st.PainEntries(ctx, p.ID, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(left) != 1 || left[0].Pain != 3 {
		t.Errorf("entries left = %+v, want only the recent one", left)
	}
}

// countingStore counts the sweeps that reach the store.
type countingStore struct {
	*store.Store
	sweeps atomic.Int32
}

func (c *countingStore) PurgeExpiredRedFlagRuns(ctx context.Context, now time.Time) (int64, error) {
	c.sweeps.Add(1)
	return c.Store.PurgeExpiredRedFlagRuns(ctx, now)
}

// The sweep is an hourly job in the scheduler's queue: it runs at start,
// then on every hour, once however many processes schedule it.
func TestTheSweepRunsHourlyAsAJobOnceAcrossProcesses(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		time.Sleep(time.Until(time.Date(2026, 5, 4, 9, 30, 0, 0, time.UTC)))
		st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "spotter.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		ctx := context.Background()
		run, _, err := st.StartRedFlagRun(ctx, "8")
		if err != nil {
			t.Fatal(err)
		}
		counting := &countingStore{Store: st}
		for range 2 {
			sched, err := schedule.New(schedule.Options{Store: st, Logger: quiet, Heartbeat: "@every 30s", Lease: 2 * time.Minute})
			if err != nil {
				t.Fatal(err)
			}
			if err := New(counting, DefaultPolicy(), time.Now, quiet).Schedule(ctx, sched); err != nil {
				t.Fatal(err)
			}
			if err := sched.Start(nil); err != nil {
				t.Fatal(err)
			}
			defer sched.Stop(context.Background())
		}
		time.Sleep(spotter.RedFlagRunLifetime + 5*time.Minute)
		synctest.Wait()
		if _, err := st.RedFlagRun(ctx, run.ID); err == nil {
			t.Error("an abandoned red-flag check outlived its 24 hours")
		}
		// 09:30 at start, then 10:00 to 09:00 the next day.
		if got := counting.sweeps.Load(); got != 25 {
			t.Errorf("%d sweeps in a day and 5 minutes from 09:30, want 25: one at start and one an hour", got)
		}
		if jobs, err := st.Jobs(ctx, JobKind); err != nil || len(jobs) != 26 || jobs[25].State != spotter.JobPending {
			t.Errorf("the sweep's jobs: %d, %v; want 25 run and the next one queued", len(jobs), err)
		}
	})
}

// signalling passes events to a Keeper and reports each one handled.
type signalling struct {
	*Keeper
	handled chan string
}

func (s signalling) GuildsAtReady(ctx context.Context, ids []string) error {
	defer func() { s.handled <- "ready" }()
	return s.Keeper.GuildsAtReady(ctx, ids)
}

func (s signalling) GuildJoined(ctx context.Context, id string) error {
	defer func() { s.handled <- "joined" }()
	return s.Keeper.GuildJoined(ctx, id)
}

func (s signalling) GuildRemoved(ctx context.Context, id string) error {
	defer func() { s.handled <- "removed" }()
	return s.Keeper.GuildRemoved(ctx, id)
}

func TestGuildDeleteFromTheGatewayStartsTheGracePeriod(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	removedAt := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "spotter.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	saveTip(t, st, discordtest.DefaultGuildID)
	k := New(st, Policy{PainEntries: time.Hour, GuildGrace: time.Hour}, func() time.Time { return removedAt }, quiet)
	events := signalling{Keeper: k, handled: make(chan string, 10)}
	b, err := bot.New(bot.Options{Token: srv.Token(), APIURL: srv.APIURL(), Router: bot.NewRouter(), Logger: quiet, Guilds: events})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := b.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer b.Shutdown(context.Background())
	waitFor(t, ctx, events.handled, "ready", "joined")

	srv.Dispatch("GUILD_DELETE", map[string]any{"id": discordtest.DefaultGuildID, "unavailable": true})
	srv.Dispatch("GUILD_DELETE", map[string]any{"id": discordtest.DefaultGuildID})
	waitFor(t, ctx, events.handled, "removed")

	// An outage (unavailable) must not count: exactly one removal was seen.
	select {
	case e := <-events.handled:
		t.Fatalf("unexpected extra event %q", e)
	default:
	}
	sweeper := New(st, Policy{PainEntries: time.Hour, GuildGrace: time.Hour}, func() time.Time { return removedAt.Add(2 * time.Hour) }, quiet)
	if err := sweeper.Sweep(ctx); err != nil {
		t.Fatal(err)
	}
	if hasGuildData(t, st, discordtest.DefaultGuildID) {
		t.Fatal("the server's data outlived the grace period after the bot was removed")
	}
}

// waitFor waits until every wanted event has been handled, in any order.
func waitFor(t *testing.T, ctx context.Context, handled <-chan string, want ...string) {
	t.Helper()
	pending := map[string]bool{}
	for _, w := range want {
		pending[w] = true
	}
	for len(pending) > 0 {
		select {
		case e := <-handled:
			delete(pending, e)
		case <-ctx.Done():
			t.Fatalf("events not handled: %v", pending)
		}
	}
}
