package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
)

// WaitReady waits until a client has identified or resumed and is connected.
func (s *Server) WaitReady(ctx context.Context) error {
	if err := s.sig.waitFor(ctx, s.Connected); err != nil {
		return fmt.Errorf("wait for the bot to connect to the gateway: %w", err)
	}
	return nil
}

// Connected reports whether the current session has a live connection.
func (s *Server) Connected() bool {
	g := s.gw
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.current != nil && !g.current.invalid && g.current.conn != nil
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

// DropConnection cuts the bot's gateway connection abruptly (TCP close, no
// close frame). The session stays resumable; dispatches made before the bot
// resumes are replayed to it.
func (s *Server) DropConnection() {
	g := s.gw
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.current != nil && g.current.conn != nil {
		g.killLocked(g.current.conn)
	}
}

// RequestReconnect sends op 7 Reconnect; the session stays resumable.
func (s *Server) RequestReconnect() {
	g := s.gw
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.current != nil && g.current.conn != nil {
		_ = g.writeLocked(g.current.conn, frame{Op: 7}, false) // a failed write hangs up, which also makes the bot reconnect.
	}
}

// InvalidateSession sends op 9 Invalid Session with d=resumable. The
// connection stays open and must IDENTIFY (or RESUME, if resumable) again;
// a non-resumable session is forgotten.
func (s *Server) InvalidateSession(resumable bool) {
	g := s.gw
	g.mu.Lock()
	defer g.mu.Unlock()
	sess := g.current
	if sess == nil || sess.conn == nil {
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
	s.sig.broadcast()
}

// Dispatch sends a gateway event (for example MESSAGE_CREATE or
// GUILD_MEMBER_ADD) with the given data on the bot's session; while the bot
// is disconnected it is kept for replay on RESUME.
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
