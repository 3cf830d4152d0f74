// Command spotter runs the Spotter Discord bot and its offline tools.
//
// Usage:
//
//	spotter [-config FILE]       run the bot (default config: ./config.toml)
//	spotter help [SUBCOMMAND]    list the subcommands, or explain one (also -h)
//	spotter version              what this binary was built from
//	spotter backup OUT           a consistent copy of the database
//	spotter playground           try the bot in a browser, without Discord
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
)

func main() {
	err := run(context.Background(), os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	os.Exit(exitCode(err, os.Stderr))
}

// exitCode maps run's error to the process exit status: 0 for a clean
// shutdown, 2 for a usage or configuration error, 1 for anything else.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	fmt.Fprintln(stderr, "spotter:", err)
	var ce *configError
	var ue *usageError
	if errors.As(err, &ce) || errors.As(err, &ue) {
		return 2
	}
	return 1
}
