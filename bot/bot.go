package bot

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Options configures a Bot.
type Options struct {
	Token       string
	APIURL      string
	DevGuildIDs []string
	Router      *Router
	Logger      *slog.Logger
	Metrics     *Metrics
	// DeferAfter is how long after receipt a still-running handler is
	// deferred; Discord's deadline is 3 s. Default 2 s.
	DeferAfter time.Duration
	// HandlerTimeout bounds one handler; interaction tokens live 15 min.
	// Default 5 min.
	HandlerTimeout time.Duration
	// ReadyTimeout bounds the wait for the gateway's READY at start-up.
	// Default 30 s.
	ReadyTimeout time.Duration
	// Guilds, if set, hears which servers the bot is in and leaves.
	Guilds GuildObserver
	// Mode is how interactions arrive: ModeGateway (the default) or
	// ModeHTTP, Discord POSTing them to InteractionsHandler.
	Mode string
	// PublicKey is the application's Ed25519 public key from the Developer
	// Portal, which signs every HTTP interaction; required in ModeHTTP.
	PublicKey ed25519.PublicKey
	// GuildPollInterval is how often ModeHTTP lists the bot's servers over
	// REST to notice removals, which only the gateway reports. Default 10 min.
	GuildPollInterval time.Duration
	// Leading, when set, says whether this process leads replicas that
	// share its database: only the leader's periodic listing runs, since
	// one is enough for all of them. The listing at start-up always runs.
	Leading func() bool
	// ShardCount is how many gateway shards the bot runs in all; 0 takes
	// Discord's recommendation (GET /gateway/bot). Gateway mode only.
	ShardCount int
	// ShardIDs are the shards this process runs; empty runs them all.
	// Setting them needs an explicit ShardCount.
	ShardIDs []int
	// IdentifyWindow is the window in which Discord lets each identify
	// bucket start one gateway session; default DefaultIdentifyWindow
	// (5 s). Tests shorten it together with the stand-in's.
	IdentifyWindow time.Duration
	// StorageFailure reports whether a handler's error is the database
	// failing (locked, full, read-only) rather than a bug: the member is
	// then told that nothing was recorded. The storage adapter knows its
	// database's errors (store.IsStorageFailure for SQLite); nil means no
	// error is taken for one.
	StorageFailure func(error) bool
	// MembersIntent asks Discord for the privileged Server Members intent,
	// so the router's member handlers hear members leave and change roles
	// as it happens. It must be switched on in the Developer Portal too, or
	// Discord refuses the connection (close code 4014).
	MembersIntent bool
}

// GuildObserver hears the gateway's server events: the servers listed at
// READY, a server joined (or available again), and a removal from a server
// (not an outage, which Discord reports as unavailable).
type GuildObserver interface {
	GuildsAtReady(ctx context.Context, guildIDs []string) error
	GuildJoined(ctx context.Context, guildID string) error
	GuildRemoved(ctx context.Context, guildID string) error
}

// callbackRetryWindow is how long after receipt a first callback that
// failed with a server error is retried; Discord's deadline is 3 s.
const callbackRetryWindow = 2500 * time.Millisecond

// undeliveredTimeout bounds the OnUndelivered hooks of an answer that could
// not be sent.
const undeliveredTimeout = 5 * time.Second

// Bot is Spotter connected to Discord.
type Bot struct {
	opts    Options
	session *discordgo.Session
	discord Discord
	log     *slog.Logger
	metrics *Metrics
	serve   Handler

	// connected is ModeHTTP's readiness; the gateway's is its shards'.
	connected atomic.Bool
	// shards are this process's gateway connections, set by Start;
	// guildLists gathers their READY server lists.
	shards     atomic.Pointer[[]*shard]
	guildLists *guildLists
	// appID is the application's id, learnt from READY in Start.
	appID string

	mu       sync.Mutex
	closing  bool
	inflight sync.WaitGroup
	// base is cancelled when shutdown gives up waiting for handlers.
	base       context.Context
	cancelBase context.CancelFunc

	// guildAPI lists the bot's servers in ModeHTTP; stopPoll ends that
	// poll and pollDone is closed once it has.
	guildAPI guildLister
	stopPoll context.CancelFunc
	pollDone chan struct{}
}

