// Package store keeps Spotter's durable state in SQLite.
//
// All SQL lives here, behind methods named for what features need, so the
// features never see a query and a different database could stand behind the
// same methods later. The database runs in WAL mode with foreign keys on and
// a busy timeout; numbered migrations are embedded in the binary and applied
// at start-up.
package store
