package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spotter-bot/spotter/bot/discordtest"
)

func TestShardConfigValidation(t *testing.T) {
	for _, tc := range []struct {
		name string
		toml string
		want string // "" when valid
	}{
		{"recommendation", "shard_count = 0", ""},
		{"all shards of four", "shard_count = 4", ""},
		{"some shards on PostgreSQL", "shard_count = 4\nshard_ids = [0, 2]\n[database]\ndriver = \"postgres\"\nurl = \"postgres://db/spotter\"", ""},
		{"some shards on SQLite", "shard_count = 4\nshard_ids = [0, 2]", "Set database.driver = \"postgres\""},
		{"every shard listed on SQLite", "shard_count = 2\nshard_ids = [1, 0]", ""},
		{"ids without a count", "shard_ids = [0]", "discord.shard_ids needs discord.shard_count"},
		{"id past the count", "shard_count = 2\nshard_ids = [2]", "discord.shard_ids has 2"},
		{"negative id", "shard_count = 2\nshard_ids = [-1]", "discord.shard_ids has -1"},
		{"duplicate id", "shard_count = 2\nshard_ids = [1, 1]", "discord.shard_ids lists shard 1 twice"},
		{"negative count", "shard_count = -1", "discord.shard_count -1"},
		{"http mode has no shards", "mode = \"http\"\npublic_key = \"" + strings.Repeat("ab", 32) + "\"\nshard_count = 2", "mode \"http\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeConfig(t, "[discord]\n"+tc.toml+"\n[http]\nlisten = \"127.0.0.1:0\"\n")
			_, err := LoadConfig(path, envWith("DISCORD_TOKEN", "abc.def.ghi"))
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("rejected: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestUnshardedBotPastTheLimitExitsTwoSayingWhatToSet(t *testing.T) {
	var guilds []discordtest.Guild
	for n := range 3 {
		guilds = append(guilds, discordtest.Guild{ID: fmt.Sprint(uint64(1_000_000+n)<<22 | 9), Name: "gym"})
	}
	srv := discordtest.Start(t, discordtest.Options{Guilds: guilds, MaxGuildsPerShard: 2})
	path := filepath.Join(t.TempDir(), "config.toml")
	config := fmt.Sprintf("[discord]\napi_url = %q\nshard_count = 1\n[database]\npath = %q\n", srv.APIURL(), filepath.Join(t.TempDir(), "x.db"))
	if err := os.WriteFile(path, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	err := run(context.Background(), []string{"-config", path}, envWith("DISCORD_TOKEN", srv.Token()), io.Discard, io.Discard)
	if code := exitCode(err, io.Discard); code != 2 || !strings.Contains(fmt.Sprint(err), "4011") || !strings.Contains(fmt.Sprint(err), "shard_count = 0") {
		t.Errorf("exit %d (%v), want 2 explaining that Discord requires sharding and what to set", code, err)
	}
}
