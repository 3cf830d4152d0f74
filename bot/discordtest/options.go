package discordtest

import "time"

// Identifiers of the guild, channels and role a Server gets when
// Options.Guilds is nil, so short tests need no setup.
const (
	DefaultGuildID     = "1000000000000000001"
	DefaultChannelID   = "1000000000000000002"
	DefaultTipsChannel = "1000000000000000003"
	DefaultModRoleID   = "1000000000000000004"
)

const (
	defaultToken         = "test-token"
	defaultApplicationID = "1200000000000000001"
	defaultBotUsername   = "Spotter"
	defaultGlobalLimit   = 50
	defaultDeadline      = 3 * time.Second
	defaultMaxPins       = 250
	defaultHeartbeat     = 41250 * time.Millisecond
	tokenLifetime        = 15 * time.Minute
)

// Options configures a Server; zero values get Discord's defaults.
type Options struct {
	// Token is the bot token the bot must present; default "test-token".
	Token string
	// ApplicationID is the application's id, also the bot user's id.
	ApplicationID string
	// BotUsername is the bot user's name; default "Spotter".
	BotUsername string
	// Guilds are sent as GUILD_CREATE after READY; nil gives one guild
	// (DefaultGuildID) with #general, #form-tips and a Moderator role.
	Guilds []Guild
	// GlobalRateLimit is the number of requests per second across all REST
	// routes (interaction endpoints are exempt, as on Discord); default 50.
	GlobalRateLimit int
	// RouteLimits overrides per-route buckets by route name, for example
	// "POST /channels/{channel_id}/messages"; see ratelimit.go.
	RouteLimits map[string]RouteLimit
	// CallbackDeadline is how long after dispatch an interaction may be
	// answered; default 3 s.
	CallbackDeadline time.Duration
	// MaxPins is the number of pins a channel holds; default 250.
	MaxPins int
	// HeartbeatInterval is sent in HELLO; default 41.25 s.
	HeartbeatInterval time.Duration
	// RecommendedShards is the shard count GET /gateway/bot recommends;
	// default one shard per 1,000 guilds (or per MaxGuildsPerShard, if
	// smaller), at least 1. See shard.go.
	RecommendedShards int
	// MaxConcurrency is session_start_limit.max_concurrency in GET
	// /gateway/bot: how many identify buckets (shard_id % max_concurrency)
	// there are; default 1.
	MaxConcurrency int
	// MaxGuildsPerShard is the most guilds one gateway session may hold:
	// an IDENTIFY (unsharded, or for a shard) that would hold more is
	// closed with 4011 Sharding required. Default 2,500, as on Discord.
	MaxGuildsPerShard int
	// IdentifyWindow, when set, enforces max_concurrency as Discord does:
	// an IDENTIFY less than IdentifyWindow after the previous one of its
	// bucket gets op 9 Invalid Session and is recorded as a violation.
	// Discord's window is 5 s. Zero enforces nothing (IdentifyLog still
	// records every IDENTIFY), so tests that force re-identifies stay fast.
	IdentifyWindow time.Duration
	// OpenAPIPath locates Discord's openapi.json; by default
	// shared/discord-api/openapi.json is looked for in every ancestor of the
	// working directory and in each ancestor's parent.
	OpenAPIPath string
	// NoSchemaChecks turns the OpenAPI checks of request bodies off. Only
	// latency benchmarks want it: the checks run in the test's process on
	// the bot's cores, and a rich embed takes far longer to check than the
	// bare bot's constant, so they would bill Discord's work to the bot.
	NoSchemaChecks bool
}

// Guild is a guild the bot is in.
type Guild struct {
	ID, Name string
	Channels []Channel
	Roles    []Role
}

// Channel is a text channel of a guild.
type Channel struct{ ID, Name string }

// Role is a guild role; Permissions is its permission bit set.
type Role struct {
	ID, Name    string
	Permissions int64
}

// RouteLimit is a per-route bucket: Limit requests per Window.
type RouteLimit struct {
	Limit  int
	Window time.Duration
}

func (o Options) withDefaults() Options {
	if o.Token == "" {
		o.Token = defaultToken
	}
	if o.ApplicationID == "" {
		o.ApplicationID = defaultApplicationID
	}
	if o.BotUsername == "" {
		o.BotUsername = defaultBotUsername
	}
	if o.Guilds == nil {
		o.Guilds = []Guild{{
			ID:   DefaultGuildID,
			Name: "Spotter Test Gym",
			Channels: []Channel{
				{ID: DefaultChannelID, Name: "general"},
				{ID: DefaultTipsChannel, Name: "form-tips"},
			},
			Roles: []Role{{ID: DefaultModRoleID, Name: "Moderator", Permissions: PermManageMessages | PermPinMessages}},
		}}
	}
	if o.GlobalRateLimit <= 0 {
		o.GlobalRateLimit = defaultGlobalLimit
	}
	if o.CallbackDeadline <= 0 {
		o.CallbackDeadline = defaultDeadline
	}
	if o.MaxPins <= 0 {
		o.MaxPins = defaultMaxPins
	}
	if o.HeartbeatInterval <= 0 {
		o.HeartbeatInterval = defaultHeartbeat
	}
	if o.MaxConcurrency <= 0 {
		o.MaxConcurrency = 1
	}
	if o.MaxGuildsPerShard <= 0 {
		o.MaxGuildsPerShard = defaultMaxGuildsPerShard
	}
	if o.RecommendedShards <= 0 {
		per := min(o.MaxGuildsPerShard, guildsPerRecommendedShard)
		o.RecommendedShards = max(1, (len(o.Guilds)+per-1)/per)
	}
	return o
}
