// Package redflag holds the guided red-flag check: the questions asked in
// urgency order (each emergency question on a screen of its own, so a yes
// ends the check at once; the same-day and see-soon questions as one "tick
// any that apply" checklist each), the rules that decide which screen comes
// next, and the triage that turns the answers into advice on where to get
// help and how soon, ending with a safety net of emergency signs.
//
// It signposts and never diagnoses: single warning signs predict serious
// disease poorly, so the check escalates on any sign and leaves the diagnosis
// to a clinician. Everything here is pure data and pure functions so the bot
// can store answers between button clicks and replay them after a restart.
package redflag
