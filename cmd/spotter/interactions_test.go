package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot/discordtest"
)

// startHTTPModeBot runs the real program in discord.mode "http" against a
// fresh stand-in, and points the stand-in's interactions at its endpoint
// once the Developer Portal's checks pass.
func startHTTPModeBot(t testing.TB) *runningBot {
	t.Helper()
	return startHTTPModeBotOn(t, discordtest.Start(t, discordtest.Options{}), "debug")
}

// startHTTPModeBotOn is startHTTPModeBot against srv, logging at logLevel.
func startHTTPModeBotOn(t testing.TB, srv *discordtest.Server, logLevel string) *runningBot {
	t.Helper()
	dir := t.TempDir()
	listen := freeAddr(t)
	configPath := filepath.Join(dir, "config.toml")
	config := fmt.Sprintf(`[discord]
api_url = %q
mode = "http"
public_key = %q
[database]
path = %q
[http]
listen = %q
interactions_path = "/discord/interactions"
[log]
level = %q
`, srv.APIURL(), srv.PublicKey(), filepath.Join(dir, "spotter.db"), listen, logLevel)
	if err := os.WriteFile(configPath, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	rb := &runningBot{srv: srv, healthURL: "http://" + listen + "/healthz", configPath: configPath, logs: &syncBuffer{}}
	rb.launch(t)
	waitCtx, waitCancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer waitCancel()
	if _, err := srv.WaitCommands(waitCtx, ""); err != nil {
		t.Fatalf("bot never registered its commands: %v\nlogs:\n%s", err, rb.logs)
	}
	if err := srv.SetInteractionsEndpoint(waitCtx, "http://"+listen+"/discord/interactions"); err != nil {
		t.Fatalf("the endpoint fails the Developer Portal's checks: %v\nlogs:\n%s", err, rb.logs)
	}
	return rb
}

func TestHTTPModeAnswersHelpAndSoreBackInTheReplyBody(t *testing.T) {
	rb := startHTTPModeBot(t)
	askHelp(t, rb.srv)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	in := rb.srv.SlashCommand(member, "sore-back", discordtest.Opt("question", "ice or heat for my lower back after deadlifts?"))
	cb, err := in.Wait(ctx)
	if err != nil {
		t.Fatalf("/sore-back: %v\nlogs:\n%s", err, rb.logs)
	}
	if cb.Type != discordgo.InteractionResponseChannelMessageWithSource || cb.Data == nil || len(cb.Data.Embeds) == 0 {
		t.Errorf("/sore-back first response = type %d %+v, want the answer itself", cb.Type, cb.Data)
	}
	if in.HTTPStatus() != http.StatusOK {
		t.Errorf("endpoint answered %d", in.HTTPStatus())
	}
	for _, r := range rb.srv.Requests() {
		if strings.HasSuffix(r.Path, "/callback") {
			t.Errorf("REST callback %s %s in HTTP mode: the answer belongs in the reply body", r.Method, r.Path)
		}
	}
	if rb.srv.Identifies() != 0 {
		t.Error("HTTP mode opened a gateway session")
	}
	if got := healthStatus(t, rb.healthURL); got != http.StatusOK {
		t.Errorf("/healthz = %d in HTTP mode", got)
	}
}

func TestHTTPModeConfigErrorsNameTheKey(t *testing.T) {
	const key = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
	cases := []struct {
		name, text, wantKey string
	}{
		{"unknown mode", "[discord]\ntoken = \"t\"\nmode = \"webhook\"\n", "discord.mode"},
		{"http without a key", "[discord]\ntoken = \"t\"\nmode = \"http\"\n[http]\nlisten = \"127.0.0.1:8080\"\n", "discord.public_key"},
		{"key not hex", "[discord]\ntoken = \"t\"\nmode = \"http\"\npublic_key = \"not-a-key\"\n[http]\nlisten = \"127.0.0.1:8080\"\n", "discord.public_key"},
		{"key too short", "[discord]\ntoken = \"t\"\nmode = \"http\"\npublic_key = \"d75a98\"\n[http]\nlisten = \"127.0.0.1:8080\"\n", "discord.public_key"},
		{"http without a listener", "[discord]\ntoken = \"t\"\nmode = \"http\"\npublic_key = \"" + key + "\"\n", "http.listen"},
		{"path without a slash", "[discord]\ntoken = \"t\"\n[http]\ninteractions_path = \"interactions\"\n", "http.interactions_path"},
		{"path taken by health", "[discord]\ntoken = \"t\"\n[http]\ninteractions_path = \"/metrics\"\n", "http.interactions_path"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadConfig(writeConfig(t, tc.text), noEnv)
			if err == nil {
				t.Fatal("accepted")
			}
			if !strings.Contains(err.Error(), tc.wantKey) {
				t.Errorf("error %q does not name %q", err, tc.wantKey)
			}
			if exitCode(err, &strings.Builder{}) != 2 {
				t.Errorf("config errors exit 2")
			}
		})
	}
	cfg, err := LoadConfig(writeConfig(t, "[discord]\ntoken = \"t\"\nmode = \"http\"\npublic_key = \""+key+"\"\n[http]\nlisten = \"127.0.0.1:8080\"\n"), noEnv)
	if err != nil {
		t.Fatalf("a complete HTTP-mode config: %v", err)
	}
	if len(cfg.Discord.publicKey()) != 32 || cfg.HTTP.InteractionsPath != "/interactions" {
		t.Errorf("key %x, path %q", cfg.Discord.publicKey(), cfg.HTTP.InteractionsPath)
	}
}
