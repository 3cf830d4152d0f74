package commands

import (
	"sync"
	"time"
)

// testClock is a fake time that tests move by hand while real goroutines
// (the scheduler's heartbeat, the bot) read it.
type testClock struct {
	mu       sync.Mutex
	now      time.Time
	onChange []func()
}

func newTestClock(at time.Time) *testClock { return &testClock{now: at} }

// Now is the clock's current time.
func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Set moves the clock to t.
func (c *testClock) Set(t time.Time) {
	c.mu.Lock()
	c.now = t
	c.mu.Unlock()
	c.changed()
}

// Advance moves the clock on by d.
func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
	c.changed()
}

// wakeOnChange makes every later Set and Advance call wake (a scheduler's
// Wake), so the jobs the move made due run at once instead of at the next
// real heartbeat. The heartbeat still beats; this only saves the wait.
func (c *testClock) wakeOnChange(wake func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.onChange = append(c.onChange, wake)
}

func (c *testClock) changed() {
	c.mu.Lock()
	hooks := append([]func(){}, c.onChange...)
	c.mu.Unlock()
	for _, f := range hooks {
		f()
	}
}
