package discordtest

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Gateway close codes Discord uses.
const (
	closeUnknownOpcode    = 4001
	closeDecodeError      = 4002
	closeNotAuthenticated = 4003
	closeAuthFailed       = 4004
	closeAlreadyAuthed    = 4005
	closeInvalidSeq       = 4007
	closeInvalidVersion   = 4012
	closeInvalidIntents   = 4013
)

// compressAbove is the payload size from which a connection that asked for
// compression gets zlib-compressed binary frames, as Discord sends large
// payloads.
const compressAbove = 1024

// gateway is the websocket side of the stand-in: one live session per
// shard (see shard.go). mu also serialises writes, so dispatches go out in
// seq order.
type gateway struct {
	s        *Server
	upgrader websocket.Upgrader

	mu    sync.Mutex
	conns map[*gwConn]bool
	shut  bool // set by closeAll: new connections are refused
	// live is each shard's current session, by [id, count].
	live       map[[2]int]*gwSession
	sessions   map[string]*gwSession
	identifies int
	resumes    int
	// identifyLog is every IDENTIFY; lastIdentify is the time of each
	// bucket's last accepted one.
	identifyLog  []IdentifyRecord
	lastIdentify map[int]time.Time
}

// gwConn is one websocket connection.
type gwConn struct {
	ws      *websocket.Conn
	version string
	session *gwSession // nil until IDENTIFY or RESUME succeeds
	dead    bool
	refused int // IDENTIFYs refused for coming too soon
	// beat is set at the connection's first heartbeat: its client's
	// heartbeat loop is running (see gwSession.up).
	beat bool
}

// frame is a gateway payload.
type frame struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
	S  *int64          `json:"s"`
	T  *string         `json:"t"`
}

func newGateway(s *Server) *gateway {
	return &gateway{
		s:            s,
		upgrader:     websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }},
		conns:        map[*gwConn]bool{},
		live:         map[[2]int]*gwSession{},
		sessions:     map[string]*gwSession{},
		lastIdentify: map[int]time.Time{},
	}
}

// serve runs one gateway connection until it closes.
func (g *gateway) serve(w http.ResponseWriter, r *http.Request) {
	g.s.mu.Lock()
	if g.s.closed {
		g.s.mu.Unlock()
		http.Error(w, "closed", http.StatusServiceUnavailable)
		return
	}
	g.s.wg.Add(1)
	g.s.mu.Unlock()
	defer g.s.wg.Done()

	ws, err := g.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade has already answered the client.
	}
	c := &gwConn{ws: ws, version: r.URL.Query().Get("v")}
	g.mu.Lock()
	if g.shut {
		g.mu.Unlock()
		_ = ws.Close() // the stand-in is closing; the client sees a dropped connection.
		return
	}
	g.conns[c] = true
	g.mu.Unlock()
	defer g.drop(c)

	q := r.URL.Query()
	if v := q.Get("v"); v != "" && v != "9" && v != "10" {
		g.closeWith(c, closeInvalidVersion, "Invalid API version.")
		return
	}
	if e := q.Get("encoding"); e != "" && e != "json" {
		g.violation("encoding %q requested; the stand-in speaks json only", e)
		g.closeWith(c, closeDecodeError, "Error while decoding payload.")
		return
	}
	hello, _ := json.Marshal(map[string]int64{"heartbeat_interval": g.s.opts.HeartbeatInterval.Milliseconds()}) // a map of ints always marshals.
	g.mu.Lock()
	err = g.writeLocked(c, frame{Op: 10, D: hello}, false)
	g.mu.Unlock()
	if err != nil {
		return
	}
	for {
		_, data, err := ws.ReadMessage()
		if err != nil {
			g.closed(c, err)
			return
		}
		if !g.handle(c, data) {
			return
		}
	}
}

