package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"

	"github.com/spotter-bot/spotter/bot/store"
)

// runPrivacy lets an admin export or delete one member's data from the
// database directly, for a member who cannot use /privacy themselves.
func runPrivacy(ctx context.Context, args []string, env environment) error {
	usage := &usageError{msg: "usage: spotter privacy export|delete [-config FILE] USER_ID"}
	if len(args) == 0 || (args[0] != "export" && args[0] != "delete") {
		return usage
	}
	action := args[0]
	flags := flag.NewFlagSet("spotter privacy "+action, flag.ContinueOnError)
	flags.SetOutput(env.stderr)
	configPath := flags.String("config", "config.toml", "path to the TOML configuration file (for database.path)")
	if err := flags.Parse(args[1:]); err != nil {
		return &usageError{msg: err.Error()}
	}
	if flags.NArg() != 1 || !store.IsSnowflake(flags.Arg(0)) {
		return usage
	}
	userID := flags.Arg(0)
	cfg, err := loadDatabaseConfig(*configPath)
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, cfg.Database.Path)
	if err != nil {
		return err
	}
	defer db.Close()
	if action == "delete" {
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
