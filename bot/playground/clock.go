package playground

import (
	"sync"
	"time"
)

// Clock is real time plus an offset the page can jump forward, so the
// bot's scheduler sees tomorrow's check-in as due now while everything
// else keeps ticking.
type Clock struct {
	mu     sync.Mutex
	offset time.Duration
}

// Now is the playground's time: the wall clock plus every jump so far.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.offset)
}

// Advance jumps the clock forward by d; negative d is ignored, since time
// going back would confuse the scheduler as it would in production.
func (c *Clock) Advance(d time.Duration) {
	if d <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.offset += d
}

// Offset is how far ahead of the wall clock the playground is.
func (c *Clock) Offset() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.offset
}
