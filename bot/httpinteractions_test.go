package bot

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot/discordtest"
)

var tester = discordtest.Actor{UserID: "1800000000000000001", GuildID: discordtest.DefaultGuildID}

// httpBot is a Bot in HTTP mode whose endpoint the stand-in POSTs to.
type httpBot struct {
	*Bot
	srv *discordtest.Server
}

// startHTTPBot starts a stand-in and a Bot in HTTP mode serving r, checks
// its endpoint as the Developer Portal does, and stops both when the test ends.
func startHTTPBot(t *testing.T, r *Router, edit func(*Options)) *httpBot {
	t.Helper()
	srv := discordtest.Start(t, discordtest.Options{})
	key, err := hex.DecodeString(srv.PublicKey())
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Token: srv.Token(), APIURL: srv.APIURL(), Router: r, Mode: ModeHTTP, PublicKey: key,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if edit != nil {
		edit(&opts)
	}
	b, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/interactions", b.InteractionsHandler())
	endpoint := httptest.NewServer(mux)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := b.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = b.Shutdown(context.Background())
		endpoint.Close()
	})
	if err := srv.SetInteractionsEndpoint(ctx, endpoint.URL+"/interactions"); err != nil {
		t.Fatal(err)
	}
	return &httpBot{Bot: b, srv: srv}
}

func helpRouter(h Handler) *Router {
	r := NewRouter()
	r.Define(&discordgo.ApplicationCommand{Name: "help", Description: "d"})
	r.Command("help", h)
	return r
}

func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// restCalls lists the REST requests whose path contains part.
func restCalls(srv *discordtest.Server, part string) []string {
	var out []string
	for _, r := range srv.Requests() {
		if strings.Contains(r.Path, part) {
			out = append(out, r.Method+" "+r.Path)
		}
	}
	return out
}

