package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot/discordtest"
)

// testIdentifyWindow stands in for Discord's 5 s on both sides of the
// end-to-end tests, so they do not wait for real windows.
const testIdentifyWindow = 300 * time.Millisecond

// shardedGuilds returns perShard guilds for each shard of count, with ids
// that land on that shard by Discord's formula.
func shardedGuilds(count, perShard int) []discordtest.Guild {
	var out []discordtest.Guild
	for n := range count * perShard {
		id := fmt.Sprint(uint64(1_000_000+n)<<22 | 7)
		out = append(out, discordtest.Guild{ID: id, Name: "gym " + id,
			Channels: []discordtest.Channel{{ID: fmt.Sprint(uint64(2_000_000+n)<<22 | 7), Name: "general"}}})
	}
	return out
}

// logBuffer collects JSON log lines from several goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// records returns the logged records whose msg is msg.
func (l *logBuffer) records(t *testing.T, msg string) []map[string]any {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []map[string]any
	for line := range strings.SplitSeq(strings.TrimSpace(l.buf.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if rec["msg"] == msg {
			out = append(out, rec)
		}
	}
	return out
}

// shardGuildEvents records what a GuildObserver hears.
type shardGuildEvents struct {
	mu      sync.Mutex
	atReady [][]string
	joined  []string
}

func (g *shardGuildEvents) GuildsAtReady(_ context.Context, ids []string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.atReady = append(g.atReady, slices.Sorted(slices.Values(ids)))
	return nil
}

func (g *shardGuildEvents) GuildJoined(_ context.Context, id string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.joined = append(g.joined, id)
	return nil
}

func (g *shardGuildEvents) GuildRemoved(context.Context, string) error { return nil }

func (g *shardGuildEvents) snapshot() ([][]string, []string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return slices.Clone(g.atReady), slices.Clone(g.joined)
}

// startShardedBot starts a gateway Bot against srv answering /help.
func startShardedBot(t *testing.T, srv *discordtest.Server, logs *logBuffer, edit func(*Options)) *Bot {
	t.Helper()
	opts := Options{Token: srv.Token(), APIURL: srv.APIURL(), Router: helpRouter(respondWith("hello")),
		IdentifyWindow: testIdentifyWindow,
		Logger:         slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	if edit != nil {
		edit(&opts)
	}
	b, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Shutdown(context.Background()) })
	if err := b.Start(testCtx(t)); err != nil {
		t.Fatal(err)
	}
	return b
}

// askEveryGuild sends /help in every guild and waits for each answer.
func askEveryGuild(t *testing.T, srv *discordtest.Server, guilds []discordtest.Guild) {
	t.Helper()
	ctx := testCtx(t)
	for i, g := range guilds {
		in := srv.SlashCommand(discordtest.Actor{UserID: fmt.Sprint(1800000000000000001 + i), GuildID: g.ID}, "help")
		cb, err := in.Wait(ctx)
		if err != nil {
			t.Fatalf("guild %s (shard %d): %v", g.ID, discordtest.ShardOf(g.ID, 2), err)
		}
		if cb.Data.Content != "hello" {
			t.Errorf("guild %s answered %q", g.ID, cb.Data.Content)
		}
	}
}

// checkInteractionsRanOnTheirShard checks that each handled interaction was
// logged by the shard its guild belongs to, and returns how many each
// shard handled.
func checkInteractionsRanOnTheirShard(t *testing.T, logs *logBuffer, count int) map[int]int {
	t.Helper()
	perShard := map[int]int{}
	for _, rec := range logs.records(t, "interaction handled") {
		guild, _ := rec["guild"].(string)
		shard, ok := rec["shard"].(float64)
		if !ok {
			t.Errorf("interaction log without a shard: %v", rec)
			continue
		}
		if want := ShardOf(guild, count); int(shard) != want {
			t.Errorf("guild %s handled by shard %v, want %d", guild, shard, want)
		}
		perShard[int(shard)]++
	}
	return perShard
}

