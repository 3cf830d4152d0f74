package discordtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// gwSession is a gateway session: the dispatches sent under it are kept so a
// RESUME can replay what the client missed.
type gwSession struct {
	id       string
	seq      int64
	log      []frame
	conn     *gwConn
	intents  int64
	compress bool
	invalid  bool
	shard    [2]int // [id, count]
}

// connected reports whether sess has a connection.
func (sess *gwSession) connected() bool { return sess.conn != nil }

// up reports whether sess has a connection whose client has started
// heartbeating on it. discordgo (v0.29.0) starts a connection's heartbeat
// loop after READY or RESUMED. If the connection drops before that loop's
// first heartbeat, the loop's late write fails and it calls Session.Close,
// which closes whatever connection the session has by then, the resumed
// one, with 1000: that ends the session, here as on Discord. Waiting for
// the first heartbeat lets a test cut the connection safely.
func (sess *gwSession) up() bool { return sess.conn != nil && sess.conn.beat }

type identifyData struct {
	Token    string          `json:"token"`
	Intents  json.RawMessage `json:"intents"`
	Compress bool            `json:"compress"`
	Shard    *[2]int         `json:"shard"`
}

type resumeData struct {
	Token     string `json:"token"`
	SessionID string `json:"session_id"`
	Seq       int64  `json:"seq"`
}

// tokenOK accepts the token with or without the "Bot " prefix, as Discord
// does on the gateway.
func (g *gateway) tokenOK(tok string) bool {
	return strings.TrimPrefix(tok, "Bot ") == g.s.opts.Token
}

// admit decodes an IDENTIFY or RESUME payload into v and checks what both
// need: a connection not identified yet and the right token, which decoding
// stores in *token. On failure it closes the connection as Discord does and
// returns false.
func (g *gateway) admit(c *gwConn, op string, raw json.RawMessage, v any, token *string) bool {
	if err := json.Unmarshal(raw, v); err != nil {
		g.violation("%s payload: %v", op, err)
		g.closeWith(c, closeDecodeError, "Error while decoding payload.")
		return false
	}
	if g.authed(c) {
		g.violation("%s on a connection that is already identified", op)
		g.closeWith(c, closeAlreadyAuthed, "Already authenticated.")
		return false
	}
	if !g.tokenOK(*token) {
		g.closeWith(c, closeAuthFailed, "Authentication failed.")
		return false
	}
	return true
}

func (g *gateway) identify(c *gwConn, raw json.RawMessage) bool {
	var d identifyData
	if !g.admit(c, "IDENTIFY", raw, &d, &d.Token) {
		return false
	}
	var intents int64
	if len(d.Intents) == 0 || json.Unmarshal(d.Intents, &intents) != nil || intents < 0 {
		g.violation("IDENTIFY without a valid intents field: %s", string(d.Intents))
		g.closeWith(c, closeInvalidIntents, "Invalid intent(s).")
		return false
	}
	shard := unsharded
	if d.Shard != nil {
		shard = *d.Shard
	}
	if !g.checkShard(c, shard) {
		return false
	}
	sess := &gwSession{id: randomToken(16), intents: intents, compress: d.Compress, conn: c, shard: shard}
	ready := g.readyPayload(sess, c, d.Shard)
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.paceLocked(shard) {
		return g.refuseTooSoonLocked(c, shard)
	}
	if old := g.live[shard]; old != nil && old.conn != nil && old.conn != c {
		g.killLocked(old.conn)
	}
	c.session = sess
	g.live[shard] = sess
	g.sessions[sess.id] = sess
	g.identifies++
	if g.sendLocked(sess, "READY", ready) != nil {
		return false
	}
	for _, gd := range g.guildPayloads(shard) {
		if g.sendLocked(sess, "GUILD_CREATE", gd) != nil {
			return false
		}
	}
	g.s.sig.broadcast()
	return true
}

func (g *gateway) resume(c *gwConn, raw json.RawMessage) bool {
	var d resumeData
	if !g.admit(c, "RESUME", raw, &d, &d.Token) {
		return false
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	sess := g.sessions[d.SessionID]
	if sess == nil || sess.invalid {
		return g.writeLocked(c, frame{Op: 9, D: json.RawMessage("false")}, false) == nil
	}
	if d.Seq > sess.seq || d.Seq < 0 {
		g.closeWithLocked(c, closeInvalidSeq, "Invalid seq.")
		return false
	}
	if sess.conn != nil && sess.conn != c {
		g.killLocked(sess.conn)
	}
	sess.conn, c.session = c, sess
	g.live[sess.shard] = sess
	g.resumes++
	for _, f := range sess.log {
		if *f.S > d.Seq && g.writeLocked(c, f, sess.compress) != nil {
			return false
		}
	}
	if g.sendLocked(sess, "RESUMED", json.RawMessage(`{"_trace":["discordtest"]}`)) != nil {
		return false
	}
	g.s.sig.broadcast()
	return true
}

// sendLocked numbers a dispatch, logs it for replay and writes it when the
// session has a connection; call with g.mu held.
func (g *gateway) sendLocked(sess *gwSession, event string, data json.RawMessage) error {
	sess.seq++
	seq, name := sess.seq, event
	f := frame{Op: 0, D: data, S: &seq, T: &name}
	sess.log = append(sess.log, f)
	if sess.conn == nil {
		return nil
	}
	return g.writeLocked(sess.conn, f, sess.compress)
}

// errNoSession means no bot has identified yet.
var errNoSession = errors.New("no gateway session: the bot has not identified yet (wait with WaitReady)")

// dispatch sends an event to the sessions of the shard of the guild it is
// about (see routeGuild). While a session is disconnected the event is
// kept and replayed when it resumes.
func (g *gateway) dispatch(event string, data json.RawMessage) error {
	guildID := g.s.routeGuild(event, data)
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.liveLocked()) == 0 {
		return errNoSession
	}
	targets := g.targetsLocked(guildID)
	if len(targets) == 0 {
		return fmt.Errorf("dispatch %s: no gateway session holds guild %q (its shard has not identified)", event, guildID)
	}
	for _, sess := range targets {
		if err := g.sendLocked(sess, event, data); err != nil {
			return fmt.Errorf("dispatch %s: %w", event, err)
		}
	}
	return nil
}

// dispatchIf sends an event to the sessions of its guild's shard that asked
// for any of the intents; events to a bot that is not there are dropped.
func (g *gateway) dispatchIf(intents int64, event string, data json.RawMessage) {
	guildID := g.s.routeGuild(event, data)
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, sess := range g.targetsLocked(guildID) {
		if sess.intents&intents != 0 {
			_ = g.sendLocked(sess, event, data) // a failed write hangs up; the event stays logged for resume.
		}
	}
}

// currentIntents is the union of the live sessions' intents.
func (g *gateway) currentIntents() int64 {
	g.mu.Lock()
	defer g.mu.Unlock()
	var out int64
	for _, sess := range g.liveLocked() {
		out |= sess.intents
	}
	return out
}
