package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
)

// WaitReady waits until a client has identified or resumed, is connected
// and has sent a heartbeat on every live session's connection (see
// gwSession.up).
func (s *Server) WaitReady(ctx context.Context) error {
	if err := s.sig.waitFor(ctx, func() bool { return s.gw.everyLive((*gwSession).up) }); err != nil {
		return fmt.Errorf("wait for the bot to connect to the gateway: %w", err)
	}
	return nil
}

// Connected reports whether a session is live and every live session (one
// per shard) has a connection.
func (s *Server) Connected() bool { return s.gw.everyLive((*gwSession).connected) }

// everyLive reports whether a session is live and ok holds for every live
// session.
func (g *gateway) everyLive(ok func(*gwSession) bool) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	live := g.liveLocked()
	for _, sess := range live {
		if !ok(sess) {
			return false
		}
	}
	return len(live) > 0
}

// Identifies is the number of successful IDENTIFYs.
func (s *Server) Identifies() int {
	s.gw.mu.Lock()
	defer s.gw.mu.Unlock()
	return s.gw.identifies
}

// Resumes is the number of successful RESUMEs.
func (s *Server) Resumes() int {
	s.gw.mu.Lock()
	defer s.gw.mu.Unlock()
	return s.gw.resumes
}

// DropConnection cuts the bot's gateway connections (every shard's)
// abruptly (TCP close, no close frame). The sessions stay resumable;
// dispatches made before the bot resumes are replayed to it.
func (s *Server) DropConnection() {
	g := s.gw
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, sess := range g.liveLocked() {
		if sess.conn != nil {
			g.killLocked(sess.conn)
		}
	}
}

// RequestReconnect sends op 7 Reconnect on every shard's connection; the
// sessions stay resumable.
func (s *Server) RequestReconnect() {
	g := s.gw
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, sess := range g.liveLocked() {
		if sess.conn != nil {
			_ = g.writeLocked(sess.conn, frame{Op: 7}, false) // a failed write hangs up, which also makes the bot reconnect.
		}
	}
}

// InvalidateSession sends op 9 Invalid Session with d=resumable on every
// shard's connection. The connection stays open and must IDENTIFY (or
// RESUME, if resumable) again; a non-resumable session is forgotten.
func (s *Server) InvalidateSession(resumable bool) {
	g := s.gw
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, sess := range g.liveLocked() {
		g.invalidateLocked(sess, resumable)
	}
}

// invalidateLocked sends op 9 on sess's connection; call with g.mu held.
func (g *gateway) invalidateLocked(sess *gwSession, resumable bool) {
	if sess.conn == nil {
		return
	}
	c := sess.conn
	d := json.RawMessage("false")
	if resumable {
		d = json.RawMessage("true")
	} else {
		sess.invalid = true
		delete(g.sessions, sess.id)
	}
	sess.conn, c.session = nil, nil
	_ = g.writeLocked(c, frame{Op: 9, D: d}, false) // a failed write hangs up; the bot reconnects.
	g.s.sig.broadcast()
}

// Dispatch sends a gateway event (for example MESSAGE_CREATE or
// GUILD_MEMBER_ADD) with the given data on the session of the shard of the
// guild it is about (guild_id, a GUILD_* event's id, or channel_id's
// guild; shard 0 for DMs); while the bot is disconnected it is kept for
// replay on RESUME.
func (s *Server) Dispatch(event string, data any) {
	s.t.Helper()
	b, err := json.Marshal(data)
	if err != nil {
		s.fatalf("marshal %s: %v", event, err)
	}
	if err := s.gw.dispatch(event, b); err != nil {
		s.fatalf("%v", err)
	}
}