func TestTwoShardsInOneProcessEachAnswerTheirOwnGuilds(t *testing.T) {
	t.Parallel()
	guilds := shardedGuilds(2, 2)
	srv := discordtest.Start(t, discordtest.Options{Guilds: guilds, RecommendedShards: 2, IdentifyWindow: testIdentifyWindow})
	var logs logBuffer
	events := &shardGuildEvents{}
	b := startShardedBot(t, srv, &logs, func(o *Options) { o.Guilds = events })

	if err := srv.WaitShards(testCtx(t), 2); err != nil {
		t.Fatal(err)
	}
	if !b.Connected() {
		t.Error("Connected() = false with both shards up")
	}
	askEveryGuild(t, srv, guilds)
	if got := checkInteractionsRanOnTheirShard(t, &logs, 2); got[0] != 2 || got[1] != 2 {
		t.Errorf("interactions per shard = %v, want 2 and 2", got)
	}
	if calls := restCalls(srv, "/commands"); len(calls) != 1 {
		t.Errorf("command registrations %v, want one bulk overwrite for the process, not one per shard", calls)
	}
	atReady, joined := events.snapshot()
	var all []string
	for _, g := range guilds {
		all = append(all, g.ID)
	}
	slices.Sort(all)
	if len(atReady) != 1 || !slices.Equal(atReady[0], all) {
		t.Errorf("GuildsAtReady calls %v, want one with every guild of both shards %v", atReady, all)
	}
	if slices.Sort(joined); !slices.Equal(joined, all) {
		t.Errorf("GuildJoined for %v, want %v", joined, all)
	}

	if err := b.Shutdown(testCtx(t)); err != nil {
		t.Fatal(err)
	}
	if b.Connected() {
		t.Error("Connected() after Shutdown")
	}
}

func TestShardIDsSplitTheShardsBetweenProcesses(t *testing.T) {
	t.Parallel()
	guilds := shardedGuilds(2, 2)
	// max_concurrency 2 puts the two shards in different identify buckets,
	// so the two processes may start at the same time.
	srv := discordtest.Start(t, discordtest.Options{Guilds: guilds, MaxConcurrency: 2, IdentifyWindow: testIdentifyWindow})
	var logs0, logs1 logBuffer
	events0 := &shardGuildEvents{}
	var b0, b1 *Bot
	var wg sync.WaitGroup
	wg.Go(func() {
		b0 = startShardedBot(t, srv, &logs0, func(o *Options) { o.ShardCount, o.ShardIDs, o.Guilds = 2, []int{0}, events0 })
	})
	wg.Go(func() {
		b1 = startShardedBot(t, srv, &logs1, func(o *Options) { o.ShardCount, o.ShardIDs = 2, []int{1} })
	})
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	if !b0.Connected() || !b1.Connected() {
		t.Errorf("Connected() = %v, %v: each process is ready with its own shards", b0.Connected(), b1.Connected())
	}
	askEveryGuild(t, srv, guilds)
	if got := checkInteractionsRanOnTheirShard(t, &logs0, 2); got[0] != 2 || got[1] != 0 {
		t.Errorf("process with shard 0 handled %v", got)
	}
	if got := checkInteractionsRanOnTheirShard(t, &logs1, 2); got[1] != 2 || got[0] != 0 {
		t.Errorf("process with shard 1 handled %v", got)
	}
	atReady, joined := events0.snapshot()
	if len(atReady) != 0 {
		t.Errorf("GuildsAtReady(%v) with shard 1 in another process: its servers would look removed", atReady)
	}
	if len(joined) != 2 {
		t.Errorf("process with shard 0 heard GuildJoined for %v, want its 2 guilds", joined)
	}
	for _, rec := range srv.IdentifyLog() {
		if rec.Refused != "" {
			t.Errorf("identify %+v refused", rec)
		}
	}
}

