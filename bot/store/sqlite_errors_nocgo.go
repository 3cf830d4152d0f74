//go:build !cgo

package store

// Without cgo, go-sqlite3 is a stub that opens nothing, so there are no
// SQLite error codes to classify; these exist so that such a binary still
// builds and can say "built without cgo: install gcc and rebuild" at start-up
// (cmd/spotter) instead of failing to compile deep inside this package.

func isDamagedFile(error) bool { return false }

// IsStorageFailure reports whether err is the database failing; without
// cgo no database opens, so never.
func IsStorageFailure(error) bool { return false }
