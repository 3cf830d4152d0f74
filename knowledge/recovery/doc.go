// Package recovery holds the rules for pain check-ins: a member's usual pain
// level, the rule of twos after training, the trend over the weeks, and the
// short feedback shown after each check-in.
//
// The rule of twos is a rule of thumb from the seed article, not a clinical
// guideline, and every text says so. Time is always passed in, never read
// from the clock. A missed check-in is simply absent: it is never counted as
// zero pain, so a gap cannot make recovery look better than it is.
package recovery