func TestUnshardedBotPastTheGuildLimitIsToldToShard(t *testing.T) {
	t.Parallel()
	guilds := shardedGuilds(2, 2)
	srv := discordtest.Start(t, discordtest.Options{Guilds: guilds, MaxGuildsPerShard: 3})
	b, err := New(Options{Token: srv.Token(), APIURL: srv.APIURL(), Router: helpRouter(respondWith("hello")),
		ShardCount: 1, IdentifyWindow: testIdentifyWindow, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Shutdown(context.Background())
	err = b.Start(testCtx(t))
	if !errors.Is(err, ErrShardingRequired) {
		t.Fatalf("Start = %v, want ErrShardingRequired", err)
	}
	if !strings.Contains(err.Error(), "shard_count = 0") {
		t.Errorf("error %q does not say what to set", err)
	}
	if log := srv.IdentifyLog(); len(log) != 1 || log[0].Refused != "sharding required" {
		t.Errorf("identify log %+v, want one refused with 4011", log)
	}

	// The recommendation (ShardCount 0) shards enough.
	var logs logBuffer
	startShardedBot(t, srv, &logs, nil)
	if err := srv.WaitShards(testCtx(t), 2); err != nil {
		t.Fatal(err)
	}
}

func TestShardsIdentifyNoFasterThanMaxConcurrency(t *testing.T) {
	t.Parallel()
	const shards, concurrency = 4, 2
	guilds := shardedGuilds(shards, 1)
	// The stand-in refuses (and reports) any IDENTIFY its bucket's window
	// does not allow.
	srv := discordtest.Start(t, discordtest.Options{Guilds: guilds, RecommendedShards: shards,
		MaxConcurrency: concurrency, IdentifyWindow: testIdentifyWindow})
	var logs logBuffer
	startShardedBot(t, srv, &logs, nil)

	log := srv.IdentifyLog()
	if len(log) != shards {
		t.Fatalf("identify log %+v, want %d", log, shards)
	}
	for _, rec := range log {
		if rec.Refused != "" {
			t.Errorf("identify %+v refused", rec)
		}
		within := 0
		for _, other := range log {
			if d := other.At.Sub(rec.At); d >= 0 && d < testIdentifyWindow {
				within++
			}
		}
		if within > concurrency {
			t.Errorf("%d identifies within %s of %v, want at most max_concurrency %d", within, testIdentifyWindow, rec.At, concurrency)
		}
	}
	shardLogs := logs.records(t, "shard ready")
	if len(shardLogs) != shards {
		t.Errorf("%d \"shard ready\" logs, want %d", len(shardLogs), shards)
	}
}

func TestIdentifyGatePacesEachBucket(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const concurrency, window = 2, 5 * time.Second
		gate := newIdentifyGate(concurrency, window)
		start := time.Now()
		var mu sync.Mutex
		at := map[int]time.Duration{}
		var wg sync.WaitGroup
		for id := range 6 {
			wg.Go(func() {
				release, err := gate.acquire(context.Background(), id)
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				at[id] = time.Since(start)
				mu.Unlock()
				time.Sleep(100 * time.Millisecond) // the IDENTIFY's round trip
				release()
			})
		}
		wg.Wait()
		for a := range 6 {
			within := 0
			for b := range 6 {
				if d := at[b] - at[a]; d >= 0 && d < window {
					within++
				}
				if a != b && a%concurrency == b%concurrency && (at[b]-at[a]).Abs() < window {
					t.Errorf("shards %d and %d share a bucket but identified %s apart", a, b, (at[b] - at[a]).Abs())
				}
			}
			if within > concurrency {
				t.Errorf("%d identifies in the window from shard %d's (%v)", within, a, at)
			}
		}
		if last := slices.Max(slices.Collect(func(yield func(time.Duration) bool) {
			for _, d := range at {
				if !yield(d) {
					return
				}
			}
		})); last > 2*window+time.Second {
			t.Errorf("last identify after %s: buckets should run side by side", last)
		}
	})
}

func TestIdentifyGateGivesUpWhenCancelled(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		gate := newIdentifyGate(1, 5*time.Second)
		release, err := gate.acquire(context.Background(), 0)
		if err != nil {
			t.Fatal(err)
		}
		release()
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		if _, err := gate.acquire(ctx, 1); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("acquire within the window after cancellation = %v", err)
		}
		// The cancelled waiter gave the bucket back.
		if release, err = gate.acquire(context.Background(), 2); err != nil {
			t.Fatal(err)
		}
		release()
	})
}

