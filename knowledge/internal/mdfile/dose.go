package mdfile

import (
	"fmt"
	"regexp"
	"sort"
)

// Spotter never tells anyone how much of a medicine to take or how often,
// so text a member reads must not look like a dose. The line drawn here:
//
//   - Rejected: an amount in a unit medicines are measured in (mg, mcg, g,
//     grams, ml, litres, IU, teaspoons and the like: "400 mg", "2 g",
//     "10ml"); a count of tablets, pills, capsules or doses ("2 tablets",
//     "two paracetamol pills"); tablets or pills "a day"; and a schedule
//     ("3 times a day", "twice daily", "every 4 hours", "3/day", "q6h").
//   - Accepted: time ("2 weeks", "30 minutes", "2 hours after training",
//     "every 30 minutes"), counts of sets, reps and people ("5 sets",
//     "1 in 3"), loads and distances ("100 kg", "225 lb", "5 km"), angles,
//     pain scores and percentages ("30 degrees", "7 out of 10", "37%"):
//     numbers a lifter trains or reads statistics by, not amounts of a drug.
//
// A kilogram is a load on a bar, never a dose; a gram almost always is a
// dose here, so "g" is rejected even though it is a unit of mass too.
var dosePatterns = []struct {
	re   *regexp.Regexp
	what string
}{
	{regexp.MustCompile(`(?i)(?:\b\d+(?:[.,]\d+)?|½|\b(?:half an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a hundred|hundred))\s*-?\s*` +
		`(?:mg|mcg|µg|ug|g|grams?|milligrams?|micrograms?|ml|millilit(?:re|er)s?|l|lit(?:re|er)s?|cc|iu|tsp|teaspoons?|tbsp|tablespoons?)\b`),
		"an amount of a medicine"},
	{regexp.MustCompile(`(?i)\b(?:\d+|half an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:[a-z]+\s+)?` +
		`(?:tablets?|pills?|capsules?|caplets?|sachets?|lozenges?|suppositor(?:y|ies)|puffs|doses?|spoonfuls?)\b`),
		"a count of tablets or doses"},
	{regexp.MustCompile(`(?i)\b(?:tablets?|pills?|capsules?|caplets?|doses?)\s+(?:a|per|each|every)\s+(?:day|night|morning|evening|week)\b`),
		"tablets or doses per day"},
	{regexp.MustCompile(`(?i)\b(?:\d+|one|two|three|four|five|six|once|twice|thrice)\s+(?:times?\s+)?(?:a|per)\s+day\b`),
		"a dosing schedule"},
	{regexp.MustCompile(`(?i)\b(?:once|twice|thrice|(?:\d+|two|three|four|five|six)\s+times)\s+(?:daily|nightly)\b`),
		"a dosing schedule"},
	{regexp.MustCompile(`(?i)\bevery\s+(?:\d+(?:\s*(?:-|–|to|or)\s*\d+)?|two|three|four|five|six|eight|twelve)\s+(?:hours?|hrs?|h)\b`),
		"a dosing schedule"},
	{regexp.MustCompile(`(?i)\b\d+\s*/\s*(?:day|d)\b`),
		"a dosing schedule"},
	{regexp.MustCompile(`(?i)(?:\b(?:b\.i\.d|t\.i\.d|q\.i\.d)\.?|\b(?:tds|qds|qid|tid|q\d+h)\b)`),
		"a dosing schedule"},
}

// DoseLike returns each stretch of text that reads like a dose or a dosing
// schedule, with what kind of dose it looks like, in the order they appear.
func DoseLike(text string) []DoseMatch {
	var out []DoseMatch
	for _, p := range dosePatterns {
		for _, loc := range p.re.FindAllStringIndex(text, -1) {
			out = append(out, DoseMatch{Text: text[loc[0]:loc[1]], What: p.what, at: loc[0]})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].at < out[j].at })
	return out
}

// DoseMatch is one stretch of dose-like text.
type DoseMatch struct {
	// Text is the offending text as written ("400 mg").
	Text string
	// What says what it looks like ("an amount of a medicine").
	What string
	at   int
}

// CheckDoses reports each dose-like stretch of text in field, naming the
// text, so the no-dose rule holds by machine and not only by care.
func CheckDoses(file, field, text string) []Problem {
	var ps []Problem
	for _, m := range DoseLike(text) {
		ps = append(ps, Problem{File: file, Field: field, Message: fmt.Sprintf(
			"dose-like text %q (%s): never give amounts or schedules; say what the evidence shows and to ask a pharmacist or doctor",
			m.Text, m.What)})
	}
	return ps
}
