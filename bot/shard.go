package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Sharding. Discord splits a bot's servers between gateway connections,
// "shards": server g belongs to shard (g >> 22) % shard_count, and a shard
// may hold at most 2,500 servers (past that an unsharded IDENTIFY is closed
// with 4011). A process runs some or all of the shards, one discordgo
// session each; every shard feeds the same dispatcher, and REST calls go
// through one session whatever the shard, so they share one rate limiter.
//
// Starting sessions is rate limited too: at most max_concurrency IDENTIFYs
// every 5 s, counted in buckets shard_id % max_concurrency (one IDENTIFY per
// bucket per 5 s). Start paces its shards through an identifyGate. Other
// processes running the remaining shards pace themselves the same way; a
// deployment that starts them all at once should stagger them by 5 s per
// bucket (see "Scaling out" in README.md). A later re-identify, when
// Discord invalidates a session, is discordgo's own and is not paced: it
// has no hook for it, and such re-identifies are rare and spread out.

// DefaultIdentifyWindow is Discord's identify window: max_concurrency
// IDENTIFYs per bucket set every 5 seconds.
const DefaultIdentifyWindow = 5 * time.Second

// maxGuildsPerShard is the most servers Discord lets one shard hold.
const maxGuildsPerShard = 2500

// Gateway close codes Start explains.
const (
	closeAuthFailed       = 4004
	closeInvalidShard     = 4010
	closeShardingRequired = 4011
)

// ErrShardingRequired means Discord refused the gateway connection because
// the bot is in too many servers for its shard count (close code 4011).
var ErrShardingRequired = errors.New("discord requires more shards (gateway close code 4011)")

// ShardOf returns the shard that receives the events of the server guildID
// when the bot runs shardCount shards: (guild_id >> 22) % shard_count. An
// id that is not a snowflake, and direct messages (guildID ""), belong to
// shard 0, as on Discord.
func ShardOf(guildID string, shardCount int) int {
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil || shardCount <= 1 {
		return 0
	}
	return int((id >> 22) % uint64(shardCount))
}

// planShards decides how many shards the bot runs in all and which of
// them this process runs: count 0 takes Discord's recommendation, no ids
// means every shard.
func planShards(count int, ids []int, recommended int) (int, []int, error) {
	if count < 0 {
		return 0, nil, fmt.Errorf("bot: shard count %d is negative", count)
	}
	if count == 0 {
		if len(ids) > 0 {
			return 0, nil, errors.New("bot: shard ids need an explicit shard count, so that every process splits the servers the same way")
		}
		count = max(recommended, 1)
	}
	if len(ids) == 0 {
		all := make([]int, count)
		for i := range all {
			all[i] = i
		}
		return count, all, nil
	}
	seen := map[int]bool{}
	for _, id := range ids {
		if id < 0 || id >= count {
			return 0, nil, fmt.Errorf("bot: shard id %d is not in 0..%d (shard count %d)", id, count-1, count)
		}
		if seen[id] {
			return 0, nil, fmt.Errorf("bot: shard id %d is listed twice", id)
		}
		seen[id] = true
	}
	return count, ids, nil
}

// shard is one gateway connection of the bot.
type shard struct {
	id, count int
	session   *discordgo.Session
	log       *slog.Logger
	connected atomic.Bool
	ready     chan *discordgo.Ready
}

// newShard makes the session of shard id of count. Its REST calls share the
// bot's HTTP client and rate limiter; only its gateway connection is its own.
func (b *Bot) newShard(id, count int) (*shard, error) {
	session, err := discordgo.New("Bot " + b.opts.Token)
	if err != nil {
		return nil, fmt.Errorf("create the session of shard %d: %w", id, err)
	}
	session.Client = b.session.Client
	session.Ratelimiter = b.session.Ratelimiter
	session.Identify.Intents = b.session.Identify.Intents
	session.StateEnabled = false
	session.ShardID, session.ShardCount = id, count
	sh := &shard{id: id, count: count, session: session, ready: make(chan *discordgo.Ready, 1)}
	sh.log = b.log
	if count > 1 {
		sh.log = b.log.With("shard", id)
	}
	session.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
		sh.connected.Store(true)
		select {
		case sh.ready <- r:
		default:
		}
	})
	session.AddHandler(func(*discordgo.Session, *discordgo.Connect) { sh.connected.Store(true) })
	session.AddHandler(func(*discordgo.Session, *discordgo.Resumed) { sh.connected.Store(true) })
	session.AddHandler(func(*discordgo.Session, *discordgo.Disconnect) { sh.connected.Store(false) })
	// Interactions are read from the raw event: discordgo drops parts of
	// the payload Spotter checks, such as the permissions Discord resolves
	// for a channel option.
	session.AddHandler(func(_ *discordgo.Session, e *discordgo.Event) { b.onEvent(sh, e) })
	if b.opts.Guilds != nil {
		b.observeGuilds(sh, b.opts.Guilds)
	}
	return sh, nil
}

