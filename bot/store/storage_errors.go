package store

// IsStorageFailure reports whether err is the database failing (locked,
// full, read-only, unreachable) rather than a bug or a bad request: the
// member can be told nothing was recorded and to try again.
func IsStorageFailure(err error) bool {
	return isSQLiteFailure(err) || isPostgresFailure(err)
}
