// Package knowledge is what Spotter knows about lower-back pain from lifting:
// the curated entries embedded from entries/, their linter, the search that
// answers a member's free-text question, the safety layer that escalates
// emergencies and crises before any ranking, and the neutral Card that the
// Discord layer and the command line render.
//
// The package is pure Go: no Discord, no SQL and no clock reads, so every
// answer is a function of the question and the entries.
package knowledge
