package discordtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// rewrite sends discordgo's https://discord.com/api/v9 requests to the
// stand-in, as the bot's own transport does in production wiring.
type rewrite struct {
	base *url.URL
	next http.RoundTripper
}

func (rw rewrite) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host == "discord.com" && strings.HasPrefix(r.URL.Path, "/api/v9/") {
		r = r.Clone(r.Context())
		r.URL.Scheme, r.URL.Host = rw.base.Scheme, rw.base.Host
		r.URL.Path = rw.base.Path + strings.TrimPrefix(r.URL.Path, "/api/v9")
		r.Host = ""
	}
	return rw.next.RoundTrip(r)
}

// newSession returns a discordgo session pointed at srv, not yet opened.
func newSession(t *testing.T, srv *Server) *discordgo.Session {
	t.Helper()
	dg, err := discordgo.New("Bot " + srv.Token())
	if err != nil {
		t.Fatalf("discordgo.New: %v", err)
	}
	base, err := url.Parse(srv.APIURL())
	if err != nil {
		t.Fatalf("parse API URL: %v", err)
	}
	dg.Client = &http.Client{Timeout: 10 * time.Second, Transport: rewrite{base: base, next: http.DefaultTransport}}
	dg.LogLevel = -1 // discordgo logs every reconnect to stderr; the tests assert on behaviour instead.
	return dg
}

// openSession opens a session, waits until the stand-in sees it identified
// and closes it before the stand-in closes.
func openSession(t *testing.T, srv *Server) *discordgo.Session {
	t.Helper()
	dg := newSession(t, srv)
	if err := dg.Open(); err != nil {
		t.Fatalf("open session: %v", err)
	}
	t.Cleanup(func() { _ = dg.Close() })
	if err := srv.WaitReady(ctxT(t)); err != nil {
		t.Fatalf("%v", err)
	}
	return dg
}

// ctxT is a context that ends well before the test binary's timeout.
func ctxT(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// interactions delivers every INTERACTION_CREATE the session sees.
func interactions(dg *discordgo.Session) <-chan *discordgo.InteractionCreate {
	ch := make(chan *discordgo.InteractionCreate, 16)
	dg.AddHandler(func(_ *discordgo.Session, ic *discordgo.InteractionCreate) { ch <- ic })
	return ch
}

// next receives from ch or fails the test after the context ends.
func next[T any](t *testing.T, ch <-chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-ctxT(t).Done():
		var zero T
		t.Fatalf("timed out waiting for %T", zero)
		return zero
	}
}

// restCode returns the Discord error code of a discordgo REST error.
func restCode(t *testing.T, err error) int {
	t.Helper()
	var re *discordgo.RESTError
	if !errors.As(err, &re) || re.Message == nil {
		t.Fatalf("want a *discordgo.RESTError with a JSON message, got %v", err)
	}
	return re.Message.Code
}

// formErrorPaths flattens an Invalid Form Body error to its field paths.
func formErrorPaths(t *testing.T, err error) []string {
	t.Helper()
	var re *discordgo.RESTError
	if !errors.As(err, &re) {
		t.Fatalf("want a *discordgo.RESTError, got %v", err)
	}
	return errorPaths(t, re.ResponseBody)
}

func errorPaths(t *testing.T, body []byte) []string {
	t.Helper()
	var e struct {
		Code   int            `json:"code"`
		Errors map[string]any `json:"errors"`
	}
	if err := json.Unmarshal(body, &e); err != nil {
		t.Fatalf("error body %s: %v", body, err)
	}
	if e.Code != 50035 {
		t.Fatalf("want code 50035, got body %s", body)
	}
	var out []string
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for k, v := range m {
			if k == "_errors" {
				out = append(out, prefix)
				continue
			}
			if child, ok := v.(map[string]any); ok {
				walk(strings.TrimPrefix(prefix+"."+k, "."), child)
			}
		}
	}
	walk("", e.Errors)
	return out
}

// raw sends one request straight to the stand-in, bypassing discordgo's
// rate limiter and retries.
func raw(t *testing.T, srv *Server, method, path string, body any) *http.Response {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctxT(t), method, srv.APIURL()+path, rd)
	if err != nil {
		t.Fatalf("new request: %v", err)
	}
	req.Header.Set("Authorization", "Bot "+srv.Token())
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	t.Cleanup(func() { _ = resp.Body.Close() })
	return resp
}

func readBody(t *testing.T, resp *http.Response) []byte {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	return b
}

// fatalCatcher is a testing.TB whose Fatalf records the message and stops
// the calling goroutine, so tests can check that misuse fails clearly.
type fatalCatcher struct {
	testing.TB
	msg chan string
}

func (f *fatalCatcher) Fatalf(format string, args ...any) {
	f.msg <- fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// expectFatal runs fn in its own goroutine and returns the Fatalf message it
// produced, failing if it returned normally.
func expectFatal(t *testing.T, fc *fatalCatcher, fn func()) string {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	<-done
	select {
	case m := <-fc.msg:
		return m
	default:
		t.Fatalf("expected the helper to fail the test, it returned normally")
		return ""
	}
}
