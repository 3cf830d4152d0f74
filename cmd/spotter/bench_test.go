package main

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot/discordtest"
)

// interactionsPerSecond is the load both latency benchmarks run at.
const interactionsPerSecond = 200

// BenchmarkHelpLatency runs the real program against the stand-in and sends
// /help at 200 interactions/s, reporting dispatch -> callback latency p50 and
// p99 (target p99 < 5 ms). Run with -benchtime=2000x for a 10 s sample.
func BenchmarkHelpLatency(b *testing.B) {
	rb := startBotOn(b, benchStandIn(b), "", "info")
	measureLatency(b, rb.srv, "help")
}

// soreBackQuestion is the /sore-back question the latency benchmarks ask:
// a free-text search, with the member's region and notices looked up in
// the database before the answer.
var soreBackQuestion = discordtest.Opt("question", "ice or heat for my lower back after deadlifts?")

// BenchmarkSoreBackLatency is BenchmarkHelpLatency for /sore-back, the
// command members use most: an option checked against its definition, a
// knowledge-base search and a database read before the answer.
func BenchmarkSoreBackLatency(b *testing.B) {
	rb := startBotOn(b, benchStandIn(b), "", "info")
	measureLatency(b, rb.srv, "sore-back", soreBackQuestion)
}

// BenchmarkBareDiscordgoLatency is the same load answered by a bare
// discordgo handler that responds with a constant: the ratio to
// BenchmarkHelpLatency shows what Spotter's own layers cost.
func BenchmarkBareDiscordgoLatency(b *testing.B) {
	srv := benchStandIn(b)
	dg := bareSession(b, srv)
	dg.LogLevel = -1
	answer := &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: "constant", Flags: discordgo.MessageFlagsEphemeral},
	}
	dg.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
		_ = s.InteractionRespond(ic.Interaction, answer)
	})
	if err := dg.Open(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = dg.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.WaitReady(ctx); err != nil {
		b.Fatal(err)
	}
	registerBareHelp(b, dg, srv)
	measureLatency(b, srv, "help")
}

// bareSession is a plain discordgo session whose REST calls go to srv.
func bareSession(b *testing.B, srv *discordtest.Server) *discordgo.Session {
	b.Helper()
	base, err := url.Parse(srv.APIURL())
	if err != nil {
		b.Fatal(err)
	}
	dg, err := discordgo.New("Bot " + srv.Token())
	if err != nil {
		b.Fatal(err)
	}
	dg.Client = &http.Client{Transport: rewriteToStandIn{base: base}}
	return dg
}

// registerBareHelp registers the one command the bare benchmarks answer.
func registerBareHelp(b *testing.B, dg *discordgo.Session, srv *discordtest.Server) {
	b.Helper()
	if _, err := dg.ApplicationCommandBulkOverwrite(srv.ApplicationID(), "", []*discordgo.ApplicationCommand{{Name: "help", Description: "d"}}); err != nil {
		b.Fatal(err)
	}
}

// benchStandIn is the stand-in every latency benchmark runs against, bare
// or Spotter: without the OpenAPI body checks, whose cost grows with the
// reply and would be billed to the bot (the other tests keep them), and
// with the bot logging at info, as it does by default.
func benchStandIn(b *testing.B) *discordtest.Server {
	b.Helper()
	return discordtest.Start(b, discordtest.Options{NoSchemaChecks: true})
}

func measureLatency(b *testing.B, srv *discordtest.Server, command string, opts ...discordtest.Option) {
	tick := time.NewTicker(time.Second / interactionsPerSecond)
	defer tick.Stop()
	var sent []*discordtest.Interaction
	b.ResetTimer()
	for b.Loop() {
		<-tick.C
		sent = append(sent, srv.SlashCommand(member, command, opts...))
	}
	b.StopTimer()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	latencies := make([]time.Duration, 0, len(sent))
	for _, in := range sent {
		cb, err := in.Wait(ctx)
		if err != nil {
			b.Fatalf("interaction %s unanswered: %v", in.ID, err)
		}
		latencies = append(latencies, cb.Latency)
	}
	slices.Sort(latencies)
	b.ReportMetric(float64(percentile(latencies, 50).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(percentile(latencies, 99).Microseconds())/1000, "p99-ms")
}

func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[(len(sorted)-1)*p/100]
}

// rewriteToStandIn sends the bare session's Discord calls to the stand-in.
type rewriteToStandIn struct{ base *url.URL }

func (rw rewriteToStandIn) RoundTrip(r *http.Request) (*http.Response, error) {
	if rest, ok := strings.CutPrefix(r.URL.String(), discordgo.EndpointAPI); ok {
		target, err := url.Parse(rw.base.String() + "/" + rest)
		if err != nil {
			return nil, err
		}
		r = r.Clone(r.Context())
		r.URL, r.Host = target, target.Host
	}
	return http.DefaultTransport.RoundTrip(r)
}
