// Package spotter holds what Spotter keeps about members and servers: the
// persisted domain types (check-in plans, pain entries and prompts, red-flag
// runs, scheduled jobs, form tips and their schedules, coach shares,
// notices, the member export) and the conventions that go with them, such
// as job keys.
//
// It imports only the standard library. Storage adapters (bot/store for
// SQLite) turn these types into rows; the features in commands, bot/schedule
// and bot/retention each declare the few store methods they call as a small
// interface where they use it, so no feature depends on a database.
package spotter
