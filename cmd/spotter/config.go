package main

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/agnivade/levenshtein"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/retention"
)

// Config is everything an admin can set in the TOML file.
type Config struct {
	Discord  DiscordConfig  `toml:"discord"`
	Database DatabaseConfig `toml:"database"`
	HTTP     HTTPConfig     `toml:"http"`
	Log      LogConfig      `toml:"log"`
	Checkins CheckinsConfig `toml:"checkins"`
	Privacy  PrivacyConfig  `toml:"privacy"`
}

// PrivacyConfig sets how long data is kept.
type PrivacyConfig struct {
	// CheckinEntryDays is how long a pain entry is kept.
	CheckinEntryDays int `toml:"checkin_entry_days"`
	// GuildGraceHours is how long a server's data is kept after the bot is
	// removed from it, in case it is added back.
	GuildGraceHours int `toml:"guild_grace_hours"`
}

func (p PrivacyConfig) policy() retention.Policy {
	return retention.Policy{
		PainEntries: time.Duration(p.CheckinEntryDays) * 24 * time.Hour,
		GuildGrace:  time.Duration(p.GuildGraceHours) * time.Hour,
	}
}

// DiscordConfig says how to reach Discord and where to register commands.
type DiscordConfig struct {
	Token       string   `toml:"token"`
	APIURL      string   `toml:"api_url"`
	DevGuildIDs []string `toml:"dev_guild_ids"`
	// Mode is how interactions arrive: "gateway" or "http" (Discord POSTs
	// them to http.listen + http.interactions_path).
	Mode string `toml:"mode"`
	// PublicKey is the application's hex Ed25519 key, for mode "http".
	PublicKey string `toml:"public_key"`
	// ShardCount is how many gateway shards the bot runs in all; 0 takes
	// Discord's recommendation. ShardIDs are the ones this process runs
	// (empty: all). See shards.go.
	ShardCount int   `toml:"shard_count"`
	ShardIDs   []int `toml:"shard_ids"`
	// ServerMembersIntent asks for Discord's privileged Server Members
	// intent, so shares with coaches end the moment a coach leaves or loses
	// the coach role. Off by default: it must be switched on in the
	// Developer Portal first. Without it, the same checks run before every
	// update and whenever a coach looks.
	ServerMembersIntent bool `toml:"server_members_intent"`
}

// DatabaseConfig says where the SQLite file lives.
type DatabaseConfig struct {
	// Driver is "sqlite" (the default: one file, one process) or
	// "postgres" (for a large public instance or several replicas).
	Driver string `toml:"driver"`
	// Path is the SQLite file, for driver "sqlite".
	Path string `toml:"path"`
	// URL is the PostgreSQL connection string, for driver "postgres"; the
	// DATABASE_URL environment variable, when set, replaces it, so the
	// password need not be written in the file.
	URL string `toml:"url"`
}

// Database drivers.
const (
	DriverSQLite   = "sqlite"
	DriverPostgres = "postgres"
)

// HTTPConfig configures the optional health and metrics listener.
type HTTPConfig struct {
	Listen string `toml:"listen"`
	// InteractionsPath is where Discord's interactions are served in
	// discord.mode "http".
	InteractionsPath string `toml:"interactions_path"`
}

// LogConfig configures log/slog output.
type LogConfig struct {
	Level  string `toml:"level"`
	Format string `toml:"format"`
}

// CheckinsConfig tunes the scheduler that sends check-in prompts.
type CheckinsConfig struct {
	// GlobalRateLimit is Discord's global REST limit for the bot, in
	// requests per second; scheduled sends stay just under it.
	GlobalRateLimit int `toml:"global_rate_limit"`
	// LateGrace is how late a prompt missed while the bot was down may
	// still be sent; older ones are skipped to the next day.
	LateGrace time.Duration `toml:"late_grace"`
}

// DefaultAPIURL is Discord's REST base that discordgo v0.29.0 speaks.
const DefaultAPIURL = "https://discord.com/api/v9"

// DefaultConfig returns the configuration used for every key the file leaves out.
func DefaultConfig() Config {
	return Config{
		Discord:  DiscordConfig{APIURL: DefaultAPIURL, DevGuildIDs: []string{}, Mode: bot.ModeGateway, ShardIDs: []int{}},
		HTTP:     HTTPConfig{InteractionsPath: "/interactions"},
		Database: DatabaseConfig{Driver: DriverSQLite, Path: "spotter.db"},
		Log:      LogConfig{Level: "info", Format: "text"},
		Checkins: CheckinsConfig{GlobalRateLimit: 50, LateGrace: 3 * time.Hour},
		Privacy:  PrivacyConfig{CheckinEntryDays: 180, GuildGraceHours: 72},
	}
}

// configError is a problem with the configuration; run exits 2 for it.
type configError struct{ msg string }

func (e *configError) Error() string { return e.msg }

func configErrorf(format string, args ...any) error {
	return &configError{msg: fmt.Sprintf(format, args...)}
}