func TestHTTPModeRegistersCommandsAndAnswersInTheReplyBody(t *testing.T) {
	hb := startHTTPBot(t, helpRouter(respondWith("hello")), nil)
	ctx := testCtx(t)
	if _, err := hb.srv.WaitCommands(ctx, ""); err != nil {
		t.Fatalf("commands not registered in HTTP mode: %v", err)
	}
	in := hb.srv.SlashCommand(tester, "help")
	cb, err := in.Wait(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if cb.Type != discordgo.InteractionResponseChannelMessageWithSource || cb.Data.Content != "hello" || cb.Data.Flags != discordgo.MessageFlagsEphemeral {
		t.Errorf("first response = type %d %+v", cb.Type, cb.Data)
	}
	if got := in.HTTPStatus(); got != http.StatusOK {
		t.Errorf("endpoint answered %d", got)
	}
	if calls := restCalls(hb.srv, "/callback"); len(calls) != 0 {
		t.Errorf("HTTP mode made REST callbacks %v; the answer belongs in the reply body", calls)
	}
	if hb.srv.Identifies() != 0 {
		t.Error("HTTP mode opened a gateway session")
	}
	if !hb.Connected() {
		t.Error("not ready after Start in HTTP mode")
	}
}

func TestHTTPModeDefersASlowHandlerThenEditsTheOriginal(t *testing.T) {
	release := make(chan struct{})
	slow := func(context.Context, *Request) (*Response, error) {
		<-release
		return Ephemeral("done"), nil
	}
	hb := startHTTPBot(t, helpRouter(slow), func(o *Options) { o.DeferAfter = 50 * time.Millisecond })
	ctx := testCtx(t)
	in := hb.srv.SlashCommand(tester, "help")
	cb, err := in.Wait(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if cb.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || cb.Data == nil || cb.Data.Flags != discordgo.MessageFlagsEphemeral {
		t.Fatalf("first response = type %d %+v, want an ephemeral defer (5)", cb.Type, cb.Data)
	}
	close(release)
	msg, err := in.Original(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if msg.Content != "done" {
		t.Errorf("@original = %q, want the handler's answer", msg.Content)
	}
	// The stand-in records a request once it has answered it.
	edit := "PATCH /webhooks/" + hb.srv.ApplicationID() + "/" + in.Token + "/messages/@original"
	waitFor(t, func() bool { return slices.Contains(restCalls(hb.srv, "/messages/@original"), edit) })
	if calls := restCalls(hb.srv, "/callback"); len(calls) != 0 {
		t.Errorf("REST callbacks %v in HTTP mode", calls)
	}
}

func TestHTTPModeSendsFilesWithTheEditAfterADefer(t *testing.T) {
	withFile := func(context.Context, *Request) (*Response, error) {
		return &Response{Kind: KindMessage, Ephemeral: true, Content: "your data",
			Files: []*discordgo.File{{Name: "data.json", ContentType: "application/json", Reader: strings.NewReader(`{"a":1}`)}}}, nil
	}
	hb := startHTTPBot(t, helpRouter(withFile), nil)
	ctx := testCtx(t)
	in := hb.srv.SlashCommand(tester, "help")
	msg, err := in.Original(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if msg.Content != "your data" || len(msg.Files) != 1 || string(msg.Files[0].Data) != `{"a":1}` {
		t.Errorf("@original = %q with files %+v", msg.Content, msg.Files)
	}
}

func TestHTTPModeAutocompleteAlwaysSendsItsChoices(t *testing.T) {
	r := NewRouter()
	r.Define(&discordgo.ApplicationCommand{Name: "find", Description: "d", Options: []*discordgo.ApplicationCommandOption{
		{Type: discordgo.ApplicationCommandOptionString, Name: "q", Description: "d", Autocomplete: true},
	}})
	r.Command("find", respondWith("x"))
	r.Autocomplete("find", "q", func(context.Context, *Request) (*Response, error) { return Choices(nil), nil })
	hb := startHTTPBot(t, r, nil)
	in := hb.srv.Autocomplete(tester, "find", "q", discordtest.Opt("q", "zz"))
	cb, err := in.Wait(testCtx(t))
	if err != nil {
		t.Fatal(err)
	}
	if cb.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		t.Errorf("type %d, want 8", cb.Type)
	}
}

func TestHTTPModeEndpointRefusesWhatDiscordWouldNotSend(t *testing.T) {
	hb := startHTTPBot(t, helpRouter(respondWith("hello")), nil)
	ctx := testCtx(t)
	ping := []byte(`{"id":"1300000000000000001","application_id":"1200000000000000001","type":1,"token":"t","version":1}`)
	cases := []struct {
		name string
		req  discordtest.EndpointRequest
		want int
	}{
		{"ping", discordtest.EndpointRequest{Body: ping}, http.StatusOK},
		{"bad signature", discordtest.EndpointRequest{Body: ping, BadSignature: true}, http.StatusUnauthorized},
		{"no signature", discordtest.EndpointRequest{Body: ping, Unsigned: true}, http.StatusUnauthorized},
		{"stale timestamp", discordtest.EndpointRequest{Body: ping, Timestamp: time.Now().Add(-MaxSignatureAge - time.Minute)}, http.StatusUnauthorized},
		{"timestamp from the future", discordtest.EndpointRequest{Body: ping, Timestamp: time.Now().Add(MaxSignatureAge + time.Minute)}, http.StatusUnauthorized},
		{"oversized body", discordtest.EndpointRequest{Body: append(ping[:len(ping):len(ping)], make([]byte, MaxInteractionBody)...)}, http.StatusRequestEntityTooLarge},
		{"wrong method", discordtest.EndpointRequest{Method: http.MethodGet}, http.StatusMethodNotAllowed},
		{"signed garbage", discordtest.EndpointRequest{Body: []byte("not json")}, http.StatusBadRequest},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			reply, err := hb.srv.PostToEndpoint(ctx, tc.req)
			if err != nil {
				t.Fatal(err)
			}
			if reply.Status != tc.want {
				t.Errorf("status %d (%s), want %d", reply.Status, reply.Body, tc.want)
			}
			if !strings.HasPrefix(reply.ContentType, "application/json") {
				t.Errorf("Content-Type %q", reply.ContentType)
			}
			if tc.want == http.StatusOK && strings.TrimSpace(string(reply.Body)) != `{"type":1}` {
				t.Errorf("PING answered %s, want PONG", reply.Body)
			}
		})
	}
}

func TestHTTPModeAPanicOutsideTheHandlerIsA500AndTheBotGoesOn(t *testing.T) {
	hb := startHTTPBot(t, helpRouter(respondWith("hello")), nil)
	ctx := testCtx(t)
	serve := hb.serve
	// Recover guards handlers; this panics in the dispatcher around them.
	hb.serve = func(context.Context, *Request) (*Response, error) { panic("dispatcher bug") }
	in := hb.srv.SlashCommand(tester, "help")
	waitFor(t, func() bool { return in.HTTPStatus() != 0 })
	if got := in.HTTPStatus(); got != http.StatusInternalServerError {
		t.Fatalf("endpoint answered %d, want 500", got)
	}
	violations := hb.srv.TakeViolations()
	if len(violations) != 1 || violations[0].Kind != "http-interaction" {
		t.Errorf("the stand-in should report the unanswered interaction once: %v", violations)
	}
	hb.serve = serve
	cb, err := hb.srv.SlashCommand(tester, "help").Wait(ctx)
	if err != nil || cb.Data.Content != "hello" {
		t.Fatalf("after the panic: %v %+v", err, cb)
	}
}

func TestHTTPModeRefusesWhileShuttingDownInTheReplyBody(t *testing.T) {
	hb := startHTTPBot(t, helpRouter(respondWith("hello")), nil)
	hb.mu.Lock()
	hb.closing = true
	hb.mu.Unlock()
	cb, err := hb.srv.SlashCommand(tester, "help").Wait(testCtx(t))
	if err != nil {
		t.Fatal(err)
	}
	if cb.Data.Content != restartingMessage {
		t.Errorf("answered %q while closing", cb.Data.Content)
	}
}

// guildEvents records what a GuildObserver hears.
type guildEvents struct {
	mu    sync.Mutex
	lists [][]string
}

func (g *guildEvents) GuildsAtReady(_ context.Context, ids []string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.lists = append(g.lists, slices.Clone(ids))
	return nil
}
func (g *guildEvents) GuildJoined(context.Context, string) error  { return nil }
func (g *guildEvents) GuildRemoved(context.Context, string) error { return nil }

func (g *guildEvents) last() ([]string, int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.lists) == 0 {
		return nil, 0
	}
	return g.lists[len(g.lists)-1], len(g.lists)
}