// New prepares a Bot; it does not connect until Start.
func New(opts Options) (*Bot, error) {
	if opts.Router == nil {
		return nil, errors.New("bot: no router")
	}
	if err := opts.Router.Check(); err != nil {
		return nil, err
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Metrics == nil {
		opts.Metrics = NewMetrics()
	}
	if opts.DeferAfter <= 0 {
		opts.DeferAfter = 2 * time.Second
	}
	if opts.HandlerTimeout <= 0 {
		opts.HandlerTimeout = 5 * time.Minute
	}
	if opts.ReadyTimeout <= 0 {
		opts.ReadyTimeout = 30 * time.Second
	}
	if opts.IdentifyWindow <= 0 {
		opts.IdentifyWindow = DefaultIdentifyWindow
	}
	if _, _, err := planShards(opts.ShardCount, opts.ShardIDs, 1); err != nil {
		return nil, err
	}
	if err := checkMode(&opts); err != nil {
		return nil, err
	}
	session, err := discordgo.New("Bot " + opts.Token)
	if err != nil {
		return nil, fmt.Errorf("create discord session: %w", err)
	}
	transport, err := newAPITransport(opts.APIURL, http.DefaultTransport, opts.Metrics.restError)
	if err != nil {
		return nil, err
	}
	session.Client = &http.Client{Transport: transport, Timeout: 20 * time.Second}
	// Interactions need no intent; guild events let Spotter notice when it
	// is removed from a server. Nothing else is requested. This session
	// carries the REST calls; each shard's session (shard.go) copies it.
	session.Identify.Intents = discordgo.IntentsGuilds
	if opts.MembersIntent {
		session.Identify.Intents |= discordgo.IntentsGuildMembers
	}
	session.StateEnabled = false

	base, cancel := context.WithCancel(context.Background())
	b := &Bot{
		opts:       opts,
		session:    session,
		discord:    session,
		log:        opts.Logger,
		metrics:    opts.Metrics,
		base:       base,
		cancelBase: cancel,
		guildAPI:   session,
	}
	b.serve = Chain(opts.Router.Serve, Logging(), AutoDefer(opts.DeferAfter), Recover())
	return b, nil
}

// ErrTokenRejected means Discord refused the bot token: a configuration
// problem that restarting does not fix.
var ErrTokenRejected = errors.New("discord rejected the bot token")

// withoutDefaultURL drops the URL net/http puts in a transport error: it is
// discordgo's built-in discord.com address, not the api_url the request
// really went to, which the caller names instead.
func withoutDefaultURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("%s: %w", strings.ToUpper(ue.Op), ue.Err)
	}
	return err
}

// Discord returns the REST port, for features that send messages on their own.
func (b *Bot) Discord() Discord { return b.discord }

// Metrics returns the bot's metrics.
func (b *Bot) Metrics() *Metrics { return b.metrics }

// ApplicationID returns the application's id once Start has returned
// without error (it comes with the gateway's READY), for the invite link.
func (b *Bot) ApplicationID() string { return b.appID }

// Connected reports whether the bot takes interactions: in gateway mode,
// whether every shard this process runs is connected.
func (b *Bot) Connected() bool {
	if b.opts.Mode == ModeHTTP {
		return b.connected.Load()
	}
	return b.shardsConnected()
}

// Start checks the token, connects this process's gateway shards (paced by
// Discord's identify limit), waits for their READY and registers the
// command definitions once, with one bulk overwrite. In ModeHTTP it opens
// no gateway: see startHTTP.
func (b *Bot) Start(ctx context.Context) error {
	if b.opts.Mode == ModeHTTP {
		return b.startHTTP(ctx)
	}
	gw, err := b.session.GatewayBot(discordgo.WithContext(ctx))
	if err != nil {
		if ErrorStatus(err) == http.StatusUnauthorized {
			return fmt.Errorf("%w (401 from %s): reset it in the Developer Portal and update DISCORD_TOKEN", ErrTokenRejected, b.opts.APIURL)
		}
		return fmt.Errorf("reach discord at %s: %w", b.opts.APIURL, withoutDefaultURL(err))
	}
	return b.startGateway(ctx, gw)
}

// syncCommands registers every definition with one bulk overwrite, globally
// or in each development server.
func (b *Bot) syncCommands(appID string) error {
	defs := b.opts.Router.Definitions()
	if len(b.opts.DevGuildIDs) == 0 {
		cmds, err := b.discord.ApplicationCommandBulkOverwrite(appID, "", defs)
		if err != nil {
			return fmt.Errorf("register %d commands globally: %w", len(defs), err)
		}
		b.opts.Router.rememberCommandIDs(cmds)
		b.log.Info("registered commands globally (new servers may take up to an hour to see changes)", "count", len(defs))
		return nil
	}
	for _, guild := range b.opts.DevGuildIDs {
		cmds, err := b.discord.ApplicationCommandBulkOverwrite(appID, guild, defs)
		if err != nil {
			return fmt.Errorf("register %d commands in server %s: %w", len(defs), guild, err)
		}
		// Each server gives its own ids; with several, no one id is right
		// everywhere, so mentions stay plain text.
		if len(b.opts.DevGuildIDs) == 1 {
			b.opts.Router.rememberCommandIDs(cmds)
		}
	}
	b.log.Info("registered commands in development servers", "count", len(defs), "guilds", b.opts.DevGuildIDs)
	return nil
}

