package discordtest

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

func TestSessionGetsReadyAndGuildCreate(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := newSession(t, srv)
	ready := make(chan *discordgo.Ready, 1)
	guilds := make(chan *discordgo.GuildCreate, 1)
	dg.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) { ready <- r })
	dg.AddHandler(func(_ *discordgo.Session, g *discordgo.GuildCreate) { guilds <- g })
	if err := dg.Open(); err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { _ = dg.Close() })

	r := next(t, ready)
	if r.User.ID != srv.ApplicationID() || !r.User.Bot || r.SessionID == "" {
		t.Errorf("READY user %+v session %q: want the bot user and a session id", r.User, r.SessionID)
	}
	g := next(t, guilds)
	if g.ID != DefaultGuildID || len(g.Channels) != 2 || g.Channels[0].ID != DefaultChannelID {
		t.Errorf("GUILD_CREATE = %s with %d channels, want the default guild with #general first", g.ID, len(g.Channels))
	}
	if srv.Identifies() != 1 || !srv.Connected() {
		t.Errorf("identifies %d connected %v, want 1 and true", srv.Identifies(), srv.Connected())
	}
}

// dialRaw opens a websocket to the stand-in's gateway and reads HELLO.
func dialRaw(t *testing.T, srv *Server) (*websocket.Conn, int64) {
	t.Helper()
	wsURL := strings.Replace(srv.APIURL(), "http://", "ws://", 1)
	wsURL = strings.TrimSuffix(wsURL, "/api/v9") + "/gateway/?v=9&encoding=json"
	c, _, err := websocket.DefaultDialer.DialContext(ctxT(t), wsURL, nil)
	if err != nil {
		t.Fatalf("dial gateway: %v", err)
	}
	t.Cleanup(func() { _ = c.Close() })
	hello := readFrame(t, c)
	var d struct {
		HeartbeatInterval int64 `json:"heartbeat_interval"`
	}
	if hello.Op != 10 || json.Unmarshal(hello.D, &d) != nil || d.HeartbeatInterval == 0 {
		t.Fatalf("first frame op %d %s, want HELLO with heartbeat_interval", hello.Op, hello.D)
	}
	return c, d.HeartbeatInterval
}

func readFrame(t *testing.T, c *websocket.Conn) frame {
	t.Helper()
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	var f frame
	if err := c.ReadJSON(&f); err != nil {
		t.Fatalf("read gateway frame: %v", err)
	}
	return f
}

func send(t *testing.T, c *websocket.Conn, op int, d any) {
	t.Helper()
	if err := c.WriteJSON(map[string]any{"op": op, "d": d}); err != nil {
		t.Fatalf("write op %d: %v", op, err)
	}
}

func identifyRaw(t *testing.T, srv *Server, c *websocket.Conn) string {
	t.Helper()
	send(t, c, 2, map[string]any{"token": srv.Token(), "intents": 513, "properties": map[string]string{"os": "linux"}})
	f := readFrame(t, c)
	if f.T == nil || *f.T != "READY" {
		t.Fatalf("after IDENTIFY got op %d, want READY", f.Op)
	}
	var r struct {
		SessionID string `json:"session_id"`
	}
	_ = json.Unmarshal(f.D, &r)
	readFrame(t, c) // GUILD_CREATE
	return r.SessionID
}

func TestHeartbeatIsAcknowledged(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{HeartbeatInterval: 250 * time.Millisecond})
	c, interval := dialRaw(t, srv)
	if interval != 250 {
		t.Errorf("heartbeat_interval = %d, want the configured 250", interval)
	}
	send(t, c, 1, nil)
	if f := readFrame(t, c); f.Op != 11 {
		t.Errorf("reply to heartbeat is op %d, want 11", f.Op)
	}
}

func TestWrongTokenClosesWith4004(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	c, _ := dialRaw(t, srv)
	send(t, c, 2, map[string]any{"token": "not-the-token", "intents": 0})
	_, _, err := c.ReadMessage()
	var ce *websocket.CloseError
	if !errors.As(err, &ce) || ce.Code != 4004 {
		t.Errorf("read after bad IDENTIFY: %v, want close 4004", err)
	}
}

func TestResumeAfterInvalidSession(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		resumable bool
	}{{"resumable session can resume", true}, {"non-resumable session is refused", false}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := Start(t, Options{})
			c, _ := dialRaw(t, srv)
			sid := identifyRaw(t, srv, c)
			srv.InvalidateSession(tc.resumable)
			f := readFrame(t, c)
			if f.Op != 9 || string(f.D) != map[bool]string{true: "true", false: "false"}[tc.resumable] {
				t.Fatalf("got op %d d=%s, want op 9 d=%v", f.Op, f.D, tc.resumable)
			}
			c2, _ := dialRaw(t, srv)
			send(t, c2, 6, map[string]any{"token": srv.Token(), "session_id": sid, "seq": 2})
			f = readFrame(t, c2)
			resumed := f.T != nil && *f.T == "RESUMED"
			if resumed != tc.resumable {
				t.Errorf("RESUME answered op %d t=%v, want resumed=%v", f.Op, f.T, tc.resumable)
			}
		})
	}
}

