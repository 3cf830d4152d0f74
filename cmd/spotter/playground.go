package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/spotter-bot/spotter/bot/playground"
)

// playgroundHelp is `spotter help playground`.
const playgroundHelp = `Runs the real bot against a stand-in for Discord on this machine and serves
a page that looks and behaves like Discord: a server with channels, a member,
a moderator and a coach to switch between, DMs, slash commands, buttons,
menus, forms and the pain chart. A clock button jumps time forward, so
check-in DMs and the tip of the week arrive now. No Discord account, no
token, no network: the page listens on a loopback address only. When the
page is ready its URL is printed on a line of its own; open it in a browser.
The database is a fresh one in a temporary folder, removed on exit, unless
-db names a file to keep.`

// playgroundSub is the "playground" entry of subcommands().
func playgroundSub() subcommand {
	return subcommand{
		usage:   "spotter playground [-addr 127.0.0.1:8090] [-db FILE]",
		summary: "try the bot in your browser, without Discord",
		help:    playgroundHelp,
		run:     runPlayground,
	}
}

// playgroundLateGrace covers the clock's longest jump, a week, and a day more.
const playgroundLateGrace = 8 * 24 * time.Hour

// playgroundStartup bounds how long the bot may take to connect to the
// stand-in and register its commands.
const playgroundStartup = 30 * time.Second

func runPlayground(ctx context.Context, args []string, env environment) error {
	flags := flag.NewFlagSet("spotter playground", flag.ContinueOnError)
	addr := flags.String("addr", "127.0.0.1:8090", "where the page listens: a loopback address and port (port 0 picks a free one)")
	dbFile := flags.String("db", "", "the SQLite database to use and keep (default: a fresh one, removed on exit)")
	if err := parseFlags(flags, "playground", args, env); err != nil {
		return err
	}
	if flags.NArg() > 0 {
		return &usageError{msg: fmt.Sprintf("unexpected argument %q: run 'spotter help playground'", flags.Arg(0))}
	}
	if err := playground.CheckLoopback(*addr); err != nil {
		return &usageError{msg: err.Error()}
	}
	if err := requireCgo(); err != nil {
		return err
	}
	cfg := DefaultConfig()
	cfg.Log.Level = "warn" // the page is the output; say only what goes wrong.
	// Every jump of the clock makes due check-ins late; without a longer
	// grace a jump past the 3 h default would skip them to the next day.
	cfg.Checkins.LateGrace = playgroundLateGrace
	logger := newLogger(cfg.Log, env.stderr)

	dbPath := *dbFile
	if dbPath == "" {
		dir, err := os.MkdirTemp("", "spotter-playground-")
		if err != nil {
			return fmt.Errorf("playground: a folder for the database: %w", err)
		}
		defer os.RemoveAll(dir)
		dbPath = filepath.Join(dir, "spotter.db")
	} else if abs, err := filepath.Abs(dbPath); err == nil {
		dbPath = abs
	}

	pg, err := playground.Start(playground.Options{Logf: func(format string, args ...any) {
		logger.Warn(fmt.Sprintf(format, args...))
	}})
	if err != nil {
		return err
	}
	defer pg.Close()
	ln, err := playground.Listen(*addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: pg.Handler(), ReadHeaderTimeout: 5 * time.Second}
	defer srv.Close()
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()

	cfg.Discord.Token = pg.Token()
	cfg.Discord.APIURL = pg.APIURL()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var readyErr error
	var once sync.Once
	ready := func() {
		once.Do(func() {
			wctx, wcancel := context.WithTimeout(ctx, playgroundStartup)
			defer wcancel()
			if readyErr = pg.WaitBot(wctx); readyErr != nil {
				cancel()
				return
			}
			fmt.Fprintf(env.stdout, "http://%s/\n", ln.Addr())
			fmt.Fprintln(env.stderr, "spotter playground: open the URL above in a browser; press Ctrl+C to stop")
		})
	}
	botErr := make(chan error, 1)
	go func() {
		botErr <- serveBot(ctx, cfg, databaseTarget{driver: DriverSQLite, location: dbPath}, logger, botHooks{now: pg.Now, ready: ready})
	}()
	select {
	case err = <-botErr:
	case err = <-serveErr:
		cancel()
		err = errors.Join(fmt.Errorf("playground: serve the page: %w", err), <-botErr)
	}
	if readyErr != nil {
		return errors.Join(readyErr, err)
	}
	return err
}
