package knowledge

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize is the first thing done to any text a member types, before any
// check or search reads it. It drops format characters (Unicode category
// Cf: zero-width spaces and joiners, word joiners, soft hyphens, direction
// marks), which arrive with copy-paste and would split a word in two
// without showing, and folds compatibility forms (NFKC: full-width
// letters, ligatures, superscripts, non-breaking spaces) to their plain
// equivalents, so that what the member sees is what the bot reads.
func Normalize(s string) string {
	if !strings.ContainsFunc(s, isHidden) && norm.NFKC.IsNormalString(s) {
		return s
	}
	return norm.NFKC.String(strings.Map(func(r rune) rune {
		if isHidden(r) {
			return -1
		}
		return r
	}, s))
}

// isHidden reports format characters, and the few blank letters that are
// drawn as nothing, which Normalize drops.
func isHidden(r rune) bool {
	return unicode.Is(unicode.Cf, r) || r == '\u034f' || r == '\u115f' || r == '\u1160' || r == '\u3164' || r == '\uffa0'
}

// clauseBreak is the token that tokenize emits between sentences, so that
// phrase matching never joins words across a full stop.
const clauseBreak = "."

// tokenize normalises s (see Normalize), lower-cases it and splits it into word tokens. Apostrophes inside
// words are dropped, stars inside words are kept (censored words) ("can't" becomes "cant", "Bertolotti's" becomes
// "bertolottis"), other punctuation separates words, and sentence ends
// (. ! ? ; and line breaks) become clauseBreak tokens. Tokens share memory
// with one lower-cased copy of s unless a word held an apostrophe.
func tokenize(s string) []string {
	lower := strings.ToLower(Normalize(s))
	toks := make([]string, 0, len(lower)/5+2)
	start, apos := -1, false
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.TrimRight(lower[start:end], censorMarks)
		if apos {
			w = stripApostrophes(w)
		}
		if w != "" {
			toks = append(toks, w)
		}
		start, apos = -1, false
	}
	for i, r := range lower {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		case isApostrophe(r):
			if start >= 0 {
				apos = true
			}
		case isCensorMark(r) && start >= 0 && i+1 < len(lower) && isWordByte(lower[i+1]):
			// Inside a word, stars and the like stand for censored letters
			// ("a**hole", "k!ll"); the safety layer reads such words back
			// (see typoDict.unstar).
		case r == '.' && start >= 0 && i > 0 && isDigit(lower[i-1]) && i+1 < len(lower) && isDigit(lower[i+1]):
			// A decimal point ("38.5") is part of the number.
		case r == '.' || r == '!' || r == '?' || r == ';' || r == '\n':
			flush(i)
			if len(toks) > 0 && toks[len(toks)-1] != clauseBreak {
				toks = append(toks, clauseBreak)
			}
		default:
			flush(i)
		}
	}
	flush(len(lower))
	if n := len(toks); n > 0 && toks[n-1] == clauseBreak {
		toks = toks[:n-1]
	}
	return toks
}

// censorMarks are the characters people type inside a word to censor it.
const censorMarks = "*!@#$"

func isCensorMark(r rune) bool {
	return r < utf8.RuneSelf && strings.IndexByte(censorMarks, byte(r)) >= 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isWordByte reports whether c may continue a censored word: a letter,
// a digit or another censor mark (non-ASCII letters count too).
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || isDigit(c) || c >= utf8.RuneSelf || strings.IndexByte(censorMarks, c) >= 0
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '\u2018' || r == '`'
}

func stripApostrophes(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	for len(w) > 0 {
		r, size := utf8.DecodeRuneInString(w)
		if !isApostrophe(r) {
			b.WriteRune(r)
		}
		w = w[size:]
	}
	return b.String()
}

// words returns the tokens of s without clause breaks.
func words(s string) []string {
	toks := tokenize(s)
	out := toks[:0]
	for _, t := range toks {
		if t != clauseBreak {
			out = append(out, t)
		}
	}
	return out
}

// normalText is the lower-case, single-spaced form of s used for prefix
// matching in autocomplete and for comparing aliases.
func normalText(s string) string {
	return strings.Join(words(s), " ")
}

// wordSet turns a word list into a set.
func wordSet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
