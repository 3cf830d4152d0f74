package discordtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// twoShardGuilds are two guilds on shard 0 of 2 and one on shard 1.
func twoShardGuilds() []Guild {
	var out []Guild
	for n, shard := range []int{0, 0, 1} {
		id := fmt.Sprint(uint64(2*(1_000_000+n)+shard)<<22 | 5)
		out = append(out, Guild{ID: id, Name: "g" + id, Channels: []Channel{{ID: fmt.Sprint(uint64(3_000_000+n)<<22 | 5), Name: "general"}}})
	}
	return out
}

// identifyShard sends IDENTIFY for shard (nil: unsharded) on a new raw
// connection.
func identifyShard(t *testing.T, srv *Server, shard []int) *websocket.Conn {
	t.Helper()
	c, _ := dialRaw(t, srv)
	d := map[string]any{"token": srv.Token(), "intents": 513}
	if shard != nil {
		d["shard"] = shard
	}
	send(t, c, 2, d)
	return c
}

// readyGuilds reads READY and the GUILD_CREATEs that follow, and returns
// the guild ids of both.
func readyGuilds(t *testing.T, c *websocket.Conn, creates int) (ready, created []string) {
	t.Helper()
	f := readFrame(t, c)
	if f.T == nil || *f.T != "READY" {
		t.Fatalf("after IDENTIFY got op %d, want READY", f.Op)
	}
	var r struct {
		Guilds []struct{ ID string } `json:"guilds"`
	}
	if err := json.Unmarshal(f.D, &r); err != nil {
		t.Fatal(err)
	}
	for _, g := range r.Guilds {
		ready = append(ready, g.ID)
	}
	for range creates {
		f := readFrame(t, c)
		var g struct{ ID string }
		_ = json.Unmarshal(f.D, &g)
		created = append(created, g.ID)
	}
	return ready, created
}

func closeCode(t *testing.T, c *websocket.Conn) int {
	t.Helper()
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	for {
		_, _, err := c.ReadMessage()
		var ce *websocket.CloseError
		if errors.As(err, &ce) {
			return ce.Code
		}
		if err != nil {
			t.Fatalf("read: %v, want a close frame", err)
		}
	}
}

func TestEachShardIsToldOnlyAboutItsGuilds(t *testing.T) {
	t.Parallel()
	guilds := twoShardGuilds()
	srv := Start(t, Options{Guilds: guilds, MaxConcurrency: 2})
	c0 := identifyShard(t, srv, []int{0, 2})
	ready0, created0 := readyGuilds(t, c0, 2)
	c1 := identifyShard(t, srv, []int{1, 2})
	ready1, created1 := readyGuilds(t, c1, 1)

	want0, want1 := []string{guilds[0].ID, guilds[1].ID}, []string{guilds[2].ID}
	if !slices.Equal(ready0, want0) || !slices.Equal(created0, want0) {
		t.Errorf("shard 0 READY %v GUILD_CREATE %v, want %v", ready0, created0, want0)
	}
	if !slices.Equal(ready1, want1) || !slices.Equal(created1, want1) {
		t.Errorf("shard 1 READY %v GUILD_CREATE %v, want %v", ready1, created1, want1)
	}
	if !srv.ShardConnected(0, 2) || !srv.ShardConnected(1, 2) || !srv.Connected() {
		t.Error("both shards should be connected")
	}

	// A guild's events reach its shard only: an interaction in guild 2
	// (shard 1), then a message in guild 0 (shard 0).
	srv.Dispatch("INTERACTION_CREATE", map[string]any{"id": "1300000000000000003", "type": 2, "guild_id": guilds[2].ID})
	f := readFrame(t, c1)
	if f.T == nil || *f.T != "INTERACTION_CREATE" {
		t.Fatalf("shard 1 got op %d %v, want INTERACTION_CREATE", f.Op, f.T)
	}
	srv.Dispatch("MESSAGE_CREATE", map[string]any{"id": "1300000000000000001", "channel_id": guilds[0].Channels[0].ID,
		"content": "hi", "author": map[string]any{"id": "1300000000000000002", "username": "lifter"}})
	f = readFrame(t, c0)
	if f.T == nil || *f.T != "MESSAGE_CREATE" {
		t.Fatalf("shard 0 got op %d %v, want MESSAGE_CREATE", f.Op, f.T)
	}
	_ = c1.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
	if _, data, err := c1.ReadMessage(); err == nil {
		t.Errorf("shard 1 was sent %s, which belongs to shard 0", data)
	}
}

