//go:build !cgo

package store

// Without cgo, go-sqlite3 is a stub that opens nothing, so there are no
// SQLite error codes to classify; these exist so that such a binary still
// builds and can say "built without cgo: install gcc and rebuild" at start-up
// (cmd/spotter) instead of failing to compile deep inside this package.

func isDamagedFile(error) bool { return false }

// isSQLiteFailure reports whether err is SQLite failing; without cgo no
// SQLite database opens, so never.
func isSQLiteFailure(error) bool { return false }
