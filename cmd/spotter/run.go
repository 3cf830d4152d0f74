package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/retention"
	"github.com/spotter-bot/spotter/bot/schedule"
	"github.com/spotter-bot/spotter/bot/store"
	"github.com/spotter-bot/spotter/commands"
	"github.com/spotter-bot/spotter/knowledge"
)

// usageError is a mistake in the command line; run exits 2 for it.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// subcommand is one word after "spotter".
type subcommand struct {
	summary string
	run     func(ctx context.Context, args []string, env environment) error
}

// environment is what a subcommand may touch of the outside world.
type environment struct {
	getenv func(string) string
	stdout io.Writer
	stderr io.Writer
}

func subcommands() map[string]subcommand {
	return map[string]subcommand{
		"run":     {summary: "run the bot (the default): spotter [run] [-config FILE]", run: runBot},
		"help":    {summary: "list the subcommands", run: runHelp},
		"ask":     {summary: "print the answer /sore-back gives: spotter ask [-json] [-region CODE] QUESTION...", run: runAsk},
		"kb":      {summary: "check the knowledge base and form-tip cards: spotter kb lint [-dir DIR]", run: runKB},
		"privacy": {summary: "export or delete one member's data (for admins): spotter privacy export|delete [-config FILE] USER_ID", run: runPrivacy},
	}
}

// run is the whole program: main only calls it and maps its error to an
// exit code.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	env := environment{getenv: getenv, stdout: stdout, stderr: stderr}
	name := "run"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	sub, ok := subcommands()[name]
	if !ok {
		return &usageError{msg: fmt.Sprintf("unknown subcommand %q: run 'spotter help' for the list", name)}
	}
	return sub.run(ctx, args, env)
}

func runHelp(_ context.Context, _ []string, env environment) error {
	subs := subcommands()
	names := make([]string, 0, len(subs))
	for n := range subs {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(env.stdout, "Spotter: a Discord bot that looks after lifters' lower backs.")
	fmt.Fprintln(env.stdout, "\nSubcommands:")
	for _, n := range names {
		fmt.Fprintf(env.stdout, "  %-8s %s\n", n, subs[n].summary)
	}
	return nil
}

// shutdownBudget is how long a clean shutdown may take in all.
const shutdownBudget = 10 * time.Second

// retentionSweepInterval is how often expired data is looked for; the limits
// themselves are in [privacy].
const retentionSweepInterval = time.Hour

func runBot(ctx context.Context, args []string, env environment) error {
	flags := flag.NewFlagSet("spotter", flag.ContinueOnError)
	flags.SetOutput(env.stderr)
	configPath := flags.String("config", "config.toml", "path to the TOML configuration file")
	if err := flags.Parse(args); err != nil {
		return &usageError{msg: err.Error()}
	}
	if flags.NArg() > 0 {
		return &usageError{msg: fmt.Sprintf("unexpected argument %q", flags.Arg(0))}
	}
	cfg, err := LoadConfig(*configPath, env.getenv)
	if err != nil {
		return err
	}
	logger := newLogger(cfg.Log, env.stderr)
	for _, w := range configWarnings(cfg) {
		logger.Warn(w)
	}

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	db, err := store.Open(ctx, cfg.Database.Path)
	if errors.Is(err, store.ErrUnusablePath) || errors.Is(err, store.ErrCorrupt) {
		// Restarting cannot fix these: exit 2 so systemd does not loop.
		return &configError{msg: err.Error()}
	}
	if err != nil {
		return err
	}
	defer db.Close()
	keeper := retention.New(db, cfg.Privacy.policy(), time.Now, logger)
	keeper.Start(retentionSweepInterval)
	defer keeper.Stop()

	kb, err := knowledge.Default()
	if err != nil {
		return err
	}
	metrics := bot.NewMetrics()
	sched, err := schedule.New(schedule.Options{Store: db, Logger: logger, Metrics: metrics,
		GlobalRateLimit: cfg.Checkins.GlobalRateLimit, LateGrace: cfg.Checkins.LateGrace})
	if err != nil {
		return err
	}
	router := bot.NewRouter()
	commands.Register(router, commands.Deps{
		Store: db, Knowledge: kb, Scheduler: sched, Retention: cfg.Privacy.policy(), Logger: logger,
	})
	b, err := bot.New(bot.Options{
		Token:       cfg.Discord.Token,
		APIURL:      cfg.Discord.APIURL,
		DevGuildIDs: cfg.Discord.DevGuildIDs,
		Router:      router,
		Logger:      logger,
		Metrics:     metrics,
		Guilds:      keeper,
	})
	if err != nil {
		return err
	}

	var health *http.Server
	if cfg.HTTP.Listen != "" {
		if health, err = serveHealth(cfg.HTTP.Listen, bot.HealthHandler(b.Connected, db, metrics), logger); err != nil {
			return err
		}
	}
	startErr := b.Start(ctx)
	if startErr == nil {
		startErr = sched.Start(b.Discord())
	}
	if startErr == nil {
		logger.Info("spotter is running; press Ctrl+C to stop")
		<-ctx.Done()
		logger.Info("shutting down")
	}

	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownBudget)
	defer cancel()
	err = errors.Join(sched.Stop(shutdownCtx), b.Shutdown(shutdownCtx))
	if health != nil {
		err = errors.Join(err, health.Shutdown(shutdownCtx))
	}
	if errors.Is(startErr, bot.ErrTokenRejected) {
		return errors.Join(&configError{msg: startErr.Error()}, err)
	}
	if startErr != nil && !errors.Is(startErr, context.Canceled) {
		return errors.Join(startErr, err)
	}
	return err
}

func serveHealth(addr string, h http.Handler, logger *slog.Logger) (*http.Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("http.listen %s: %w", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error("health server stopped", "err", err)
		}
	}()
	logger.Info("serving /healthz and /metrics", "addr", ln.Addr().String())
	return srv, nil
}

func newLogger(cfg LogConfig, w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.Level)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if cfg.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
