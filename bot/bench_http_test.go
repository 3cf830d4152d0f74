package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// BenchmarkHTTPAckOverhead is BenchmarkRouterOverhead through the HTTP
// endpoint: signature check, decoding, the same router and middleware, and
// the answer encoded into the reply body, with no network.
func BenchmarkHTTPAckOverhead(b *testing.B) {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		b.Fatal(err)
	}
	r := NewRouter()
	r.Define(&discordgo.ApplicationCommand{Name: "help", Description: "d"})
	answer := Ephemeral("constant")
	r.Command("help", func(context.Context, *Request) (*Response, error) { return answer, nil })
	bt, err := New(Options{Token: "t", APIURL: "http://127.0.0.1:1/api/v9", Router: r, Mode: ModeHTTP, PublicKey: pub,
		Logger: slog.New(slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelInfo}))})
	if err != nil {
		b.Fatal(err)
	}
	bt.discord = nopDiscord{&fakeDiscord{}}
	body, err := json.Marshal(slashCommand("help", ""))
	if err != nil {
		b.Fatal(err)
	}
	h := bt.InteractionsHandler()
	sign := signer(priv, body, time.Now())
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, sign())
		if w.Code != http.StatusOK {
			b.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
}

// BenchmarkBareHTTPAck is the floor under BenchmarkHTTPAckOverhead: the
// signature check and a constant reply, nothing of Spotter's.
func BenchmarkBareHTTPAck(b *testing.B) {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		b.Fatal(err)
	}
	reply := []byte(`{"type":4,"data":{"content":"constant","flags":64}}`)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !discordgo.VerifyInteraction(r, pub) {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(reply)
	})
	body, _ := json.Marshal(slashCommand("help", ""))
	sign := signer(priv, body, time.Now())
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, sign())
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}

// signer signs body once, as Discord signs interactions, and returns a
// function that builds a fresh request carrying it, so the benchmarks
// measure the endpoint, not the signing.
func signer(priv ed25519.PrivateKey, body []byte, at time.Time) func() *http.Request {
	ts := strconv.FormatInt(at.Unix(), 10)
	sig := hex.EncodeToString(ed25519.Sign(priv, append([]byte(ts), body...)))
	return func() *http.Request {
		req := httptest.NewRequest(http.MethodPost, "/interactions", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Signature-Timestamp", ts)
		req.Header.Set("X-Signature-Ed25519", sig)
		return req
	}
}
