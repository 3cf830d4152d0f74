package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot/discordtest"
	"github.com/spotter-bot/spotter/knowledge"
)

// runningBot is the real program started by run() against the stand-in.
type runningBot struct {
	srv        *discordtest.Server
	healthURL  string
	configPath string
	// exited is closed when run returns; runErr is what it returned.
	exited chan struct{}
	runErr error
	logs   *syncBuffer
	// commandScope is where the bot registers commands: "" for global.
	commandScope string
}

// startBot writes a config pointing at a fresh stand-in and runs the real
// program in the background until the test ends.
func startBot(t testing.TB) *runningBot {
	t.Helper()
	return startBotWith(t, "")
}

// startBotWith is startBot with extra lines for the [discord] table.
func startBotWith(t testing.TB, discordConfig string) *runningBot {
	t.Helper()
	return startBotOn(t, discordtest.Start(t, discordtest.Options{}), discordConfig, "debug")
}

// startBotOn runs the real program against srv, logging at logLevel.
func startBotOn(t testing.TB, srv *discordtest.Server, discordConfig, logLevel string) *runningBot {
	t.Helper()
	dir := t.TempDir()
	listen := freeAddr(t)
	configPath := filepath.Join(dir, "config.toml")
	config := fmt.Sprintf(`[discord]
api_url = %q
%s
[database]
path = %q
[http]
listen = %q
[log]
level = %q
`, srv.APIURL(), discordConfig, filepath.Join(dir, "spotter.db"), listen, logLevel)
	if err := os.WriteFile(configPath, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	rb := &runningBot{srv: srv, healthURL: "http://" + listen + "/healthz", configPath: configPath, logs: &syncBuffer{}}
	if strings.Contains(discordConfig, "dev_guild_ids") {
		rb.commandScope = discordtest.DefaultGuildID
	}
	rb.start(t)
	return rb
}

// start launches the program and waits until it is connected and has
// registered its commands.
func (rb *runningBot) start(t testing.TB) {
	t.Helper()
	rb.launch(t)
	waitCtx, waitCancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer waitCancel()
	if err := rb.srv.WaitReady(waitCtx); err != nil {
		t.Fatalf("bot never connected: %v\nlogs:\n%s", err, rb.logs)
	}
	if _, err := rb.srv.WaitCommands(waitCtx, rb.commandScope); err != nil {
		t.Fatalf("bot never registered its commands: %v\nlogs:\n%s", err, rb.logs)
	}
}

// launch runs the program in the background until the test ends.
func (rb *runningBot) launch(t testing.TB) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	rb.exited = make(chan struct{})
	go func() {
		defer close(rb.exited)
		rb.runErr = run(ctx, []string{"-config", rb.configPath}, envWith("DISCORD_TOKEN", rb.srv.Token()), io.Discard, rb.logs)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-rb.exited:
		case <-time.After(15 * time.Second):
			t.Error("run did not return after its context was cancelled")
		}
	})
}

func freeAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

var member = discordtest.Actor{UserID: "1800000000000000001", Username: "lifter", GuildID: discordtest.DefaultGuildID, ChannelID: discordtest.DefaultChannelID}

func askHelp(t *testing.T, srv *discordtest.Server) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	in := srv.SlashCommand(member, "help")
	cb, err := in.Wait(ctx)
	if err != nil {
		t.Fatalf("/help got no answer: %v", err)
	}
	if cb.Latency > 3*time.Second {
		t.Errorf("/help answered after %v, past Discord's deadline", cb.Latency)
	}
	reply, err := in.Original(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if reply.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Error("/help was posted publicly; it should be ephemeral")
	}
	if len(reply.Embeds) != 1 || reply.Embeds[0].Footer == nil || reply.Embeds[0].Footer.Text != knowledge.Disclaimer {
		t.Fatalf("/help embed lacks the medical disclaimer: %+v", reply.Embeds)
	}
	var fields []string
	for _, f := range reply.Embeds[0].Fields {
		fields = append(fields, f.Name)
	}
	if !strings.Contains(strings.Join(fields, " "), "/help") {
		t.Errorf("/help does not list itself: %v", fields)
	}
}

func healthStatus(t *testing.T, url string) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestBotConnectsRegistersAndAnswersHelp(t *testing.T) {
	t.Parallel()
	rb := startBot(t)
	cmds := rb.srv.Commands("")
	names := map[string]bool{}
	for _, c := range cmds {
		names[c.Name] = true
	}
	if !names["help"] {
		t.Fatalf("registered commands %v lack help", names)
	}
	askHelp(t, rb.srv)
	if got := healthStatus(t, rb.healthURL); got != http.StatusOK {
		t.Errorf("/healthz = %d while connected", got)
	}
	// The counter is bumped just after the answer is sent, so give it a moment.
	want := `spotter_interactions_total{outcome="ok",route="help"} 1`
	var body string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if body = fetch(t, strings.TrimSuffix(rb.healthURL, "healthz")+"metrics"); strings.Contains(body, want) {
			break
		}
	}
	if !strings.Contains(body, want) {
		t.Errorf("/metrics does not count the /help interaction:\n%s", grep(body, "spotter_"))
	}
	if err := rb.srv.TakeViolations(); len(err) > 0 {
		t.Errorf("requests that break Discord's API schema: %v", err)
	}
}

func TestBotSurvivesADroppedGatewayConnection(t *testing.T) {
	t.Parallel()
	rb := startBot(t)
	rb.srv.DropConnection()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	for rb.srv.Resumes()+rb.srv.Identifies() < 2 {
		if ctx.Err() != nil {
			t.Fatalf("bot did not reconnect after a dropped connection\nlogs:\n%s", rb.logs)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := rb.srv.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	askHelp(t, rb.srv)
}

func TestBotRegistersInDevGuildsOnly(t *testing.T) {
	t.Parallel()
	rb := startBotWith(t, fmt.Sprintf("dev_guild_ids = [%q]\n", discordtest.DefaultGuildID))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmds, err := rb.srv.WaitCommands(ctx, discordtest.DefaultGuildID)
	if err != nil || len(cmds) == 0 {
		t.Fatalf("no commands in the dev guild: %v", err)
	}
	if global := rb.srv.Commands(""); len(global) != 0 {
		t.Errorf("dev mode also registered %d global commands", len(global))
	}
	askHelp(t, rb.srv)
}

func TestBotRetriesACallbackThatHitADiscordServerError(t *testing.T) {
	t.Parallel()
	rb := startBot(t)
	rb.srv.FailNext("POST", "/interactions/", http.StatusInternalServerError, 0, 1)
	askHelp(t, rb.srv)
}

// TestBotShutsDownCleanlyOnSIGTERM signals the whole test process, so it
// must not call t.Parallel: sequential tests finish before parallel ones
// start, and no other bot is running when it sends the signal.
func TestBotShutsDownCleanlyOnSIGTERM(t *testing.T) {
	rb := startBot(t)
	askHelp(t, rb.srv)
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-rb.exited:
		if rb.runErr != nil {
			t.Fatalf("run returned %v after SIGTERM, want a clean nil", rb.runErr)
		}
	case <-time.After(shutdownBudget + 2*time.Second):
		t.Fatal("run did not return within the shutdown budget after SIGTERM")
	}
	if exitCode(nil, io.Discard) != 0 {
		t.Error("a clean shutdown must exit 0")
	}
	if rb.srv.Connected() {
		t.Error("the gateway connection is still open after shutdown")
	}
}

func fetch(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(body)
}

// syncBuffer collects log output written from several goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func grep(text, substr string) string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, substr) {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}
