//go:build cgo

package store

import (
	"errors"

	"github.com/mattn/go-sqlite3"
)

// isDamagedFile reports whether err is SQLite saying the file is corrupt or
// not a database at all.
func isDamagedFile(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB)
}

// isSQLiteFailure reports whether err is SQLite failing (locked, full,
// read-only, unreadable).
func isSQLiteFailure(err error) bool {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return false
	}
	switch se.Code {
	case sqlite3.ErrBusy, sqlite3.ErrLocked, sqlite3.ErrFull, sqlite3.ErrIoErr, sqlite3.ErrReadonly,
		sqlite3.ErrCantOpen, sqlite3.ErrCorrupt, sqlite3.ErrNotADB, sqlite3.ErrNomem:
		return true
	}
	return false
}