func TestPlanShards(t *testing.T) {
	for _, tc := range []struct {
		name               string
		count, recommended int
		ids                []int
		wantCount          int
		wantIDs            []int
		wantErr            string
	}{
		{"recommendation", 0, 3, nil, 3, []int{0, 1, 2}, ""},
		{"no recommendation means one", 0, 0, nil, 1, []int{0}, ""},
		{"configured count wins", 4, 2, nil, 4, []int{0, 1, 2, 3}, ""},
		{"some shards here", 4, 2, []int{1, 3}, 4, []int{1, 3}, ""},
		{"ids need a count", 0, 2, []int{0}, 0, nil, "explicit shard count"},
		{"id out of range", 2, 0, []int{2}, 0, nil, "not in 0..1"},
		{"duplicate id", 2, 0, []int{1, 1}, 0, nil, "twice"},
		{"negative count", -1, 0, nil, 0, nil, "negative"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			count, ids, err := planShards(tc.count, tc.ids, tc.recommended)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Errorf("error %v, want one mentioning %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || count != tc.wantCount || !slices.Equal(ids, tc.wantIDs) {
				t.Errorf("= %d %v %v, want %d %v", count, ids, err, tc.wantCount, tc.wantIDs)
			}
		})
	}
}

func TestShardOfFollowsDiscordsFormula(t *testing.T) {
	// 81384788765712384 >> 22 = 19403645698.
	for count, want := range map[int]int{1: 0, 2: 0, 3: 1, 7: 19403645698 % 7} {
		if got := ShardOf("81384788765712384", count); got != want {
			t.Errorf("ShardOf(_, %d) = %d, want %d", count, got, want)
		}
	}
	if got := ShardOf("", 4); got != 0 {
		t.Errorf("a DM is on shard %d, want 0", got)
	}
}

// gatewayEvent builds an INTERACTION_CREATE as discordgo hands it over:
// the raw payload, and the struct decoded from it even when decoding failed.
func gatewayEvent(raw string) *discordgo.Event {
	ic := &discordgo.InteractionCreate{}
	_ = json.Unmarshal([]byte(raw), ic)
	return &discordgo.Event{Type: "INTERACTION_CREATE", RawData: json.RawMessage(raw), Struct: ic}
}

func TestEventInteractionUsesDiscordgosDecode(t *testing.T) {
	e := gatewayEvent(`{"id":"11","type":2,"token":"tok","data":{"id":"5","name":"help","type":1}}`)
	i, err := eventInteraction(e)
	if err != nil {
		t.Fatal(err)
	}
	if i != e.Struct.(*discordgo.InteractionCreate).Interaction {
		t.Error("the interaction discordgo decoded was decoded again")
	}
	if i.ID != "11" || i.ApplicationCommandData().Name != "help" {
		t.Errorf("interaction = %+v", i)
	}
}

func TestEventInteractionRefusesWhatDoesNotDecode(t *testing.T) {
	for name, raw := range map[string]string{
		"top level": `{"id":11,"type":2,"token":"tok","data":{"name":"help"}}`,
		"data":      `{"id":"11","type":2,"token":"tok","data":{"name":5}}`,
	} {
		t.Run(name, func(t *testing.T) {
			if i, err := eventInteraction(gatewayEvent(raw)); err == nil {
				t.Errorf("eventInteraction = %+v, want an error", i)
			}
		})
	}
}

func TestEventInteractionDecodesWithoutDiscordgosStruct(t *testing.T) {
	raw := `{"id":"11","type":3,"token":"tok","data":{"custom_id":"a:b","component_type":2}}`
	i, err := eventInteraction(&discordgo.Event{Type: "INTERACTION_CREATE", RawData: json.RawMessage(raw)})
	if err != nil {
		t.Fatal(err)
	}
	if i.ID != "11" || i.MessageComponentData().CustomID != "a:b" {
		t.Errorf("interaction = %+v", i)
	}
}