// Handle answers one interaction received at the given time. The gateway
// calls it for every INTERACTION_CREATE; benchmarks call it directly.
func (b *Bot) Handle(i *discordgo.Interaction, received time.Time) {
	b.handle(i, payloadExtras{}, received, restCallback{b.discord, i})
}

// handle is the dispatcher both transports share: it routes the
// interaction through the middleware and sends the first response through
// first, whatever the transport.
func (b *Bot) handle(i *discordgo.Interaction, extras payloadExtras, received time.Time, first firstResponder) {
	b.dispatch(b.log, i, extras, received, first)
}

// dispatch is handle with the logger of the way the interaction came in
// (a gateway shard's carries the shard).
func (b *Bot) dispatch(log *slog.Logger, i *discordgo.Interaction, extras payloadExtras, received time.Time, first firstResponder) {
	b.mu.Lock()
	if b.closing {
		b.mu.Unlock()
		b.refuseWhileClosing(i, first)
		return
	}
	b.inflight.Add(1)
	b.mu.Unlock()
	defer b.inflight.Done()

	a := &ack{discord: b.discord, interaction: i, first: first, retryUntil: received.Add(callbackRetryWindow)}
	req := &Request{Interaction: i, Received: received, Discord: b.discord, deferrer: a.deferReply, channelPerms: extras.channelPerms}
	req.Log = log.With("interaction", i.ID, "user", req.UserID(), "guild", i.GuildID)
	ctx, cancel := context.WithTimeout(b.base, b.opts.HandlerTimeout)
	defer cancel()

	resp, err := b.serve(ctx, req)
	outcome := "ok"
	if err == nil && resp == nil {
		err = fmt.Errorf("handler %s returned no response", req.Route)
	}
	if err != nil {
		resp, outcome = errorResponse(req, err, b.opts.StorageFailure)
	}
	if sendErr := a.send(resp); sendErr != nil {
		outcome = b.logSendFailure(req, sendErr)
		undoCtx, undo := context.WithTimeout(context.WithoutCancel(ctx), undeliveredTimeout)
		req.runUndelivered(undoCtx)
		undo()
	}
	route := req.Route
	if route == "" {
		route = "unknown"
	}
	b.metrics.Interactions.WithLabelValues(route, outcome).Inc()
	b.metrics.HandlerSeconds.WithLabelValues(route).Observe(time.Since(received).Seconds())
}

// errorResponse turns a handler error into what the member sees;
// storageFailure, if set, recognises the database failing.
func errorResponse(req *Request, err error, storageFailure func(error) bool) (*Response, string) {
	msg, outcome := apology, "error"
	if ue, ok := AsUserError(err); ok {
		msg, outcome = ue.Message, "user_error"
	} else if storageFailure != nil && storageFailure(err) {
		msg, outcome = notRecorded, "storage_error"
	}
	if req.Type == discordgo.InteractionApplicationCommandAutocomplete {
		// Autocomplete cannot show a message; an empty list is the honest answer.
		return Choices(nil), outcome
	}
	return Ephemeral(msg), outcome
}

func (b *Bot) logSendFailure(req *Request, err error) string {
	switch {
	case ErrorCode(err) == CodeUnknownInteraction || errors.Is(err, errReplyGone):
		req.Log.Warn("interaction expired before the answer was sent", "took", time.Since(req.Received), "err", err)
		return "expired"
	default:
		req.Log.Error("sending the answer failed", "err", err)
		return "send_failed"
	}
}

func (b *Bot) refuseWhileClosing(i *discordgo.Interaction, first firstResponder) {
	resp := Ephemeral(restartingMessage)
	if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		resp = Choices(nil)
	}
	if err := first.respond(resp.interactionResponse()); err != nil {
		b.log.Warn("could not tell a member the bot is restarting", "interaction", i.ID, "err", err)
	}
	b.metrics.Interactions.WithLabelValues("unknown", "refused_shutting_down").Inc()
}

// Shutdown stops taking new interactions (members get a "restarting"
// message), waits for in-flight handlers until ctx ends, then closes the
// gateway connection of every shard.
func (b *Bot) Shutdown(ctx context.Context) error {
	b.mu.Lock()
	b.closing = true
	b.mu.Unlock()

	done := make(chan struct{})
	go func() {
		b.inflight.Wait()
		close(done)
	}()
	var waitErr error
	select {
	case <-done:
	case <-ctx.Done():
		waitErr = fmt.Errorf("shutdown: handlers still running: %w", ctx.Err())
		b.cancelBase()
	}
	b.stopGuildPoll()
	closeErr := b.closeShards()
	b.connected.Store(false)
	b.cancelBase()
	return errors.Join(waitErr, closeErr)
}
