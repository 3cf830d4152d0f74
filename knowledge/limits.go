package knowledge

import (
	"strings"
	"unicode/utf8"

	"github.com/spotter-bot/spotter/knowledge/internal/mdfile"
)

// Discord's limits on what a Card becomes. Lengths are counted in UTF-16
// code units, which is never less than Discord's own count, so a card that
// fits here fits there.
const (
	// EmbedTitleMax is the longest embed title.
	EmbedTitleMax = 256
	// EmbedDescriptionMax is the longest embed description.
	EmbedDescriptionMax = 4096
	// EmbedFieldsMax is the most fields an embed may have.
	EmbedFieldsMax = 25
	// EmbedFieldNameMax is the longest field name.
	EmbedFieldNameMax = 256
	// EmbedFieldValueMax is the longest field value.
	EmbedFieldValueMax = 1024
	// EmbedFooterMax is the longest footer text.
	EmbedFooterMax = 2048
	// EmbedTotalMax is the most characters all text in an embed may add up to.
	EmbedTotalMax = 6000
	// AutocompleteChoiceNameMax is the longest autocomplete choice name.
	AutocompleteChoiceNameMax = 100
	// AutocompleteChoicesMax is the most choices one autocomplete answer may carry.
	AutocompleteChoicesMax = 25
)

const ellipsis = "…"

// trimText shortens s to at most limit UTF-16 code units. It cuts at the
// last sentence or line end that keeps at least half of the room (else at
// the last space, else mid-word) and marks the cut with "…".
func trimText(s string, limit int) string {
	if mdfile.TextLen(s) <= limit {
		return s
	}
	if limit <= 0 {
		return ""
	}
	budget := limit - mdfile.TextLen(ellipsis)
	end, used := 0, 0
	for i, r := range s {
		w := 1
		if r > 0xFFFF {
			w = 2
		}
		if used+w > budget {
			break
		}
		used += w
		end = i + utf8.RuneLen(r)
	}
	kept := s[:end]
	atWordEnd := end < len(s) && strings.ContainsRune(" \t\n", rune(s[end]))
	if cut := lastBoundary(kept); cut >= len(kept)/2 && cut > 0 {
		kept = kept[:cut]
	} else if sp := strings.LastIndexAny(kept, " \t\n"); sp > 0 && !atWordEnd {
		kept = kept[:sp]
	}
	return strings.TrimRight(kept, " \t\n") + ellipsis
}

// lastBoundary returns the byte offset just after the last sentence end
// (". ", "! ", "? ", a closing full stop) or before the last line break in
// s, or -1.
func lastBoundary(s string) int {
	best := strings.LastIndexByte(s, '\n')
	for _, p := range []string{". ", "! ", "? ", ".\n"} {
		if i := strings.LastIndex(s, p); i >= 0 && i+1 > best {
			best = i + 1
		}
	}
	return best
}
