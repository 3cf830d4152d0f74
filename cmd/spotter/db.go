package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"github.com/spotter-bot/spotter/bot/store"
)

// runDB runs a database subcommand; today the one move from SQLite to
// PostgreSQL.
func runDB(ctx context.Context, args []string, env environment) error {
	if len(args) == 0 || args[0] != "migrate-to-postgres" {
		return &usageError{msg: "usage: " + subcommands()["db"].usage}
	}
	flags := flag.NewFlagSet("spotter db migrate-to-postgres", flag.ContinueOnError)
	from := flags.String("from", "", "the SQLite database file to copy (the bot should be stopped)")
	to := flags.String("to", "", "the PostgreSQL URL to copy into (default: DATABASE_URL)")
	if err := parseFlags(flags, "db", args[1:], env); err != nil {
		return err
	}
	if *to == "" {
		*to = env.getenv("DATABASE_URL")
	}
	if *from == "" || *to == "" || flags.NArg() != 0 {
		return &usageError{msg: "usage: " + subcommands()["db"].usage}
	}
	if err := requireCgo(); err != nil {
		return err
	}
	if _, err := os.Stat(*from); errors.Is(err, fs.ErrNotExist) {
		return configErrorf("no SQLite database at %s: check -from", *from)
	}
	src, err := store.Open(ctx, *from)
	if err != nil {
		return fmt.Errorf("open %s: %w", *from, err)
	}
	defer src.Close()
	target := databaseTarget{driver: DriverPostgres, location: *to}
	dst, err := store.OpenPostgres(ctx, *to)
	if err != nil {
		return err
	}
	defer dst.Close()
	counts, err := store.CopyToPostgres(ctx, src, dst)
	for _, c := range counts {
		fmt.Fprintf(env.stdout, "%-20s %8d in SQLite %8d in PostgreSQL\n", c.Table, c.Source, c.Target)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "Copied %s into %s; every table's count matches. Set database.driver = \"postgres\" and start the bot.\n", *from, target)
	return nil
}
