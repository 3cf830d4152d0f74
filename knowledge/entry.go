package knowledge

import (
	"fmt"

	"github.com/spotter-bot/spotter/knowledge/internal/mdfile"
)

// Kind says how an entry is reached: by search, or only by the safety layer.
type Kind int

const (
	// KindTopic is an ordinary entry found by search and autocomplete.
	KindTopic Kind = iota
	// KindEmergency is the one entry shown when a question describes a possible emergency.
	KindEmergency
	// KindCrisis is the one entry shown when a question mentions suicide or self-harm.
	KindCrisis
)

// String returns the kind as it is written in an entry's front matter.
func (k Kind) String() string {
	switch k {
	case KindTopic:
		return "topic"
	case KindEmergency:
		return "emergency"
	case KindCrisis:
		return "crisis"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// parseKind reads the front-matter kind; empty means topic.
func parseKind(s string) (Kind, bool) {
	switch s {
	case "", "topic":
		return KindTopic, true
	case "emergency":
		return KindEmergency, true
	case "crisis":
		return KindCrisis, true
	}
	return KindTopic, false
}

// Source is a reference an entry's advice rests on, named but never quoted:
// a title, an organisation, and a year or Undated (see mdfile.Source).
type Source mdfile.Source

// Cited formats the source for a card: title, organisation and year (or
// "undated").
func (s Source) Cited() string {
	if s.Undated {
		return fmt.Sprintf("%s — %s, undated", s.Title, s.Org)
	}
	return fmt.Sprintf("%s — %s, %d", s.Title, s.Org, s.Year)
}

// Entry is one curated answer, parsed from entries/<id>.md. Entries are
// shared by every caller and must not be modified.
type Entry struct {
	ID       string
	Title    string
	Aliases  []string
	Keywords []string
	Related  []string
	Kind     Kind
	Sources  []Source
	// Short is the "Short answer" section: what this usually is.
	Short string
	// DoNow is the "What to do now" section, Markdown bullets.
	DoNow string
	// GetHelp is the "When to get help" section, Markdown bullets.
	GetHelp string
}

// Base is a parsed, checked and indexed set of entries. It is read-only
// after Load and safe for concurrent use.
type Base struct {
	entries   []*Entry
	byID      map[string]*Entry
	emergency *Entry
	crisis    *Entry
	index     *index
	safety    *safety
	offTopic  *offTopicFilter
	suggest   *suggester
}

// Entries returns every entry, in file-name order.
func (b *Base) Entries() []*Entry {
	out := make([]*Entry, len(b.entries))
	copy(out, b.entries)
	return out
}

// Entry returns the entry with the given id.
func (b *Base) Entry(id string) (*Entry, bool) {
	e, ok := b.byID[id]
	return e, ok
}

// relatedEntries resolves e.Related, skipping ids that do not exist.
func (b *Base) relatedEntries(e *Entry) []*Entry {
	out := make([]*Entry, 0, len(e.Related))
	for _, id := range e.Related {
		if r, ok := b.byID[id]; ok {
			out = append(out, r)
		}
	}
	return out
}
