package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"
)

// requireCgo stops the subcommands that open the database when SQLite is
// not linked in, with the fix instead of go-sqlite3's stub error, and
// before anything (an empty database file) is created.
func requireCgo() error {
	if cgoEnabled {
		return nil
	}
	return &configError{msg: "built without cgo: install gcc and rebuild " +
		"(SQLite is C code linked through cgo: apt-get install gcc, then go build ./cmd/spotter with CGO_ENABLED unset or 1)"}
}

// runVersion prints what this binary was built from, from the build
// information the Go toolchain embeds.
func runVersion(_ context.Context, args []string, env environment) error {
	flags := flag.NewFlagSet("spotter version", flag.ContinueOnError)
	if err := parseFlags(flags, "version", args, env); err != nil {
		return err
	}
	if flags.NArg() > 0 {
		return &usageError{msg: "usage: spotter version"}
	}
	version, settings := "(unknown)", map[string]string{}
	if info, ok := debug.ReadBuildInfo(); ok {
		version = info.Main.Version
		for _, s := range info.Settings {
			settings[s.Key] = s.Value
		}
	}
	fmt.Fprintf(env.stdout, "spotter %s\n", version)
	if rev := settings["vcs.revision"]; rev != "" {
		line := rev
		if t := settings["vcs.time"]; t != "" {
			line += " (" + t + ")"
		}
		if settings["vcs.modified"] == "true" {
			line += " with uncommitted changes"
		}
		fmt.Fprintf(env.stdout, "  commit  %s\n", line)
	}
	fmt.Fprintf(env.stdout, "  go      %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	sqlite := "linked (cgo)"
	if !cgoEnabled {
		sqlite = "missing: built without cgo, the bot cannot run; install gcc and rebuild"
	}
	fmt.Fprintf(env.stdout, "  sqlite  %s\n", sqlite)
	return nil
}
