// Package formtips holds Spotter's form cards: one short, sourced coaching
// card per exercise (setup, cues, common faults with a back-friendly fix,
// and regressions) that moderators post and pin with /form-tip.
//
// Cards live in cards/<id>.md as TOML front matter plus four Markdown
// sections, are embedded into the binary, and are checked by Lint so that a
// card can never break a Discord embed. The package is pure Go: no Discord,
// no SQL, no clock reads.
package formtips
