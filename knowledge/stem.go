package knowledge

import "strings"

// stem reduces an English word to a crude stem so that "squats",
// "squatting" and "squatted" meet at "squat". It is a light suffix stripper
// in the spirit of Porter's first steps, not a full stemmer: the index and
// every query go through the same function, so it only has to be consistent,
// and the synonym table covers the irregular words lifters use. Words that
// are not plain ASCII letters are returned unchanged.
func stem(w string) string {
	if len(w) <= 2 || !isASCIILetters(w) {
		return w
	}
	// Plurals and third person.
	switch {
	case len(w) <= 3:
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	// Verb endings and common derivations; at most one applies.
	for _, r := range suffixRules {
		if !strings.HasSuffix(w, r.suffix) {
			continue
		}
		base := w[:len(w)-len(r.suffix)]
		if len(base) < r.minBase || !hasVowel(base) {
			continue
		}
		w = base + r.replace
		if r.undouble {
			w = undouble(w)
		}
		break
	}
	// A final silent e: "brace" and "bracing" both become "brac".
	if len(w) >= 3 && strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") {
		w = w[:len(w)-1]
	}
	return w
}

type suffixRule struct {
	suffix, replace string
	minBase         int
	undouble        bool
}

// suffixRules are tried in order; longer suffixes come first.
var suffixRules = [...]suffixRule{
	{suffix: "ational", replace: "ate", minBase: 3},
	{suffix: "ation", replace: "ate", minBase: 3},
	{suffix: "ssion", replace: "ss", minBase: 2},
	{suffix: "ness", minBase: 3},
	{suffix: "ment", minBase: 4},
	{suffix: "ing", minBase: 2, undouble: true},
	{suffix: "ier", replace: "y", minBase: 3},
	{suffix: "ied", replace: "y", minBase: 2},
	{suffix: "ed", minBase: 2, undouble: true},
	{suffix: "ly", minBase: 4},
}

// undouble turns a doubled final consonant into a single one
// ("squatt" -> "squat") except for l, s and z ("stiff" stays).
func undouble(w string) string {
	n := len(w)
	if n < 3 || w[n-1] != w[n-2] || isVowel(w[n-1]) {
		return w
	}
	switch w[n-1] {
	case 'l', 's', 'z', 'f':
		return w
	}
	return w[:n-1]
}

func hasVowel(w string) bool {
	for i := 0; i < len(w); i++ {
		if isVowel(w[i]) {
			return true
		}
	}
	return false
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func isASCIILetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}
