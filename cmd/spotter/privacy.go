package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot/store"
)

// errNotConfirmed means the admin did not confirm a deletion; nothing was
// deleted.
var errNotConfirmed = errors.New("nothing deleted: the answer was not \"yes\"")

// runPrivacy lets an admin export or delete one member's data from the
// database directly, for a member who cannot use /privacy themselves.
func runPrivacy(ctx context.Context, args []string, env environment) error {
	usage := &usageError{msg: "usage: " + subcommands()["privacy"].usage}
	if len(args) > 0 && isHelpFlag(args[0]) {
		printHelp(env.stdout, "privacy", privacyFlags(new(string), new(bool)))
		return errHelpShown
	}
	if len(args) == 0 || (args[0] != "export" && args[0] != "delete") {
		return usage
	}
	action := args[0]
	var configPath string
	var yes bool
	flags := privacyFlags(&configPath, &yes)
	if err := parseFlags(flags, "privacy", args[1:], env); err != nil {
		return err
	}
	if flags.NArg() != 1 {
		return usage
	}
	userID := flags.Arg(0)
	if !spotter.IsSnowflake(userID) {
		return &usageError{msg: fmt.Sprintf("%q is not a Discord user id: ids are numbers of 17 to 20 digits; "+
			"turn on Developer Mode in Discord (User Settings > Advanced), then right-click the member and Copy User ID", userID)}
	}
	if yes && action == "export" {
		return &usageError{msg: "-yes is for delete only: export changes nothing"}
	}
	if err := requireCgo(); err != nil {
		return err
	}
	cfg, err := loadDatabaseConfig(configPath, env.getenv)
	if err != nil {
		return err
	}
	target, err := existingDatabase(configPath, cfg)
	if err != nil {
		return err
	}
	dbPath := target.String()
	if action == "delete" && !yes {
		if err := confirm(env, fmt.Sprintf("Delete everything Spotter keeps about user %s in %s? This cannot be undone (backups still hold it). Type yes to delete: ", userID, dbPath)); err != nil {
			return err
		}
	}
	db, err := openStore(ctx, target)
	if err != nil {
		return err
	}
	defer db.Close()
	if action == "delete" {
		return deleteMember(ctx, db, userID, env)
	}
	data, err := db.ExportMember(ctx, userID)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(env.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(data); err != nil {
		return fmt.Errorf("write export: %w", err)
	}
	return nil
}

func privacyFlags(configPath *string, yes *bool) *flag.FlagSet {
	flags := flag.NewFlagSet("spotter privacy", flag.ContinueOnError)
	flags.StringVar(configPath, "config", "config.toml", "path to the TOML configuration file (for database.path)")
	flags.BoolVar(yes, "yes", false, "delete without asking (for scripts); delete only")
	return flags
}

func deleteMember(ctx context.Context, db *store.Store, userID string, env environment) error {
	// Without Discord the member's saved tips cannot be unpinned here:
	// keep them in the library without the author's name, so the
	// servers' moderators can still remove them with /form-tip remove.
	tips, err := db.FormTipsByAuthor(ctx, userID)
	if err != nil {
		return err
	}
	ids := make([]int64, 0, len(tips))
	for _, tip := range tips {
		ids = append(ids, tip.ID)
	}
	if err := db.DetachFormTips(ctx, userID, ids); err != nil {
		return err
	}
	if err := db.DeleteMember(ctx, userID); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "deleted everything kept about user %s\n", userID)
	if len(ids) > 0 {
		fmt.Fprintf(env.stdout, "%d community tip(s) they wrote may still be pinned: they stay in the library without their name for moderators to remove with /form-tip remove\n", len(ids))
	}
	return nil
}

// confirm asks question on stderr and reads the answer from stdin. Only
// "yes" (or "y") goes on. When stdin is not a terminal (a pipe, a file, a
// service) nobody can answer: it refuses and names -yes.
func confirm(env environment, question string) error {
	if f, ok := env.stdin.(*os.File); ok && !isTerminal(f) {
		return &usageError{msg: "nothing deleted: stdin is not a terminal, so there is nobody to confirm; add -yes to delete without asking"}
	}
	fmt.Fprint(env.stderr, question)
	line, err := bufio.NewReader(env.stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("read the answer: %w", err)
	}
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "yes", "y":
		return nil
	}
	return errNotConfirmed
}

// isTerminal reports whether f is a character device such as a terminal.
// /dev/null is one too; reading it gives no "yes", so that still refuses.
func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
