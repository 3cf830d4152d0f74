// Package store keeps Spotter's durable state in SQLite: one adapter behind
// the small store interfaces the features declare.
//
// All SQL lives here, behind methods named for what features need, so the
// features never see a query. The types the methods take and return are the
// domain types of the root package spotter. The database runs in WAL mode
// with foreign keys on and a busy timeout; numbered migrations are embedded
// in the binary and applied at start-up.
package store