func TestHTTPModeNoticesARemovalByListingItsServers(t *testing.T) {
	events := &guildEvents{}
	hb := startHTTPBot(t, helpRouter(respondWith("hello")), func(o *Options) {
		o.Guilds, o.GuildPollInterval = events, 20*time.Millisecond
	})
	if ids, n := events.last(); n == 0 || !slices.Equal(ids, []string{discordtest.DefaultGuildID}) {
		t.Fatalf("at start-up the observer heard %v (%d lists), want the default guild", ids, n)
	}
	hb.srv.RemoveBotFromGuild(discordtest.DefaultGuildID)
	waitFor(t, func() bool { ids, _ := events.last(); return len(ids) == 0 })
	if calls := restCalls(hb.srv, "/users/@me/guilds"); len(calls) < 2 {
		t.Errorf("servers listed %d times", len(calls))
	}
}

// Replicas share one database, so only the leader lists the servers after
// start-up; the others would only repeat its requests.
func TestHTTPModeOnlyTheLeaderKeepsListingTheServers(t *testing.T) {
	var leading atomic.Bool
	var asked atomic.Int32
	events := &guildEvents{}
	hb := startHTTPBot(t, helpRouter(respondWith("hello")), func(o *Options) {
		o.Guilds, o.GuildPollInterval = events, 20*time.Millisecond
		o.Leading = func() bool { asked.Add(1); return leading.Load() }
	})
	if _, n := events.last(); n != 1 {
		t.Fatalf("%d listings at start-up, want 1 whether leading or not", n)
	}
	waitFor(t, func() bool { return asked.Load() >= 3 }) // three poll ticks as a follower
	if _, n := events.last(); n != 1 {
		t.Errorf("a replica that does not lead listed the servers %d times", n-1)
	}
	leading.Store(true)
	waitFor(t, func() bool { _, n := events.last(); return n > 1 })
	if calls := restCalls(hb.srv, "/users/@me/guilds"); len(calls) < 2 {
		t.Errorf("servers listed %d times once leading", len(calls))
	}
}

func TestHTTPModeRejectedTokenIsReported(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	key, _ := hex.DecodeString(srv.PublicKey())
	b, err := New(Options{Token: "wrong", APIURL: srv.APIURL(), Router: helpRouter(respondWith("x")), Mode: ModeHTTP, PublicKey: key,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	err = b.Start(testCtx(t))
	if err == nil || !strings.Contains(err.Error(), ErrTokenRejected.Error()) {
		t.Fatalf("Start = %v, want the token rejected", err)
	}
}

func TestHTTPModeNeedsAPublicKey(t *testing.T) {
	_, err := New(Options{Token: "t", APIURL: "http://127.0.0.1:1/api/v9", Router: NewRouter(), Mode: ModeHTTP})
	if err == nil || !strings.Contains(err.Error(), "public key") {
		t.Fatalf("New without a key = %v", err)
	}
	if _, err := New(Options{Token: "t", APIURL: "http://127.0.0.1:1/api/v9", Router: NewRouter(), Mode: "webhook"}); err == nil {
		t.Fatal("accepted an unknown mode")
	}
}

func TestEncodeFirstResponseKeepsAnEmptyChoiceList(t *testing.T) {
	body, err := encodeFirstResponse(Choices(nil).interactionResponse())
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Data struct {
			Choices json.RawMessage `json:"choices"`
		} `json:"data"`
	}
	if json.Unmarshal(body, &v) != nil || string(v.Data.Choices) != "[]" {
		t.Errorf("encoded %s", body)
	}
}