func TestDropConnectionResumesAndReplaysMissedEvents(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := openSession(t, srv)
	got := make(chan *discordgo.MessageCreate, 1)
	resumed := make(chan struct{}, 1)
	dg.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { got <- m })
	dg.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) { resumed <- struct{}{} })

	srv.DropConnection()
	if srv.Connected() {
		t.Fatal("still connected after DropConnection")
	}
	srv.Dispatch("MESSAGE_CREATE", map[string]any{
		"id": "1300000000000000001", "channel_id": DefaultChannelID, "content": "sent while you were away",
		"author": map[string]any{"id": "1300000000000000002", "username": "lifter"},
	})

	m := next(t, got)
	if m.Content != "sent while you were away" {
		t.Errorf("replayed message content %q", m.Content)
	}
	next(t, resumed)
	if srv.Resumes() != 1 || srv.Identifies() != 1 {
		t.Errorf("resumes %d identifies %d, want 1 and 1 (a resume, not a new session)", srv.Resumes(), srv.Identifies())
	}
}

// TestWaitReadyWaitsForTheFirstHeartbeat: a client is ready once it has
// heartbeated on its connection, after IDENTIFY and again after RESUME.
// Until then discordgo's heartbeat loop for the connection has not run, and
// cutting the connection makes that loop close the resumed connection with
// 1000, which ends the session (see gwSession.up).
func TestWaitReadyWaitsForTheFirstHeartbeat(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	ended, cancel := context.WithCancel(context.Background())
	cancel() // WaitReady with an ended context only checks.
	c, _ := dialRaw(t, srv)
	sid := identifyRaw(t, srv, c)
	if !srv.Connected() {
		t.Fatal("not connected after READY")
	}
	if srv.WaitReady(ended) == nil {
		t.Fatal("ready after READY, before the client's first heartbeat")
	}
	send(t, c, 1, nil)
	readFrame(t, c) // the ACK
	if err := srv.WaitReady(ended); err != nil {
		t.Fatalf("not ready after the first heartbeat: %v", err)
	}

	srv.DropConnection()
	c2, _ := dialRaw(t, srv)
	send(t, c2, 6, map[string]any{"token": srv.Token(), "session_id": sid, "seq": 2})
	if f := readFrame(t, c2); f.T == nil || *f.T != "RESUMED" {
		t.Fatalf("RESUME answered op %d, want RESUMED", f.Op)
	}
	if srv.WaitReady(ended) == nil {
		t.Fatal("ready after RESUMED, before a heartbeat on the new connection")
	}
	send(t, c2, 1, nil)
	readFrame(t, c2)
	if err := srv.WaitReady(ended); err != nil {
		t.Fatalf("not ready after a heartbeat on the resumed connection: %v", err)
	}
}

func TestReconnectRequestLeadsToResume(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := openSession(t, srv)
	resumed := make(chan struct{}, 1)
	dg.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) { resumed <- struct{}{} })

	srv.RequestReconnect()

	next(t, resumed)
	if srv.Resumes() != 1 || srv.Identifies() != 1 {
		t.Errorf("resumes %d identifies %d, want 1 and 1", srv.Resumes(), srv.Identifies())
	}
}

func TestInvalidSessionLeadsToNewIdentify(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := openSession(t, srv)
	ready := make(chan struct{}, 1)
	dg.AddHandler(func(_ *discordgo.Session, _ *discordgo.Ready) { ready <- struct{}{} })

	srv.InvalidateSession(false)

	next(t, ready)
	if srv.Identifies() != 2 {
		t.Errorf("identifies = %d, want 2 (the bot identified again)", srv.Identifies())
	}
	if err := srv.WaitReady(ctxT(t)); err != nil {
		t.Fatal(err)
	}
}

func TestLargeDispatchesAreCompressedWhenAsked(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	c, _ := dialRaw(t, srv)
	send(t, c, 2, map[string]any{"token": srv.Token(), "intents": 0, "compress": true})
	for range 2 { // READY and GUILD_CREATE
		if _, _, err := c.ReadMessage(); err != nil {
			t.Fatal(err)
		}
	}

	srv.Dispatch("GUILD_MEMBER_ADD", map[string]string{"note": strings.Repeat("x", 2000)})

	kind, data, err := c.ReadMessage()
	if err != nil {
		t.Fatal(err)
	}
	if kind != websocket.BinaryMessage {
		t.Fatalf("frame type %d, want a binary (zlib) frame", kind)
	}
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var f frame
	if err := json.NewDecoder(zr).Decode(&f); err != nil || f.T == nil || *f.T != "GUILD_MEMBER_ADD" {
		t.Errorf("decompressed frame %+v, %v", f, err)
	}
}
