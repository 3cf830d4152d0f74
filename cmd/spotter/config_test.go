package main

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func noEnv(string) string { return "" }

func envWith(key, value string) func(string) string {
	return func(k string) string {
		if k == key {
			return value
		}
		return ""
	}
}

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestExampleConfigParsesAndWorksOnceTheTokenIsSet(t *testing.T) {
	path := filepath.Join("..", "..", "config.example.toml")
	cfg, err := LoadConfig(path, envWith("DISCORD_TOKEN", "abc.def.ghi"))
	if err != nil {
		t.Fatalf("config.example.toml with DISCORD_TOKEN set: %v", err)
	}
	if !reflect.DeepEqual(cfg, withToken(DefaultConfig(), "abc.def.ghi")) {
		t.Errorf("config.example.toml should state the defaults:\n got %+v\nwant %+v", cfg, withToken(DefaultConfig(), "abc.def.ghi"))
	}
}

func withToken(c Config, token string) Config {
	c.Discord.Token = token
	return c
}

func TestExampleConfigWithoutTokenExplainsHowToGetOne(t *testing.T) {
	_, err := LoadConfig(filepath.Join("..", "..", "config.example.toml"), noEnv)
	if err == nil {
		t.Fatal("loaded without a token")
	}
	for _, want := range []string{"discord.token", "DISCORD_TOKEN", "Developer Portal"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	if exitCode(err, &strings.Builder{}) != 2 {
		t.Errorf("a missing token should exit 2")
	}
}

func TestEnvironmentTokenOverridesTheFile(t *testing.T) {
	path := writeConfig(t, "[discord]\ntoken = \"from-file\"\n")
	cfg, err := LoadConfig(path, envWith("DISCORD_TOKEN", "from-env"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Discord.Token != "from-env" {
		t.Errorf("token = %q, want the environment's", cfg.Discord.Token)
	}
}

func TestEnvironmentPublicKeyOverridesTheFile(t *testing.T) {
	key := strings.Repeat("0f", 32)
	path := writeConfig(t, "[discord]\ntoken = \"t\"\nmode = \"http\"\npublic_key = \"not hex\"\n[http]\nlisten = \"127.0.0.1:8080\"\n")
	cfg, err := LoadConfig(path, envWith("DISCORD_PUBLIC_KEY", " "+key+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Discord.PublicKey != key {
		t.Errorf("public key = %q, want the environment's", cfg.Discord.PublicKey)
	}
}

func TestConfigErrorsNameTheKey(t *testing.T) {
	cases := []struct {
		name, text, wantKey string
	}{
		{"unknown key", "[discord]\ntoken = \"t\"\napi_ulr = \"x\"\n", "discord.api_ulr"},
		{"unknown section", "[discord]\ntoken = \"t\"\n[databse]\npath = \"x\"\n", "databse"},
		{"api url not a url", "[discord]\ntoken = \"t\"\napi_url = \"discord.com\"\n", "discord.api_url"},
		{"guild id not a snowflake", "[discord]\ntoken = \"t\"\ndev_guild_ids = [\"my server\"]\n", "discord.dev_guild_ids"},
		{"empty database path", "[discord]\ntoken = \"t\"\n[database]\npath = \"\"\n", "database.path"},
		{"listen without port", "[discord]\ntoken = \"t\"\n[http]\nlisten = \"localhost\"\n", "http.listen"},
		{"log level", "[discord]\ntoken = \"t\"\n[log]\nlevel = \"loud\"\n", "log.level"},
		{"log format", "[discord]\ntoken = \"t\"\n[log]\nformat = \"xml\"\n", "log.format"},
		{"token with prefix", "[discord]\ntoken = \"Bot abc\"\n", "discord.token"},
		{"not toml", "[discord\n", "not valid TOML"},
		{"entry retention zero", "[discord]\ntoken = \"t\"\n[privacy]\ncheckin_entry_days = 0\n", "privacy.checkin_entry_days"},
		{"negative grace", "[discord]\ntoken = \"t\"\n[privacy]\nguild_grace_hours = -1\n", "privacy.guild_grace_hours"},
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
}

func TestMissingConfigFileSaysWhatToCopy(t *testing.T) {
	_, err := LoadConfig(filepath.Join(t.TempDir(), "config.toml"), envWith("DISCORD_TOKEN", "t"))
	if err == nil || !strings.Contains(err.Error(), "config.example.toml") {
		t.Fatalf("missing file: %v", err)
	}
}

func TestValidConfigWithEveryKey(t *testing.T) {
	text := `[discord]
token = "t"
api_url = "http://127.0.0.1:9999/api/v9"
dev_guild_ids = ["123456789012345678"]
[database]
path = "/tmp/x.db"
[http]
listen = "127.0.0.1:0"
[log]
level = "debug"
format = "json"
`
	cfg, err := LoadConfig(writeConfig(t, text), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Discord.APIURL != "http://127.0.0.1:9999/api/v9" || len(cfg.Discord.DevGuildIDs) != 1 || cfg.Log.Format != "json" {
		t.Errorf("keys not read: %+v", cfg)
	}
}

func TestConfigMistakesSuggestTheFix(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"misspelled section", "[discord]\ntoken = \"t\"\n[checkin]\nlate_grace = \"3h\"\n", "unknown section [checkin]: did you mean `[checkins]`?"},
		{"misspelled key", "[discord]\ntoken = \"t\"\n[checkins]\nlate_gracee = \"3h\"\n", "unknown key checkins.late_gracee: did you mean `checkins.late_grace`?"},
		{"key outside its section", "token = \"t\"\n", "token is a key of [discord]"},
		{"duration in words", "[discord]\ntoken = \"t\"\n[checkins]\nlate_grace = \"3 hours\"\n", `checkins.late_grace = "3 hours" is not a duration: write it in quotes, like "3h"`},
		{"duration as a bare number", "[discord]\ntoken = \"t\"\n[checkins]\nlate_grace = 3\n", `like "3h"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadConfig(writeConfig(t, tc.text), noEnv)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want it to say %q", err, tc.want)
			}
			if exitCode(err, &strings.Builder{}) != 2 {
				t.Error("a config mistake should exit 2")
			}
		})
	}
	// A misspelled section is reported once, not once per key in it.
	_, err := LoadConfig(writeConfig(t, "[discord]\ntoken = \"t\"\n[checkin]\nlate_grace = \"3h\"\nglobal_rate_limit = 50\n"), noEnv)
	if n := strings.Count(fmt.Sprint(err), "checkin"); n != 2 {
		t.Errorf("the misspelled section should be named once (with its fix): %v", err)
	}
}

func TestDatabaseDriverConfig(t *testing.T) {
	tests := []struct {
		name, section string
		env           map[string]string
		want          string // "" when valid
		wantURL       string
	}{
		{"sqlite by default", "[database]\npath = \"x.db\"\n", nil, "", ""},
		{"postgres with a url", "[database]\ndriver = \"postgres\"\nurl = \"postgres://spotter@db:5432/spotter\"\n", nil, "", "postgres://spotter@db:5432/spotter"},
		{"DATABASE_URL replaces url", "[database]\ndriver = \"postgres\"\nurl = \"postgres://spotter@db:5432/spotter\"\n",
			map[string]string{"DATABASE_URL": "postgres://spotter:secret@db:5432/spotter"}, "", "postgres://spotter:secret@db:5432/spotter"},
		{"postgres without a url", "[database]\ndriver = \"postgres\"\n", nil, "database.url must be a PostgreSQL URL", ""},
		{"postgres with a file path as url", "[database]\ndriver = \"postgres\"\nurl = \"spotter.db\"\n", nil, "database.url must be a PostgreSQL URL", ""},
		{"unknown driver", "[database]\ndriver = \"mysql\"\n", nil, "database.driver \"mysql\" is not known", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "config.toml")
			if err := os.WriteFile(path, []byte("[discord]\ntoken = \"abc.def.ghi\"\n"+tt.section), 0o600); err != nil {
				t.Fatal(err)
			}
			getenv := func(k string) string { return tt.env[k] }
			cfg, err := LoadConfig(path, getenv)
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("LoadConfig error = %v, want one containing %q", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Database.URL != tt.wantURL {
				t.Errorf("url = %q, want %q", cfg.Database.URL, tt.wantURL)
			}
		})
	}
}

func TestDatabaseTargetNeverShowsThePassword(t *testing.T) {
	got := databaseTarget{driver: DriverPostgres, location: "postgres://spotter:s3cret@db:5432/spotter"}.String()
	if strings.Contains(got, "s3cret") || !strings.Contains(got, "db:5432") {
		t.Errorf("target = %q", got)
	}
}
