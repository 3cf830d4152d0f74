// Package redflag holds the guided red-flag check: the yes/no questions asked
// in urgency order, the rules that decide which question comes next, and the
// triage that turns the answers into advice on where to get help and how soon.
//
// It signposts and never diagnoses: single warning signs predict serious
// disease poorly, so the check escalates on any sign and leaves the diagnosis
// to a clinician. Everything here is pure data and pure functions so the bot
// can store answers between button clicks and replay them after a restart.
package redflag