// LoadConfig reads the TOML file at path over the defaults, applies
// environment overrides and validates the result.
func LoadConfig(path string, getenv func(string) string) (Config, error) {
	cfg, err := readConfigFile(path)
	if err != nil {
		return cfg, err
	}
	cfg.Database.applyEnv(getenv)
	if token := getenv("DISCORD_TOKEN"); token != "" {
		cfg.Discord.Token = token
	}
	if key := strings.TrimSpace(getenv("DISCORD_PUBLIC_KEY")); key != "" {
		cfg.Discord.PublicKey = key
	}
	// A token pasted into a file or an environment file often brings a
	// newline with it; Discord would reject it as a different token.
	cfg.Discord.Token = strings.TrimSpace(cfg.Discord.Token)
	if err := cfg.Validate(); err != nil {
		return cfg, configErrorf("%s: %v", path, err)
	}
	return cfg, nil
}

// readConfigFile reads the TOML file at path over the defaults, without
// environment overrides or validation.
func readConfigFile(path string) (Config, error) {
	cfg := DefaultConfig()
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return cfg, configErrorf("config file %s not found: copy config.example.toml to %s, or pass -config FILE", path, path)
		}
		return cfg, configErrorf("reading config file %s: %v", path, err)
	}
	if err := parseConfig(string(data), &cfg); err != nil {
		return cfg, configErrorf("%s: %v", path, err)
	}
	return cfg, nil
}

// loadDatabaseConfig reads the configuration for offline tools that only
// open the database, so they need no bot token.
func loadDatabaseConfig(path string, getenv func(string) string) (Config, error) {
	cfg, err := readConfigFile(path)
	if err != nil {
		return cfg, err
	}
	cfg.Database.applyEnv(getenv)
	if problems := cfg.Database.problems(); len(problems) > 0 {
		return cfg, configErrorf("%s: %s", path, strings.Join(problems, "; "))
	}
	return cfg, nil
}

// applyEnv takes the PostgreSQL URL from DATABASE_URL when it is set.
func (d *DatabaseConfig) applyEnv(getenv func(string) string) {
	if u := strings.TrimSpace(getenv("DATABASE_URL")); u != "" {
		d.URL = u
	}
}

// problems lists what is wrong with the [database] section, each naming
// the key and the fix.
func (d DatabaseConfig) problems() []string {
	switch d.Driver {
	case DriverSQLite:
		if strings.TrimSpace(d.Path) == "" {
			return []string{"database.path is empty: give a file path such as \"spotter.db\""}
		}
	case DriverPostgres:
		u, err := url.Parse(d.URL)
		if strings.TrimSpace(d.URL) == "" || err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
			return []string{"database.url must be a PostgreSQL URL such as \"postgres://spotter@db.example:5432/spotter\" for database.driver = \"postgres\" (or set DATABASE_URL)"}
		}
	default:
		return []string{fmt.Sprintf("database.driver %q is not known: use \"sqlite\" (the default) or \"postgres\"", d.Driver)}
	}
	return nil
}

func parseConfig(text string, cfg *Config) error {
	meta, err := toml.Decode(text, cfg)
	var pe toml.ParseError
	if errors.As(err, &pe) && strings.HasPrefix(pe.Message, "invalid duration") && pe.LastKey != "" {
		return fmt.Errorf("line %d: %s = %s is not a duration: write it in quotes, like \"3h\", \"90m\" or \"1h30m\"",
			pe.Position.Line, pe.LastKey, strings.TrimPrefix(pe.Message, "invalid duration: "))
	}
	if err != nil {
		return fmt.Errorf("not valid TOML: %w", err)
	}
	if undecoded := meta.Undecoded(); len(undecoded) > 0 {
		return errors.New(unknownKeys(meta, undecoded))
	}
	return nil
}

// unknownKeys says what is wrong with keys the configuration does not
// have, with the nearest known section or key when one is close: a
// misspelled section once (not once per key in it), a key in the wrong
// place or misspelled with where it belongs.
func unknownKeys(meta toml.MetaData, keys []toml.Key) string {
	sections := configSections()
	var problems []string
	seen := map[string]bool{}
	for _, k := range keys {
		section := k[0]
		fields, known := sections[section]
		switch {
		case len(k) == 1 && meta.Type(section) != "Hash":
			if owner := sectionOf(section, sections); owner != "" {
				problems = append(problems, fmt.Sprintf("%s is a key of [%s]: put it under that section", section, owner))
			} else {
				problems = append(problems, fmt.Sprintf("unknown key %s: every key belongs under a section such as [discord]", section))
			}
			seen[section] = true
		case !known:
			if !seen[section] {
				problems = append(problems, fmt.Sprintf("unknown section [%s]%s", section, didYouMean(section, keysOf(sections), "[%s]")))
				seen[section] = true
			}
		default:
			problems = append(problems, fmt.Sprintf("unknown key %s%s", k.String(), didYouMean(k[len(k)-1], fields, section+".%s")))
		}
	}
	return strings.Join(problems, "; ") + " (every key is listed in config.example.toml)"
}

