package mdfile

import (
	"fmt"
	"path"
	"strings"
)

// CheckID reports an id that is missing, is not lower-case letters and
// digits in words joined by single hyphens, or is not file's name without
// ".md" (field "id").
func CheckID(file, id string) []Problem {
	want := strings.TrimSuffix(path.Base(file), ".md")
	var msg string
	switch {
	case id == "":
		msg = "missing"
	case !validID(id):
		msg = fmt.Sprintf("%q must be lower-case words joined by -", id)
	case id != want:
		msg = fmt.Sprintf("%q does not match the file name (want %q)", id, want)
	default:
		return nil
	}
	return []Problem{{File: file, Field: "id", Message: msg}}
}

// validID reports whether id is lower-case letters and digits in words
// joined by single hyphens.
func validID(id string) bool {
	for word := range strings.SplitSeq(id, "-") {
		if word == "" {
			return false
		}
		for _, r := range word {
			if (r < 'a' || r > 'z') && (r < '0' || r > '9') {
				return false
			}
		}
	}
	return true
}

// CheckTitle reports a title that is blank, longer than maxLen (counted
// as TextLen counts, to fit an autocomplete choice name) or more than one
// line (field "title").
func CheckTitle(file, title string, maxLen int) []Problem {
	var msg string
	switch n := TextLen(title); {
	case strings.TrimSpace(title) == "":
		msg = "missing"
	case n > maxLen:
		msg = fmt.Sprintf("%d characters; autocomplete shows at most %d", n, maxLen)
	case strings.ContainsAny(title, "\r\n"):
		msg = "must be one line"
	default:
		return nil
	}
	return []Problem{{File: file, Field: "title", Message: msg}}
}

// TextLen is the length of s in UTF-16 code units, which is never less than
// Discord's own count, so text that fits a limit here fits there.
func TextLen(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}
