package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spotter-bot/spotter/bot/discordtest"
	"github.com/spotter-bot/spotter/bot/store"
)

// writeStartupConfig writes a config for the stand-in with the given database path.
func writeStartupConfig(t *testing.T, apiURL, dbPath string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	config := fmt.Sprintf("[discord]\napi_url = %q\n[database]\npath = %q\n", apiURL, dbPath)
	if err := os.WriteFile(path, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestMissingDatabaseDirectoryExitsTwo(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	cfg := writeStartupConfig(t, srv.APIURL(), filepath.Join(t.TempDir(), "no-such-dir", "spotter.db"))
	err := run(context.Background(), []string{"-config", cfg}, envWith("DISCORD_TOKEN", srv.Token()), io.Discard, io.Discard)
	if code := exitCode(err, io.Discard); code != 2 || !strings.Contains(fmt.Sprint(err), "no-such-dir") {
		t.Errorf("exit %d (%v), want 2 naming the directory, so systemd does not restart-loop", code, err)
	}
}

func TestCorruptDatabaseSaysRestoreFromBackup(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	dbPath := filepath.Join(t.TempDir(), "spotter.db")
	db, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		if err := db.SetMemberRegion(context.Background(), fmt.Sprintf("1800000000000%06d", i), "GB"); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	f, err := os.OpenFile(dbPath, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	info, _ := f.Stat()
	// Scribble over every page but the first (the header and schema).
	junk := []byte(strings.Repeat("\xde\xad\xbe\xef", 1024))
	for off := int64(4096); off < info.Size(); off += 4096 {
		if _, err := f.WriteAt(junk, off); err != nil {
			t.Fatal(err)
		}
	}
	f.Close()
	cfg := writeStartupConfig(t, srv.APIURL(), dbPath)
	err = run(context.Background(), []string{"-config", cfg}, envWith("DISCORD_TOKEN", srv.Token()), io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "restore") || !strings.Contains(err.Error(), "backup") {
		t.Errorf("a corrupted database started with %v, want advice to restore from backup", err)
	}
	if code := exitCode(err, io.Discard); code != 2 {
		t.Errorf("exit %d, want 2: restarting cannot fix a corrupted file", code)
	}
}

func TestRejectedTokenExitsTwo(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	cfg := writeStartupConfig(t, srv.APIURL(), filepath.Join(t.TempDir(), "x.db"))
	err := run(context.Background(), []string{"-config", cfg}, envWith("DISCORD_TOKEN", "wrong-token"), io.Discard, io.Discard)
	if code := exitCode(err, io.Discard); code != 2 || !strings.Contains(fmt.Sprint(err), "rejected the bot token") {
		t.Errorf("exit %d (%v), want 2 with advice", code, err)
	}
}

func TestTokenWithATrailingNewlineIsTrimmed(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	cfg := writeStartupConfig(t, srv.APIURL(), filepath.Join(t.TempDir(), "x.db"))
	got, err := LoadConfig(cfg, envWith("DISCORD_TOKEN", srv.Token()+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got.Discord.Token != srv.Token() {
		t.Errorf("token %q, want the newline trimmed", got.Discord.Token)
	}
}

func TestUnreachableAPINamesTheConfiguredURL(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	apiURL := "http://" + ln.Addr().String() + "/api/v9"
	ln.Close()
	cfg := writeStartupConfig(t, apiURL, filepath.Join(t.TempDir(), "x.db"))
	err = run(context.Background(), []string{"-config", cfg}, envWith("DISCORD_TOKEN", "t"), io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), apiURL) || strings.Contains(err.Error(), "discord.com") {
		t.Errorf("error %v should name %s and not discord.com", err, apiURL)
	}
}

func TestStartupWarnsAboutExposedListenersAndPlainHTTP(t *testing.T) {
	cases := []struct {
		name, listen, apiURL string
		want                 string
	}{
		{"public listener", "0.0.0.0:8080", DefaultAPIURL, "http.listen"},
		{"listener on every interface", ":8080", DefaultAPIURL, "http.listen"},
		{"plain http to a remote host", "", "http://proxy.example.com/api/v9", "api_url"},
		{"loopback is fine", "127.0.0.1:8080", "http://127.0.0.1:9999/api/v9", ""},
		{"localhost is fine", "localhost:8080", "https://discord.com/api/v9", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := DefaultConfig()
			cfg.HTTP.Listen, cfg.Discord.APIURL = tc.listen, tc.apiURL
			got := strings.Join(configWarnings(cfg), "\n")
			if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
				t.Errorf("warnings %q, want one about %q", got, tc.want)
			}
		})
	}
}
