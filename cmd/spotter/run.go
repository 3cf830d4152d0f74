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

// errHelpShown means a subcommand printed its help for -h; run exits 0.
var errHelpShown = errors.New("help shown")

// subcommand is one word after "spotter".
type subcommand struct {
	// usage is the synopsis, e.g. "spotter backup [-config FILE] OUT".
	usage string
	// summary is one line for the list `spotter help` prints.
	summary string
	// help says more, for `spotter help NAME` and `spotter NAME -h`.
	help string
	run  func(ctx context.Context, args []string, env environment) error
}

// environment is what a subcommand may touch of the outside world.
type environment struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

func subcommands() map[string]subcommand {
	return map[string]subcommand{
		"run": {
			usage:   "spotter [run] [-config FILE]",
			summary: "run the bot (the default)",
			help: `Connects to Discord, registers the slash commands and answers them until
SIGINT or SIGTERM. The configuration is read from FILE (default ./config.toml);
DISCORD_TOKEN overrides discord.token. A relative database.path is read from
the config file's folder. Exit codes: 0 clean shutdown, 2 a problem a restart
cannot fix (configuration, database path, rejected token), 1 anything else.`,
			run: runBot,
		},
		"help": {
			usage:   "spotter help [SUBCOMMAND]",
			summary: "list the subcommands, or explain one",
			help:    "Lists the subcommands; with a name, prints that subcommand's usage and flags. Same as spotter -h.",
			run:     runHelp,
		},
		"version": {
			usage:   "spotter version",
			summary: "print the version, Go version and build settings",
			help:    "Prints what this binary was built from: module version, commit when known, Go version, platform and whether SQLite (cgo) is linked.",
			run:     runVersion,
		},
		"ask": {
			usage:   "spotter ask [-json] [-region CODE] QUESTION...",
			summary: "print the answer /sore-back gives, with its buttons and menu",
			help: `Prints the answer a member would see for QUESTION, run through the real
/sore-back command, with the buttons and the related-topics menu under it.
No Discord needed. Example: spotter ask "lower back is cooked after DLs"`,
			run: runAsk,
		},
		"kb": {
			usage:   "spotter kb lint [-dir DIR]",
			summary: "check the knowledge base and form-tip cards",
			help:    "Checks every entry (or the files in DIR, while you edit them) and every form-tip card, and says how many it checked.",
			run:     runKB,
		},
		"privacy": {
			usage:   "spotter privacy export|delete [-config FILE] [-yes] USER_ID",
			summary: "export or delete one member's data (for admins)",
			help: `export prints everything kept about the member as JSON; delete erases it
after you type "yes" (-yes skips the question, for scripts). The database is
database.path from FILE (default ./config.toml); a relative path is read from
the config file's folder. A database that does not exist is an error: nothing
is created. USER_ID is the member's Discord id: turn on Developer Mode (User
Settings > Advanced), right-click the member, Copy User ID.`,
			run: runPrivacy,
		},
		"playground": playgroundSub(),
		"backup": {
			usage:   "spotter backup [-config FILE] OUT",
			summary: "copy the database consistently, even while the bot runs",
			help: `Writes a consistent copy of the database (database.path in FILE, default
./config.toml) to OUT, safely while the bot runs, and checks the copy. OUT
must not exist: a backup never overwrites anything. The copy holds health
data: it is created readable by its owner only.`,
			run: runBackup,
		},
		"db": {
			usage:   "spotter db migrate-to-postgres -from FILE -to URL",
			summary: "copy a SQLite database into PostgreSQL",
			help: `Copies every row of the SQLite database FILE into the PostgreSQL database at
URL (default DATABASE_URL), creating its tables first, in one transaction,
then compares the row counts of every table. Rows already there are kept,
so it is safe to run again; a target holding rows the source lacks is
refused. Stop the bot first, so no row is written meanwhile.`,
			run: runDB,
		},
	}
}

// run is the whole program: main only calls it and maps its error to an
// exit code. Questions (privacy delete) are read from the process's stdin.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	return runIn(ctx, args, environment{getenv: getenv, stdin: os.Stdin, stdout: stdout, stderr: stderr})
}

