package discordtest

import (
	"encoding/json"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

type limitBody struct {
	Message    string  `json:"message"`
	RetryAfter float64 `json:"retry_after"`
	Global     bool    `json:"global"`
}

func TestGlobalRateLimitAnswers429(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{GlobalRateLimit: 3})
	for i := range 3 {
		if resp := raw(t, srv, "GET", "/users/@me", nil); resp.StatusCode != 200 {
			t.Fatalf("request %d within the limit: status %d", i+1, resp.StatusCode)
		}
	}

	resp := raw(t, srv, "GET", "/gateway/bot", nil)

	if resp.StatusCode != 429 {
		t.Fatalf("4th request in a second: status %d, want 429", resp.StatusCode)
	}
	var body limitBody
	if err := json.Unmarshal(readBody(t, resp), &body); err != nil {
		t.Fatal(err)
	}
	if body.Message != "You are being rate limited." || !body.Global || body.RetryAfter <= 0 || body.RetryAfter > 1 {
		t.Errorf("body %+v, want Discord's global 429 body with retry_after within a second", body)
	}
	h := resp.Header
	if h.Get("X-RateLimit-Global") != "true" || h.Get("X-RateLimit-Scope") != "global" || h.Get("Retry-After") != "1" {
		t.Errorf("headers global=%q scope=%q retry-after=%q", h.Get("X-RateLimit-Global"), h.Get("X-RateLimit-Scope"), h.Get("Retry-After"))
	}
	if srv.RateLimited() != 1 {
		t.Errorf("RateLimited = %d, want 1", srv.RateLimited())
	}
}

func TestDiscordgoSurfacesRateLimitErrorWhenNotRetrying(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{GlobalRateLimit: 1})
	dg := newSession(t, srv)
	dg.ShouldRetryOnRateLimit = false
	if _, err := dg.User("@me"); err != nil {
		t.Fatal(err)
	}

	_, err := dg.User("@me")

	var rle *discordgo.RateLimitError
	if !errors.As(err, &rle) || rle.RetryAfter <= 0 {
		t.Fatalf("second call: %v, want a *discordgo.RateLimitError with RetryAfter", err)
	}
}

func TestInteractionCallbacksAreExemptFromTheGlobalLimit(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{GlobalRateLimit: 1})
	dg := openSession(t, srv)
	register(t, srv, dg, "") // uses up the global second
	errs := make(chan error, 1)
	dg.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
		errs <- s.InteractionRespond(ic.Interaction, reply("ok"), discordgo.WithRetryOnRatelimit(false))
	})

	srv.SlashCommand(member, "sore-back", Opt("topic", "x"))

	if err := next(t, errs); err != nil {
		t.Errorf("callback while the global limit is spent: %v", err)
	}
}

func TestRouteBucketIsPerChannel(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	post := func(channel string) int {
		return raw(t, srv, "POST", "/channels/"+channel+"/messages", map[string]string{"content": "tip"}).StatusCode
	}
	for i := range 5 {
		if code := post(DefaultChannelID); code != 200 {
			t.Fatalf("message %d: status %d", i+1, code)
		}
	}

	resp := raw(t, srv, "POST", "/channels/"+DefaultChannelID+"/messages", map[string]string{"content": "one too many"})

	if resp.StatusCode != 429 {
		t.Fatalf("6th message in 5 s: status %d, want 429", resp.StatusCode)
	}
	var body limitBody
	if err := json.Unmarshal(readBody(t, resp), &body); err != nil {
		t.Fatal(err)
	}
	h := resp.Header
	if body.Global || h.Get("X-RateLimit-Scope") != "user" || h.Get("X-RateLimit-Remaining") != "0" || h.Get("X-RateLimit-Limit") != "5" || h.Get("X-RateLimit-Bucket") == "" {
		t.Errorf("body %+v headers %v: want a per-route 429", body, h)
	}
	after, err := strconv.ParseFloat(h.Get("X-RateLimit-Reset-After"), 64)
	if err != nil || after <= 0 || after > 5 || time.Duration(body.RetryAfter*float64(time.Second)) > 5*time.Second {
		t.Errorf("reset-after %q retry_after %v, want within the 5 s window", h.Get("X-RateLimit-Reset-After"), body.RetryAfter)
	}
	if code := post(DefaultTipsChannel); code != 200 {
		t.Errorf("another channel's bucket: status %d, want 200", code)
	}
}

func TestEveryResponseCarriesBucketHeaders(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})

	resp := raw(t, srv, "GET", "/channels/"+DefaultChannelID+"/messages/1700000000000000001", nil)

	if resp.StatusCode != 404 {
		t.Fatalf("status %d, want 404 for an unknown message", resp.StatusCode)
	}
	for _, h := range []string{"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-RateLimit-Reset-After", "X-RateLimit-Bucket"} {
		if resp.Header.Get(h) == "" {
			t.Errorf("missing %s", h)
		}
	}
	if reqs := srv.Requests(); len(reqs) != 1 || reqs[0].Bucket == "" || reqs[0].Status != 404 {
		t.Errorf("recorded %+v, want the request with its bucket and status", reqs)
	}
}
