// Package recovery holds the rules for pain check-ins: a member's usual pain
// level, the rule of twos after training, the trend over the weeks, and the
// short feedback shown after each check-in.
//
// The rule of twos is a rule of thumb from the seed article, not a clinical
// guideline, and every text says so. It is relative, so it never overrides
// an absolute level: a reading of 7 or more is high whatever the usual
// level, a big jump or a reading of 8 or more stops training for the day,
// and steady severe pain needs a doctor today (clinical-notes.md, "The rule
// of twos and pain monitoring"). Messages quote the member's own readings. Time is always passed in, never read
// from the clock. A missed check-in is simply absent: it is never counted as
// zero pain, so a gap cannot make recovery look better than it is.
package recovery