// runIn is run with every input given, so tests can answer questions.
func runIn(ctx context.Context, args []string, env environment) error {
	name := "run"
	if len(args) > 0 {
		switch {
		case isHelpFlag(args[0]):
			name, args = "help", nil
		case !strings.HasPrefix(args[0], "-"):
			name, args = args[0], args[1:]
		}
	}
	sub, ok := subcommands()[name]
	if !ok {
		return &usageError{msg: fmt.Sprintf("unknown subcommand %q: run 'spotter help' for the list", name)}
	}
	if err := sub.run(ctx, args, env); !errors.Is(err, errHelpShown) {
		return err
	}
	return nil
}

func isHelpFlag(arg string) bool {
	return arg == "-h" || arg == "-help" || arg == "--help"
}

func runHelp(_ context.Context, args []string, env environment) error {
	subs := subcommands()
	if len(args) > 0 {
		sub, ok := subs[args[0]]
		if !ok {
			return &usageError{msg: fmt.Sprintf("unknown subcommand %q: run 'spotter help' for the list", args[0])}
		}
		// The subcommand prints its own help, flags included.
		return sub.run(context.Background(), []string{"-h"}, env)
	}
	names := make([]string, 0, len(subs))
	for n := range subs {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(env.stdout, "Spotter: a Discord bot that looks after lifters' lower backs.")
	fmt.Fprintln(env.stdout, "\nUsage:")
	for _, n := range names {
		fmt.Fprintf(env.stdout, "  %s\n        %s\n", subs[n].usage, subs[n].summary)
	}
	fmt.Fprintln(env.stdout, "\nRun 'spotter help SUBCOMMAND' for one subcommand's flags.")
	return nil
}

// printHelp prints a subcommand's usage, help and flags.
func printHelp(w io.Writer, name string, flags *flag.FlagSet) {
	sub := subcommands()[name]
	fmt.Fprintf(w, "usage: %s\n\n%s\n", sub.usage, sub.help)
	if flags == nil {
		return
	}
	var buf strings.Builder
	flags.SetOutput(&buf)
	flags.PrintDefaults()
	flags.SetOutput(io.Discard)
	if buf.Len() > 0 {
		fmt.Fprintf(w, "\nFlags:\n%s", buf.String())
	}
}

// parseFlags parses a subcommand's flags: -h prints its help to stdout
// (errHelpShown, so run exits 0), a mistake is a usageError that says
// where to read the usage.
func parseFlags(flags *flag.FlagSet, name string, args []string, env environment) error {
	flags.SetOutput(io.Discard)
	err := flags.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		printHelp(env.stdout, name, flags)
		return errHelpShown
	}
	if err != nil {
		return &usageError{msg: fmt.Sprintf("%v: run 'spotter help %s'", err, name)}
	}
	return nil
}

// shutdownBudget is how long a clean shutdown may take in all.
const shutdownBudget = 10 * time.Second

func runBot(ctx context.Context, args []string, env environment) error {
	flags := flag.NewFlagSet("spotter", flag.ContinueOnError)
	configPath := flags.String("config", "config.toml", "path to the TOML configuration file")
	if err := parseFlags(flags, "run", args, env); err != nil {
		return err
	}
	if flags.NArg() > 0 {
		return &usageError{msg: fmt.Sprintf("unexpected argument %q: run 'spotter help' for the subcommands", flags.Arg(0))}
	}
	if err := requireCgo(); err != nil {
		return err
	}
	cfg, err := LoadConfig(*configPath, env.getenv)
	if err != nil {
		return err
	}
	logger := newLogger(cfg.Log, env.stderr)
	for _, w := range configWarnings(cfg) {
		logger.Warn(w)
	}
	target, err := botDatabase(*configPath, cfg)
	if err != nil {
		return err
	}
	return serveBot(ctx, cfg, target, logger, botHooks{})
}

// botHooks is what `spotter playground` changes in the run path; the zero
// value is production.
type botHooks struct {
	// now is the clock of the scheduler, the commands and retention; nil
	// means time.Now.
	now func() time.Time
	// ready is called once the bot is connected and the scheduler runs.
	ready func()
}

