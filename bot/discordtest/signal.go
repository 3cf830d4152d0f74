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
