package discordtest

import (
	"context"
	"sync"
)

// signal wakes every waiter when the stand-in's state changes. Waiters take
// the current channel before checking their condition, so no change is missed.
type signal struct {
	mu sync.Mutex
	ch chan struct{}
}

func newSignal() *signal { return &signal{ch: make(chan struct{})} }

func (s *signal) current() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ch
}

func (s *signal) broadcast() {
	s.mu.Lock()
	defer s.mu.Unlock()
	close(s.ch)
	s.ch = make(chan struct{})
}

// waitFor blocks until cond reports true or ctx ends.
func (s *signal) waitFor(ctx context.Context, cond func() bool) error {
	for {
		ch := s.current()
		if cond() {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// Changed returns a channel that is closed at the stand-in's next change of
// state: a request recorded (every REST call and interaction callback is
// one), a message created, edited or deleted, a gateway session coming or
// going. Take it before checking a condition and wait on it after, so no
// change is missed; a condition on state outside the stand-in (the bot's
// database) needs its own wake-up besides.
func (s *Server) Changed() <-chan struct{} { return s.sig.current() }

// WaitUntil blocks until cond, a condition on the stand-in's state, holds,
// checking it again at each change (see Changed), or until ctx ends.
func (s *Server) WaitUntil(ctx context.Context, cond func() bool) error {
	return s.sig.waitFor(ctx, cond)
}
