package main

import (
	"context"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// BenchmarkHelpLatencyHTTP is BenchmarkHelpLatency with the real program in
// discord.mode "http": the stand-in POSTs each /help and the answer comes
// back in the reply body. Latency runs from the stand-in's dispatch to the
// reply being applied, signing and verification included.
func BenchmarkHelpLatencyHTTP(b *testing.B) {
	rb := startHTTPModeBotOn(b, benchStandIn(b), "info")
	measureLatency(b, rb.srv, "help")
}

// BenchmarkSoreBackLatencyHTTP is BenchmarkSoreBackLatency in discord.mode
// "http".
func BenchmarkSoreBackLatencyHTTP(b *testing.B) {
	rb := startHTTPModeBotOn(b, benchStandIn(b), "info")
	measureLatency(b, rb.srv, "sore-back", soreBackQuestion)
}

// BenchmarkBareHTTPLatency is the same load answered by a bare endpoint that
// checks the signature with discordgo.VerifyInteraction and replies with a
// constant: what HTTP mode costs before Spotter's own layers.
func BenchmarkBareHTTPLatency(b *testing.B) {
	srv := benchStandIn(b)
	key, err := hex.DecodeString(srv.PublicKey())
	if err != nil {
		b.Fatal(err)
	}
	answer := []byte(`{"type":4,"data":{"content":"constant","flags":64}}`)
	endpoint := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !discordgo.VerifyInteraction(r, key) {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		body, err := io.ReadAll(r.Body)
		var i discordgo.Interaction
		if err != nil || i.UnmarshalJSON(body) != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if i.Type == discordgo.InteractionPing {
			w.Write([]byte(`{"type":1}`))
			return
		}
		w.Write(answer)
	}))
	b.Cleanup(endpoint.Close)
	dg := bareSession(b, srv)
	registerBareHelp(b, dg, srv)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.SetInteractionsEndpoint(ctx, endpoint.URL); err != nil {
		b.Fatal(err)
	}
	measureLatency(b, srv, "help")
}
