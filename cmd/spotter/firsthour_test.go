package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spotter-bot/spotter/bot/discordtest"
)

// waitForLog waits until the bot has logged want.
func waitForLog(t *testing.T, rb *runningBot, want string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if strings.Contains(rb.logs.String(), want) {
			return
		}
	}
	t.Fatalf("the bot never logged %q\nlogs:\n%s", want, rb.logs)
}

func TestStartPrintsTheInviteLinkAndWhatAHealthyStartLooksLike(t *testing.T) {
	rb := startBot(t)
	waitForLog(t, rb, "spotter is running")
	logs := rb.logs.String()
	invite := fmt.Sprintf(`url="https://discord.com/oauth2/authorize?client_id=%s&permissions=2251799813803008&scope=bot+applications.commands"`, rb.srv.ApplicationID())
	// The lines the README shows under "What a healthy start looks like".
	for _, want := range []string{
		`msg="serving /healthz and /metrics"`,
		`msg="opening the database" path=`,
		`msg="connected to discord"`,
		`msg="registered commands globally`,
		`msg="invite Spotter to a server with this link" ` + invite,
		`msg="spotter is running; press Ctrl+C to stop"`,
	} {
		if !strings.Contains(logs, want) {
			t.Errorf("start-up logs lack %s\nlogs:\n%s", want, logs)
		}
	}
	t.Logf("a healthy start:\n%s", logs)
}

func TestInviteLinkHasTheScopesAndPermissionsTheReadmeNames(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	want := inviteURL("YOUR_APPLICATION_ID")
	if !strings.Contains(string(readme), want) {
		t.Errorf("README's invite URL differs from the one the bot prints: %s", want)
	}
}

func TestRelativeDatabasePathIsReadFromTheConfigFolder(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(cfg, fmt.Appendf(nil, "[discord]\napi_url = %q\n[database]\npath = \"bot.db\"\n", srv.APIURL()), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	logs := &syncBuffer{}
	go func() {
		done <- run(ctx, []string{"-config", cfg}, envWith("DISCORD_TOKEN", srv.Token()), io.Discard, logs)
	}()
	waitCtx, waitCancel := context.WithTimeout(ctx, 10*time.Second)
	defer waitCancel()
	if err := srv.WaitReady(waitCtx); err != nil {
		t.Fatalf("bot never connected: %v\n%s", err, logs)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "bot.db")); err != nil {
		t.Errorf("the database is not beside the config file: %v", err)
	}
	if _, err := os.Stat("bot.db"); err == nil {
		t.Error("the database was created in the working directory")
	}
}

func TestUpgradeDoesNotSilentlyStartAnEmptyDatabase(t *testing.T) {
	// Before, a relative database.path was read from the working directory.
	configDir, workDir := t.TempDir(), t.TempDir()
	cfg := filepath.Join(configDir, "config.toml")
	if err := os.WriteFile(cfg, []byte("[discord]\ntoken = \"t\"\n[database]\npath = \"spotter.db\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(workDir, "spotter.db"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(workDir)
	err := run(context.Background(), []string{"-config", cfg}, noEnv, io.Discard, io.Discard)
	if exitCode(err, io.Discard) != 2 || !strings.Contains(fmt.Sprint(err), filepath.Join(workDir, "spotter.db")) {
		t.Errorf("err %v, want exit 2 naming the database in the working directory to set", err)
	}
	if _, err := os.Stat(filepath.Join(configDir, "spotter.db")); err == nil {
		t.Error("an empty database was created beside the config")
	}
}