func TestGatewayBotRecommendsShardsAndConcurrency(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{Guilds: twoShardGuilds(), MaxGuildsPerShard: 2, MaxConcurrency: 16})
	var got struct {
		Shards            int `json:"shards"`
		SessionStartLimit struct {
			MaxConcurrency int `json:"max_concurrency"`
			Remaining      int `json:"remaining"`
		} `json:"session_start_limit"`
	}
	if err := json.Unmarshal(readBody(t, raw(t, srv, "GET", "/gateway/bot", nil)), &got); err != nil {
		t.Fatal(err)
	}
	if got.Shards != 2 || got.SessionStartLimit.MaxConcurrency != 16 || got.SessionStartLimit.Remaining != 1000 {
		t.Errorf("GET /gateway/bot = %+v, want 2 shards (3 guilds, 2 a shard) and max_concurrency 16", got)
	}
}

func TestIdentifyRefusals(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		shard   []int
		code    int
		refused string
	}{
		{"unsharded past the guild limit", nil, 4011, "sharding required"},
		{"shard past the guild limit", []int{0, 2}, 4011, "sharding required"},
		{"shard id not below the count", []int{2, 2}, 4010, "invalid shard"},
		{"zero shards", []int{0, 0}, 4010, "invalid shard"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := Start(t, Options{Guilds: twoShardGuilds(), MaxGuildsPerShard: 1})
			c := identifyShard(t, srv, tc.shard)
			if code := closeCode(t, c); code != tc.code {
				t.Errorf("closed with %d, want %d", code, tc.code)
			}
			if log := srv.IdentifyLog(); len(log) != 1 || log[0].Refused != tc.refused {
				t.Errorf("identify log %+v, want one refused for %q", log, tc.refused)
			}
		})
	}
}

func TestIdentifyPastMaxConcurrencyGetsInvalidSession(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{Guilds: twoShardGuilds(), MaxConcurrency: 2, IdentifyWindow: time.Hour})
	c0 := identifyShard(t, srv, []int{0, 4})
	readyGuilds(t, c0, 0)
	c1 := identifyShard(t, srv, []int{1, 4}) // another bucket: allowed
	readyGuilds(t, c1, 1)
	c2 := identifyShard(t, srv, []int{2, 4}) // bucket 0 again within the window
	if f := readFrame(t, c2); f.Op != 9 || string(f.D) != "false" {
		t.Errorf("third IDENTIFY got op %d d=%s, want op 9 Invalid Session", f.Op, f.D)
	}
	v := srv.TakeViolations()
	if len(v) != 1 || !strings.Contains(v[0].Detail, "max_concurrency") {
		t.Errorf("violations %v, want one for the identify past max_concurrency", v)
	}
	// A client that keeps trying is disconnected.
	for range maxRefusedIdentifies {
		send(t, c2, 2, map[string]any{"token": srv.Token(), "intents": 513, "shard": []int{2, 4}})
	}
	if code := closeCode(t, c2); code != 4008 {
		t.Errorf("closed with %d after repeated refused identifies, want 4008", code)
	}
	srv.TakeViolations()
	var refused int
	for _, rec := range srv.IdentifyLog() {
		if rec.Refused == "rate limited" {
			refused++
		}
	}
	if refused != maxRefusedIdentifies+1 {
		t.Errorf("%d identifies recorded as rate limited, want %d", refused, maxRefusedIdentifies+1)
	}
}

// TestWaitShardsWaitsForEachShardsFirstHeartbeat: as WaitReady, WaitShards
// waits until every shard's client has heartbeated on its connection.
func TestWaitShardsWaitsForEachShardsFirstHeartbeat(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{Guilds: twoShardGuilds(), MaxConcurrency: 2})
	ended, cancel := context.WithCancel(context.Background())
	cancel() // WaitShards with an ended context only checks.
	c0 := identifyShard(t, srv, []int{0, 2})
	readyGuilds(t, c0, 2)
	c1 := identifyShard(t, srv, []int{1, 2})
	readyGuilds(t, c1, 1)
	send(t, c0, 1, nil)
	readFrame(t, c0)
	if srv.WaitShards(ended, 2) == nil {
		t.Fatal("shards ready before shard 1's first heartbeat")
	}
	send(t, c1, 1, nil)
	readFrame(t, c1)
	if err := srv.WaitShards(ended, 2); err != nil {
		t.Fatalf("not ready after both shards heartbeated: %v", err)
	}
}