// startGateway connects this process's shards, paced by Discord's identify
// limit, waits for each READY, and registers the commands once.
func (b *Bot) startGateway(ctx context.Context, gw *discordgo.GatewayBotResponse) error {
	count, ids, err := planShards(b.opts.ShardCount, b.opts.ShardIDs, gw.Shards)
	if err != nil {
		return err
	}
	shards := make([]*shard, 0, len(ids))
	for _, id := range ids {
		sh, err := b.newShard(id, count)
		if err != nil {
			return err
		}
		shards = append(shards, sh)
	}
	b.shards.Store(&shards)
	b.guildLists = newGuildLists(count, len(ids))

	concurrency := max(gw.SessionStartLimit.MaxConcurrency, 1)
	gate := newIdentifyGate(concurrency, b.opts.IdentifyWindow)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	readies := make([]*discordgo.Ready, len(shards))
	errs := make([]error, len(shards))
	var wg sync.WaitGroup
	for i, sh := range shards {
		wg.Go(func() {
			readies[i], errs[i] = b.openShard(ctx, gate, sh)
			if errs[i] != nil {
				cancel() // the others stop waiting for their turn
			}
		})
	}
	wg.Wait()
	if err := firstShardError(errs); err != nil {
		return err
	}
	ready := readies[0]
	appID := ready.User.ID
	if ready.Application != nil && ready.Application.ID != "" {
		appID = ready.Application.ID
	}
	b.appID = appID
	if err := b.syncCommands(appID); err != nil {
		return err
	}
	guilds := 0
	for _, r := range readies {
		guilds += len(r.Guilds)
	}
	b.log.Info("connected to discord", "user", ready.User.Username, "application", appID, "guilds", guilds,
		"shards", ids, "shard_count", count, "max_concurrency", concurrency)
	if count > 1 && len(ids) < count {
		b.log.Info("this process runs some of the shards: run the others in other processes (discord.shard_ids)", "shards", ids, "shard_count", count)
	}
	return nil
}

// firstShardError picks the error to report: a definite refusal (sharding,
// token) before the cancellations it caused in the other shards.
func firstShardError(errs []error) error {
	var first error
	for _, err := range errs {
		if err == nil {
			continue
		}
		if !errors.Is(err, context.Canceled) {
			return err
		}
		if first == nil {
			first = err
		}
	}
	return first
}