// handle processes one client payload; false ends the connection.
func (g *gateway) handle(c *gwConn, data []byte) bool {
	var f frame
	if err := json.Unmarshal(data, &f); err != nil {
		g.violation("undecodable gateway payload: %v", err)
		g.closeWith(c, closeDecodeError, "Error while decoding payload.")
		return false
	}
	switch f.Op {
	case 1:
		g.mu.Lock()
		defer g.mu.Unlock()
		if !c.beat {
			c.beat = true
			g.s.sig.broadcast()
		}
		return g.writeLocked(c, frame{Op: 11}, false) == nil
	case 2:
		return g.identify(c, f.D)
	case 6:
		return g.resume(c, f.D)
	case 3, 4, 8:
		if !g.authed(c) {
			g.violation("op %d sent before IDENTIFY", f.Op)
			g.closeWith(c, closeNotAuthenticated, "Not authenticated.")
			return false
		}
		return true
	default:
		g.violation("unknown gateway opcode %d", f.Op)
		g.closeWith(c, closeUnknownOpcode, "Unknown opcode.")
		return false
	}
}

func (g *gateway) authed(c *gwConn) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return c.session != nil
}

// zlibWriters reuses compressors: a zlib writer holds about 800 KB, and a
// fresh one per message made the stand-in's garbage, not the bot's, set
// the pace of garbage collection, and with it the latency tail that the
// benchmarks measure.
var zlibWriters = sync.Pool{New: func() any { return zlib.NewWriter(nil) }}

// writeLocked sends a frame; call with g.mu held. Large payloads go out
// zlib-compressed in a binary frame when the session asked for compression.
func (g *gateway) writeLocked(c *gwConn, f frame, compress bool) error {
	if c.dead {
		return errors.New("connection is closed")
	}
	b, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("marshal gateway frame: %w", err)
	}
	kind := websocket.TextMessage
	if compress && len(b) > compressAbove {
		var buf bytes.Buffer
		zw := zlibWriters.Get().(*zlib.Writer)
		zw.Reset(&buf)
		_, _ = zw.Write(b) // writes to a bytes.Buffer cannot fail
		_ = zw.Close()
		zlibWriters.Put(zw)
		b, kind = buf.Bytes(), websocket.BinaryMessage
	}
	_ = c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	if err := c.ws.WriteMessage(kind, b); err != nil {
		g.killLocked(c)
		return fmt.Errorf("write gateway frame: %w", err)
	}
	return nil
}

// closeWith sends a close frame with a Discord close code and hangs up.
func (g *gateway) closeWith(c *gwConn, code int, text string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.closeWithLocked(c, code, text)
}

func (g *gateway) closeWithLocked(c *gwConn, code int, text string) {
	if c.dead {
		return
	}
	_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), time.Now().Add(time.Second))
	g.killLocked(c)
}

// killLocked hangs up without a close frame and detaches the session, which
// stays resumable; call with g.mu held.
func (g *gateway) killLocked(c *gwConn) {
	if c.dead {
		return
	}
	c.dead = true
	_ = c.ws.Close() // the connection is being abandoned; its close error says nothing.
	if c.session != nil && c.session.conn == c {
		c.session.conn = nil
	}
	c.session = nil
	g.s.sig.broadcast()
}

// closed handles the client going away. A close frame with 1000 or 1001
// invalidates the session, as on Discord; other closes leave it resumable.
func (g *gateway) closed(c *gwConn, err error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	var ce *websocket.CloseError
	if errors.As(err, &ce) && (ce.Code == websocket.CloseNormalClosure || ce.Code == websocket.CloseGoingAway) && c.session != nil {
		delete(g.sessions, c.session.id)
		c.session.invalid = true
	}
	g.killLocked(c)
}

func (g *gateway) drop(c *gwConn) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.killLocked(c)
	delete(g.conns, c)
}

// closeAll hangs up every connection, for Server.Close.
func (g *gateway) closeAll() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.shut = true
	for c := range g.conns {
		g.killLocked(c)
	}
}

func (g *gateway) violation(format string, args ...any) {
	g.s.violate(Violation{Kind: "gateway", Detail: fmt.Sprintf(format, args...)})
}
