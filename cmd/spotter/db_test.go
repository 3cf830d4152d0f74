package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/spotter-bot/spotter/bot/discordtest"
	"github.com/spotter-bot/spotter/bot/store"
)

// freshPostgres creates an empty PostgreSQL database for the test and
// drops it afterwards. Without a server the test is skipped, except in CI.
func freshPostgres(t testing.TB) string {
	t.Helper()
	admin := os.Getenv("SPOTTER_TEST_POSTGRES_URL")
	if admin == "" {
		admin = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		msg := "PostgreSQL is not reachable at SPOTTER_TEST_POSTGRES_URL: " + err.Error()
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	defer conn.Close(ctx)
	b := make([]byte, 6)
	rand.Read(b)
	name := "spotter_cmd_test_" + hex.EncodeToString(b)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if c, err := pgx.Connect(ctx, admin); err == nil {
			_, _ = c.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
			c.Close(ctx)
		}
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

func TestMigrateToPostgresCopiesTheDatabase(t *testing.T) {
	target := freshPostgres(t)
	ctx := context.Background()
	from := filepath.Join(t.TempDir(), "spotter.db")
	src, err := store.Open(ctx, from)
	if err != nil {
		t.Fatal(err)
	}
	if err := src.SetMemberRegion(ctx, "1800000000000000001", "NZ"); err != nil {
		t.Fatal(err)
	}
	src.Close()

	var out strings.Builder
	args := []string{"db", "migrate-to-postgres", "-from", from, "-to", target}
	if err := run(ctx, args, noEnv, &out, &out); err != nil {
		t.Fatalf("migrate: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "every table's count matches") || !strings.Contains(out.String(), "member_settings") {
		t.Errorf("output:\n%s", out.String())
	}
	dst, err := store.OpenPostgres(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	if region, err := dst.MemberRegion(ctx, "1800000000000000001"); err != nil || region != "NZ" {
		t.Errorf("region read back from PostgreSQL = %q, %v", region, err)
	}
	// Again: nothing changes, and it still succeeds.
	out.Reset()
	if err := run(ctx, args, noEnv, &out, &out); err != nil {
		t.Fatalf("second migrate: %v\n%s", err, out.String())
	}
}

func TestMigrateToPostgresRefusesBadUse(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no action", []string{"db"}, "usage: spotter db migrate-to-postgres"},
		{"unknown action", []string{"db", "vacuum"}, "usage: spotter db migrate-to-postgres"},
		{"no target", []string{"db", "migrate-to-postgres", "-from", "x.db"}, "usage: spotter db migrate-to-postgres"},
		{"missing file", []string{"db", "migrate-to-postgres", "-from", filepath.Join(t.TempDir(), "none.db"), "-to", "postgres://x@127.0.0.1/y"}, "no SQLite database at"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out strings.Builder
			err := run(context.Background(), tt.args, noEnv, &out, &out)
			if err == nil || !strings.Contains(err.Error()+out.String(), tt.want) {
				t.Errorf("err = %v, output %q; want %q", err, out.String(), tt.want)
			}
		})
	}
}

// The real program runs on PostgreSQL when the config says so, and
// answers a command (issue 13).
func TestBotRunsOnPostgres(t *testing.T) {
	target := freshPostgres(t)
	srv := discordtest.Start(t, discordtest.Options{})
	dir := t.TempDir()
	listen := freeAddr(t)
	configPath := filepath.Join(dir, "config.toml")
	config := fmt.Sprintf("[discord]\napi_url = %q\n[database]\ndriver = \"postgres\"\nurl = %q\n[http]\nlisten = %q\n[log]\nlevel = \"debug\"\n",
		srv.APIURL(), target, listen)
	if err := os.WriteFile(configPath, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	rb := &runningBot{srv: srv, healthURL: "http://" + listen + "/healthz", configPath: configPath, logs: &syncBuffer{}}
	rb.start(t)
	askHelp(t, srv)
	if logs := rb.logs.String(); !strings.Contains(logs, `driver=postgres`) || strings.Contains(logs, "spotter.db") {
		t.Errorf("start-up logs do not show the PostgreSQL database:\n%s", logs)
	}
}
