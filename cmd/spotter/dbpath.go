package main

import (
	"context"
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"

	"github.com/spotter-bot/spotter/bot/store"
)

// databaseTarget is the database a command opens: a SQLite file or a
// PostgreSQL URL.
type databaseTarget struct {
	driver   string
	location string // the file's absolute path, or the connection URL
}

// String names the target for logs and messages, without a password.
func (t databaseTarget) String() string {
	if t.driver != DriverPostgres {
		return t.location
	}
	u, err := url.Parse(t.location)
	if err != nil {
		return "(a PostgreSQL URL)"
	}
	return u.Redacted()
}

// openStore opens the target with its adapter.
func openStore(ctx context.Context, t databaseTarget) (*store.Store, error) {
	if t.driver == DriverPostgres {
		return store.OpenPostgres(ctx, t.location)
	}
	return store.Open(ctx, t.location)
}

// botDatabase is the database the bot uses: the PostgreSQL URL, or the
// SQLite file by botDatabasePath.
func botDatabase(configPath string, cfg Config) (databaseTarget, error) {
	if cfg.Database.Driver == DriverPostgres {
		return databaseTarget{driver: DriverPostgres, location: cfg.Database.URL}, nil
	}
	path, err := botDatabasePath(configPath, cfg)
	return databaseTarget{driver: DriverSQLite, location: path}, err
}

// existingDatabase is the database an admin tool works on; a SQLite file
// must already exist (requireDatabase).
func existingDatabase(configPath string, cfg Config) (databaseTarget, error) {
	if cfg.Database.Driver == DriverPostgres {
		return databaseTarget{driver: DriverPostgres, location: cfg.Database.URL}, nil
	}
	path, err := requireDatabase(configPath, cfg)
	return databaseTarget{driver: DriverSQLite, location: path}, err
}

// databasePath is where database.path points. The one rule, for the bot and
// every tool alike: an absolute path is used as written; a relative one is
// read from the folder of the config file that names it, not from the
// working directory, so `spotter privacy` and `spotter backup` run from any
// folder find the database the bot uses.
func databasePath(configPath string, cfg Config) string {
	p := cfg.Database.Path
	if !filepath.IsAbs(p) {
		p = filepath.Join(filepath.Dir(configPath), p)
	}
	// Absolute, so logs and messages say exactly which file.
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

// botDatabasePath is databasePath for the bot, which creates the file when
// it is missing. Before issue 14 a relative path was read from the working
// directory; when that old place has a database and the new one has none,
// starting would silently begin an empty database, so it stops and says
// which absolute path to set.
func botDatabasePath(configPath string, cfg Config) (string, error) {
	path := databasePath(configPath, cfg)
	if filepath.IsAbs(cfg.Database.Path) || exists(path) {
		return path, nil
	}
	old, err := filepath.Abs(cfg.Database.Path)
	if err != nil || old == path || !exists(old) {
		return path, nil
	}
	return "", configErrorf("%s: database.path %q is relative, and relative paths are read from the config file's folder (%s), where there is no database; "+
		"the working directory has one (%s): set database.path = %q to keep using it", configPath, cfg.Database.Path, path, old, old)
}

// requireDatabase refuses to go on when the database file is missing: the
// admin tools must not create an empty database and report success.
func requireDatabase(configPath string, cfg Config) (string, error) {
	path := databasePath(configPath, cfg)
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", configErrorf("no database at %s (database.path %q in %s; a relative path is read from the config file's folder): check -config, or start the bot once to create it",
			path, cfg.Database.Path, configPath)
	case err != nil:
		return "", configErrorf("database %s: %v", path, err)
	case info.IsDir():
		return "", configErrorf("database.path %s is a folder, not a database file", path)
	}
	return path, nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