// openShard waits for the shard's identify turn, connects it and waits for
// its READY.
func (b *Bot) openShard(ctx context.Context, gate *identifyGate, sh *shard) (*discordgo.Ready, error) {
	release, err := gate.acquire(ctx, sh.id)
	if err != nil {
		return nil, fmt.Errorf("shard %d: wait for its identify turn: %w", sh.id, err)
	}
	// Open returns once the first event after IDENTIFY has arrived, so the
	// next IDENTIFY of the bucket is counted from after this one reached
	// Discord.
	openErr := sh.session.Open()
	release()
	if openErr != nil {
		return nil, sh.openError(openErr)
	}
	timer := time.NewTimer(b.opts.ReadyTimeout)
	defer timer.Stop()
	select {
	case r := <-sh.ready:
		sh.log.Info("shard ready", "shard", sh.id, "shard_count", sh.count, "guilds", len(r.Guilds))
		return r, nil
	case <-timer.C:
		return nil, fmt.Errorf("connect shard %d of %d to the discord gateway: no READY within %s", sh.id, sh.count, b.opts.ReadyTimeout)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// openError explains the gateway's refusals that restarting does not fix.
func (sh *shard) openError(err error) error {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		switch ce.Code {
		case closeShardingRequired:
			if sh.count == 1 {
				return fmt.Errorf("%w: the bot is in more servers than one gateway connection may hold (%d): set [discord] shard_count = 0 to use Discord's recommended count, or a shard count of at least servers/%d", ErrShardingRequired, maxGuildsPerShard, maxGuildsPerShard)
			}
			return fmt.Errorf("%w: shard %d of %d holds more than %d servers: raise [discord] shard_count, or set it to 0 to use Discord's recommendation", ErrShardingRequired, sh.id, sh.count, maxGuildsPerShard)
		case closeInvalidShard:
			return fmt.Errorf("discord refused shard %d of %d as invalid (close code 4010): check [discord] shard_count and shard_ids", sh.id, sh.count)
		case closeAuthFailed:
			return fmt.Errorf("%w (gateway close code 4004): reset it in the Developer Portal and update DISCORD_TOKEN", ErrTokenRejected)
		}
	}
	return fmt.Errorf("connect shard %d of %d to the discord gateway: %w", sh.id, sh.count, err)
}

// currentShards returns the shards Start made, or nil before it.
func (b *Bot) currentShards() []*shard {
	if p := b.shards.Load(); p != nil {
		return *p
	}
	return nil
}

// shardsConnected reports whether every shard of this process is connected.
func (b *Bot) shardsConnected() bool {
	shards := b.currentShards()
	for _, sh := range shards {
		if !sh.connected.Load() {
			return false
		}
	}
	return len(shards) > 0
}

// closeShards closes every shard's gateway connection.
func (b *Bot) closeShards() error {
	var errs []error
	for _, sh := range b.currentShards() {
		if err := sh.session.Close(); err != nil {
			errs = append(errs, fmt.Errorf("close shard %d: %w", sh.id, err))
		}
		sh.connected.Store(false)
	}
	return errors.Join(errs...)
}

// onEvent passes a shard's INTERACTION_CREATE to the dispatcher, and its
// member events to the router's member handlers.
func (b *Bot) onEvent(sh *shard, e *discordgo.Event) {
	if ev, ok, err := memberEvent(e); ok {
		if err != nil {
			sh.log.Error("a member event could not be read", "err", err)
			return
		}
		b.opts.Router.runMemberHandlers(sh.log, ev)
		return
	}
	if e.Type != "INTERACTION_CREATE" {
		return
	}
	received := time.Now()
	i, err := eventInteraction(e)
	if err != nil {
		sh.log.Error("an interaction could not be read", "err", err)
		return
	}
	b.dispatch(sh.log, i, parseExtras(i, e.RawData), received, restCallback{b.discord, i})
}

// eventInteraction returns the interaction of an INTERACTION_CREATE event.
// discordgo has decoded it into e.Struct already; decoding it again took
// about 45 µs before every ack. discordgo passes on a decode that failed
// (and logs it), so an interaction that does not look whole is decoded
// again here, to read or refuse it exactly as a fresh decode does.
func eventInteraction(e *discordgo.Event) (*discordgo.Interaction, error) {
	if ic, ok := e.Struct.(*discordgo.InteractionCreate); ok && decodedWhole(ic.Interaction) {
		return ic.Interaction, nil
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(e.RawData, &i); err != nil {
		return nil, fmt.Errorf("decode INTERACTION_CREATE: %w", err)
	}
	return &i, nil
}

// decodedWhole reports whether discordgo's Interaction.UnmarshalJSON
// succeeded on i: when it fails it leaves the interaction empty (no id),
// or, when only the data failed, without its data.
func decodedWhole(i *discordgo.Interaction) bool {
	if i == nil || i.ID == "" {
		return false
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete,
		discordgo.InteractionMessageComponent, discordgo.InteractionModalSubmit:
		return i.Data != nil
	}
	return true
}

// ShardGuildObserver is a GuildObserver that can take one shard's READY:
// present lists the servers of that shard only, and owns says which
// servers belong to it, so the servers of other shards (maybe run by other
// processes) are left alone. Without it, a bot with several shards reports
// READY only when this process runs them all, with their servers together.
type ShardGuildObserver interface {
	GuildObserver
	GuildsAtShardReady(ctx context.Context, present []string, owns func(guildID string) bool) error
}

// guildLists gathers the servers each shard listed at its latest READY, to
// report them together once every shard has.
type guildLists struct {
	mu      sync.Mutex
	count   int
	local   int
	byShard map[int][]string
	warned  bool
}

func newGuildLists(count, local int) *guildLists {
	return &guildLists{count: count, local: local, byShard: map[int][]string{}}
}

// observeGuilds passes sh's server events to g.
func (b *Bot) observeGuilds(sh *shard, g GuildObserver) {
	report := func(what, guildID string, err error) {
		if err != nil {
			sh.log.Error("recording a server event failed", "event", what, "guild", guildID, "err", err)
		}
	}
	sh.session.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
		ids := make([]string, 0, len(r.Guilds))
		for _, guild := range r.Guilds {
			ids = append(ids, guild.ID)
		}
		report("ready", "", b.guildsAtReady(sh, g, ids))
	})
	sh.session.AddHandler(func(_ *discordgo.Session, c *discordgo.GuildCreate) {
		report("guild_create", c.ID, g.GuildJoined(b.base, c.ID))
	})
	sh.session.AddHandler(func(_ *discordgo.Session, d *discordgo.GuildDelete) {
		if d.Guild == nil || d.Unavailable {
			return
		}
		report("guild_delete", d.ID, g.GuildRemoved(b.base, d.ID))
	})
}