// serveBot runs the bot with cfg until ctx ends or SIGINT/SIGTERM: the one
// wiring of the database, scheduler, commands and Discord session that both
// `spotter run` and `spotter playground` use.
func serveBot(ctx context.Context, cfg Config, target databaseTarget, logger *slog.Logger, hooks botHooks) error {
	now := hooks.now
	if now == nil {
		now = time.Now
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	if target.driver == DriverPostgres {
		logger.Info("opening the database", "driver", DriverPostgres, "url", target.String())
	} else {
		logger.Info("opening the database", "path", target.location)
	}
	db, err := openStore(ctx, target)
	if errors.Is(err, store.ErrUnusablePath) || errors.Is(err, store.ErrCorrupt) {
		// Restarting cannot fix these: exit 2 so systemd does not loop.
		return &configError{msg: err.Error()}
	}
	if err != nil {
		return err
	}
	defer db.Close()
	kb, err := knowledge.Default()
	if err != nil {
		return err
	}
	metrics := bot.NewMetrics()
	schedOpts := schedule.Options{Store: db, Now: now, Logger: logger, Metrics: metrics,
		GlobalRateLimit: cfg.Checkins.GlobalRateLimit, LateGrace: cfg.Checkins.LateGrace}
	if target.driver == DriverPostgres {
		// Replicas may share the database: one of them leads and sends.
		schedOpts.Leadership = db.Leadership()
	}
	sched, err := schedule.New(schedOpts)
	if err != nil {
		return err
	}
	keeper := retention.New(db, cfg.Privacy.policy(), now, logger)
	if err := keeper.Schedule(ctx, sched); err != nil {
		return err
	}
	router := bot.NewRouter()
	commands.Register(router, commands.Deps{
		Store: db, Knowledge: kb, Scheduler: sched, Now: now, Retention: cfg.Privacy.policy(), Logger: logger,
	})
	b, err := bot.New(bot.Options{
		Token:       cfg.Discord.Token,
		APIURL:      cfg.Discord.APIURL,
		DevGuildIDs: cfg.Discord.DevGuildIDs,
		Router:      router,
		Logger:      logger,
		Metrics:     metrics,
		Guilds:      keeper,
		Mode:        cfg.Discord.Mode,
		PublicKey:   cfg.Discord.publicKey(),
		ShardCount:  cfg.Discord.ShardCount,
		Leading:     sched.Leading,
		ShardIDs:    cfg.Discord.ShardIDs,
		// Gateway mode only: over HTTP there are no member events.
		MembersIntent: cfg.Discord.ServerMembersIntent && cfg.Discord.Mode != bot.ModeHTTP,
		// The SQLite adapter knows which of its errors mean the database
		// is failing rather than a bug.
		StorageFailure: store.IsStorageFailure,
	})
	if err != nil {
		return err
	}

	var health *http.Server
	if cfg.HTTP.Listen != "" {
		handler := bot.HealthHandler(b.Connected, db, metrics)
		if cfg.Discord.Mode == bot.ModeHTTP {
			handler = withInteractions(handler, cfg.HTTP.InteractionsPath, b.InteractionsHandler(), logger)
		}
		if health, err = serveHealth(cfg.HTTP.Listen, handler, logger); err != nil {
			return err
		}
	}
	startErr := b.Start(ctx)
	if startErr == nil {
		startErr = sched.Start(b.Discord())
	}
	if startErr == nil {
		logger.Info("invite Spotter to a server with this link", "url", inviteURL(b.ApplicationID()))
		logger.Info("spotter is running; press Ctrl+C to stop")
		if hooks.ready != nil {
			hooks.ready()
		}
		<-ctx.Done()
		logger.Info("shutting down")
	}

	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownBudget)
	defer cancel()
	err = errors.Join(sched.Stop(shutdownCtx), b.Shutdown(shutdownCtx))
	if health != nil {
		err = errors.Join(err, health.Shutdown(shutdownCtx))
	}
	if errors.Is(startErr, bot.ErrTokenRejected) || errors.Is(startErr, bot.ErrShardingRequired) {
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