// configSections maps each section of Config to its keys, from the toml tags.
func configSections() map[string][]string {
	out := map[string][]string{}
	t := reflect.TypeFor[Config]()
	for i := range t.NumField() {
		f := t.Field(i)
		var keys []string
		for j := range f.Type.NumField() {
			keys = append(keys, f.Type.Field(j).Tag.Get("toml"))
		}
		out[f.Tag.Get("toml")] = keys
	}
	return out
}

func keysOf(m map[string][]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// sectionOf names the section that has key, for a key written before any
// section header.
func sectionOf(key string, sections map[string][]string) string {
	for _, name := range keysOf(sections) {
		if slices.Contains(sections[name], key) {
			return name
		}
	}
	return ""
}

// didYouMean returns ": did you mean X?" for the closest candidate within
// a small edit distance (formatted with format), or "".
func didYouMean(got string, candidates []string, format string) string {
	best, bestDist := "", 0
	for _, c := range candidates {
		d := levenshtein.ComputeDistance(strings.ToLower(got), c)
		if best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" || bestDist > max(2, len(best)/3) {
		return ""
	}
	return ": did you mean `" + fmt.Sprintf(format, best) + "`?"
}

// Validate checks every key and names the key and the fix in its error.
func (c Config) Validate() error {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	if strings.TrimSpace(c.Discord.Token) == "" {
		add("discord.token is empty: create a bot in the Discord Developer Portal (https://discord.com/developers/applications > your app > Bot > Reset Token) and set DISCORD_TOKEN or discord.token")
	} else if strings.HasPrefix(c.Discord.Token, "Bot ") {
		add("discord.token starts with \"Bot \": give the token alone; Spotter adds the prefix")
	}
	if u, err := url.Parse(c.Discord.APIURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		add("discord.api_url %q is not an http(s) URL: use %q, or your REST proxy's base URL", c.Discord.APIURL, DefaultAPIURL)
	}
	for _, id := range c.Discord.DevGuildIDs {
		if !spotter.IsSnowflake(id) {
			add("discord.dev_guild_ids has %q, which is not a server id: enable Developer Mode in Discord, right-click the server, Copy Server ID", id)
		}
	}
	for _, p := range c.Database.problems() {
		add("%s", p)
	}
	if c.HTTP.Listen != "" {
		if _, _, err := net.SplitHostPort(c.HTTP.Listen); err != nil {
			add("http.listen %q is not host:port: use e.g. \"127.0.0.1:8080\", or \"\" to turn it off", c.HTTP.Listen)
		}
	}
	problems = append(problems, c.transportProblems()...)
	problems = append(problems, c.shardProblems()...)
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		add("log.level %q is not one of debug, info, warn, error", c.Log.Level)
	}
	switch c.Log.Format {
	case "text", "json":
	default:
		add("log.format %q is not text or json", c.Log.Format)
	}
	if c.Checkins.GlobalRateLimit < 1 || c.Checkins.GlobalRateLimit > 10000 {
		add("checkins.global_rate_limit %d is not a rate Discord grants: use 50 (requests per second), or the higher limit Discord gave your bot", c.Checkins.GlobalRateLimit)
	}
	if c.Checkins.LateGrace < time.Minute || c.Checkins.LateGrace > 24*time.Hour {
		add("checkins.late_grace %q must be between \"1m\" and \"24h\", written in quotes like \"3h\": how late a check-in missed during downtime may still be sent", c.Checkins.LateGrace)
	}
	if c.Privacy.CheckinEntryDays < 1 || c.Privacy.CheckinEntryDays > 3650 {
		add("privacy.checkin_entry_days %d must be from 1 to 3650: how many days pain entries are kept", c.Privacy.CheckinEntryDays)
	}
	if c.Privacy.GuildGraceHours < 0 || c.Privacy.GuildGraceHours > 720 {
		add("privacy.guild_grace_hours %d must be from 0 to 720: how long a server's data is kept after the bot is removed", c.Privacy.GuildGraceHours)
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n  "))
	}
	return nil
}

// configWarnings lists settings that work but expose something: a health
// listener reachable from other machines (metrics name routes and counts),
// or the bot token sent in clear text to a host that is not this one.
func configWarnings(c Config) []string {
	var out []string
	if c.HTTP.Listen != "" {
		if host, _, err := net.SplitHostPort(c.HTTP.Listen); err == nil && !isLoopback(host) {
			out = append(out, fmt.Sprintf("http.listen %q is reachable from other machines: /healthz and /metrics have no authentication; use 127.0.0.1:PORT unless a firewall or proxy guards it", c.HTTP.Listen))
		}
	}
	if u, err := url.Parse(c.Discord.APIURL); err == nil && u.Scheme == "http" && !isLoopback(u.Hostname()) {
		out = append(out, fmt.Sprintf("discord.api_url %q is plain http to another host: the bot token crosses the network unencrypted; use https", c.Discord.APIURL))
	}
	return out
}

// isLoopback reports whether host names this machine only.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
