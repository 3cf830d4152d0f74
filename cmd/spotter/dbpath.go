package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

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