// guildsAtReady reports the servers sh listed at READY. A shard lists only
// its own servers, so a plain GuildObserver, which takes the list as every
// server the bot is in, hears it only when the lists of all shards are at
// hand; with shards in other processes it hears none (removals while the
// bot was offline then show as GUILD_DELETE events, not at READY).
func (b *Bot) guildsAtReady(sh *shard, g GuildObserver, ids []string) error {
	if sg, ok := g.(ShardGuildObserver); ok && sh.count > 1 {
		return sg.GuildsAtShardReady(b.base, ids, func(guildID string) bool { return ShardOf(guildID, sh.count) == sh.id })
	}
	if sh.count <= 1 {
		return g.GuildsAtReady(b.base, ids)
	}
	l := b.guildLists
	l.mu.Lock()
	if l.local < l.count {
		warn := !l.warned
		l.warned = true
		l.mu.Unlock()
		if warn {
			sh.log.Info("other processes run some shards: servers that removed the bot while it was offline are not noticed at READY")
		}
		return nil
	}
	l.byShard[sh.id] = ids
	if len(l.byShard) < l.count {
		l.mu.Unlock()
		return nil
	}
	var all []string
	for _, list := range l.byShard {
		all = append(all, list...)
	}
	l.mu.Unlock()
	return g.GuildsAtReady(b.base, all)
}

// identifyGate paces IDENTIFYs as Discord requires: shards are grouped in
// buckets shard_id % max_concurrency, and a bucket starts one session per
// window (5 s on Discord).
type identifyGate struct {
	concurrency int
	window      time.Duration

	mu      sync.Mutex
	buckets map[int]*identifyBucket
}

// identifyBucket's token is held by the shard identifying in it; next, the
// earliest time of the bucket's next IDENTIFY, is read and written only by
// the token's holder.
type identifyBucket struct {
	token chan struct{}
	next  time.Time
}

func newIdentifyGate(concurrency int, window time.Duration) *identifyGate {
	return &identifyGate{concurrency: max(concurrency, 1), window: window, buckets: map[int]*identifyBucket{}}
}

func (g *identifyGate) bucket(shardID int) *identifyBucket {
	g.mu.Lock()
	defer g.mu.Unlock()
	k := shardID % g.concurrency
	b := g.buckets[k]
	if b == nil {
		b = &identifyBucket{token: make(chan struct{}, 1)}
		g.buckets[k] = b
	}
	return b
}

// acquire waits until shardID may IDENTIFY. The caller identifies, then
// calls release, from which the bucket's window is counted.
func (g *identifyGate) acquire(ctx context.Context, shardID int) (release func(), err error) {
	b := g.bucket(shardID)
	select {
	case b.token <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if wait := time.Until(b.next); wait > 0 {
		timer := time.NewTimer(wait)
		select {
		case <-timer.C:
		case <-ctx.Done():
			timer.Stop()
			<-b.token
			return nil, ctx.Err()
		}
	}
	return func() {
		b.next = time.Now().Add(g.window)
		<-b.token
	}, nil
}
