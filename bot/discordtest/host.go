package discordtest

import (
	"errors"
	"fmt"
	"sync"
	"testing"
)

// Misuse is the mistake a helper such as SlashCommand or Click would fail a
// test with, when the stand-in runs outside a test (see Host): a command
// that does not exist, a missing required option, a disabled button.
type Misuse struct{ Msg string }

func (m *Misuse) Error() string { return m.Msg }

// Host is a stand-in running outside `go test`, for `spotter playground`:
// there is no test to fail, so a helper's mistake is a *Misuse that Try
// returns, and what a test would be told is logged.
type Host struct {
	*Server
	h *hostTB
}

// StartHost starts a stand-in on 127.0.0.1 (a random port) for a program
// rather than a test. logf receives what would fail a test: schema
// violations, protocol errors. Close it when done.
func StartHost(opts Options, logf func(format string, args ...any)) (h *Host, err error) {
	tb := &hostTB{logf: logf}
	err = Try(func() { h = &Host{Server: Start(tb, opts), h: tb} })
	if err != nil {
		tb.runCleanups()
		return nil, fmt.Errorf("start the Discord stand-in: %w", err)
	}
	return h, nil
}

// Close stops the stand-in; it is safe to call more than once.
func (h *Host) Close() { h.h.runCleanups() }

// Try runs f, a use of the stand-in's helpers, and returns the *Misuse it
// stopped with, if any. Only a Host's helpers stop this way: in a test they
// fail the test.
func Try(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			var m *Misuse
			if e, ok := r.(error); ok && errors.As(e, &m) {
				err = m
				return
			}
			panic(r)
		}
	}()
	f()
	return nil
}

// hostTB is the testing.TB a Host's Server reports to. Only the methods the
// stand-in calls are implemented; the embedded nil interface satisfies the
// rest of testing.TB (including its unexported method).
type hostTB struct {
	testing.TB
	logf func(format string, args ...any)

	mu       sync.Mutex
	cleanups []func()
	failed   bool
}

func (t *hostTB) Helper() {}

// Logf and Log drop what a test would merely log (such as schema checks
// being skipped for want of Discord's spec): a program's user cannot act
// on it.
func (t *hostTB) Logf(string, ...any) {}
func (t *hostTB) Log(...any)          {}

func (t *hostTB) Errorf(format string, args ...any) {
	t.mu.Lock()
	t.failed = true
	t.mu.Unlock()
	t.logf(format, args...)
}

func (t *hostTB) Error(args ...any) { t.Errorf("%s", fmt.Sprint(args...)) }

// Fatalf stops the helper that called it with a *Misuse, which Try returns.
func (t *hostTB) Fatalf(format string, args ...any) {
	panic(&Misuse{Msg: fmt.Sprintf(format, args...)})
}

func (t *hostTB) Fatal(args ...any) { panic(&Misuse{Msg: fmt.Sprint(args...)}) }

func (t *hostTB) Failed() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.failed
}

func (t *hostTB) Name() string { return "spotter-playground" }

func (t *hostTB) Cleanup(f func()) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.cleanups = append(t.cleanups, f)
}

// runCleanups runs the registered cleanups once, last first.
func (t *hostTB) runCleanups() {
	t.mu.Lock()
	fs := t.cleanups
	t.cleanups = nil
	t.mu.Unlock()
	for i := len(fs) - 1; i >= 0; i-- {
		fs[i]()
	}
}
