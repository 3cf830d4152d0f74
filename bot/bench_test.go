package bot

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// BenchmarkRouterOverhead measures what Spotter's own layers cost per
// interaction (routing, middleware, automatic-defer timer, response
// building, metrics), with a handler that returns a constant and a Discord
// port that does nothing. Target: under 50 µs.
func BenchmarkRouterOverhead(b *testing.B) {
	bt := benchBot(b)
	i := slashCommand("help", "")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		bt.Handle(i, time.Now())
	}
}

// BenchmarkGatewayAckOverhead is BenchmarkRouterOverhead from a gateway
// INTERACTION_CREATE as discordgo hands it to Spotter, already decoded
// into its struct: what Spotter adds to read the payload, then the same
// router and middleware.
func BenchmarkGatewayAckOverhead(b *testing.B) {
	bt := benchBot(b)
	raw, err := json.Marshal(slashCommand("help", ""))
	if err != nil {
		b.Fatal(err)
	}
	decoded := &discordgo.InteractionCreate{}
	if err := json.Unmarshal(raw, decoded); err != nil {
		b.Fatal(err)
	}
	e := &discordgo.Event{Type: "INTERACTION_CREATE", RawData: raw, Struct: decoded}
	sh := &shard{log: bt.log}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		bt.onEvent(sh, e)
	}
}

// benchBot is a Bot with one command, "help", answered with a constant, and
// a Discord port that does nothing, so benchmarks measure the bot alone.
func benchBot(b *testing.B) *Bot {
	r := NewRouter()
	r.Define(&discordgo.ApplicationCommand{Name: "help", Description: "d"})
	answer := Ephemeral("constant")
	r.Command("help", func(context.Context, *Request) (*Response, error) { return answer, nil })
	bt, err := New(Options{Token: "t", APIURL: "http://127.0.0.1:1/api/v9", Router: r,
		Logger: slog.New(slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelInfo}))})
	if err != nil {
		b.Fatal(err)
	}
	bt.discord = nopDiscord{&fakeDiscord{}}
	return bt
}

// nopDiscord accepts every call instantly, so the benchmark measures the bot alone.
type nopDiscord struct{ *fakeDiscord }

func (nopDiscord) InteractionRespond(*discordgo.Interaction, *discordgo.InteractionResponse, ...discordgo.RequestOption) error {
	return nil
}
