package formtips

import "github.com/spotter-bot/spotter/knowledge/internal/mdfile"

// Size limits that keep every card inside one Discord embed. Lengths are
// counted in UTF-16 code units, which is never less than Discord's own
// count, so a card that fits here fits there.
const (
	// MaxSectionLen is the longest a section's text may be; an embed field
	// value holds 1,024.
	MaxSectionLen = 900
	// MaxCardLen is the longest a whole card may be: its title, section
	// headings, section texts and source citations added up. All embeds of a
	// message together hold 6,000.
	MaxCardLen = 3500
	// MaxTitleLen is the longest title, so it fits an autocomplete choice name.
	MaxTitleLen = 100
	// MaxRelated is how many knowledge-base entries a card may link to.
	MaxRelated = 5
)

// cardLen is how much of an embed's 6,000-character budget the card uses.
func cardLen(c *Card) int {
	n := mdfile.TextLen(c.Title)
	for _, s := range c.Sections() {
		n += mdfile.TextLen(s.Heading) + mdfile.TextLen(s.Text)
	}
	for _, s := range c.Sources {
		n += mdfile.TextLen(s.Citation())
	}
	return n
}
