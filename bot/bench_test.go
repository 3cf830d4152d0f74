package bot

import (
	"context"
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
	i := slashCommand("help", "")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		bt.Handle(i, time.Now())
	}
}

// nopDiscord accepts every call instantly, so the benchmark measures the bot alone.
type nopDiscord struct{ *fakeDiscord }

func (nopDiscord) InteractionRespond(*discordgo.Interaction, *discordgo.InteractionResponse, ...discordgo.RequestOption) error {
	return nil
}
