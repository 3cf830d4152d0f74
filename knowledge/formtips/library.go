package formtips

import (
	"cmp"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"sync"
)

//go:embed cards/*.md
var cardFiles embed.FS

// CardFiles returns the card files embedded in the binary, at the root of
// the returned file system, for Lint and Load.
func CardFiles() (fs.FS, error) {
	sub, err := fs.Sub(cardFiles, "cards")
	if err != nil {
		return nil, fmt.Errorf("opening embedded form cards: %w", err)
	}
	return sub, nil
}

// RequiredIDs returns the ids of the exercises Spotter ships a card for, in
// the order Cards lists them.
func RequiredIDs() []string {
	return []string{
		"back-squat", "front-squat", "goblet-squat", "sumo-squat", "box-squat",
		"conventional-deadlift", "sumo-deadlift", "trap-bar-deadlift", "romanian-deadlift",
		"hip-hinge", "bracing", "plank", "side-plank",
	}
}

// Library is a parsed, checked set of form cards.
type Library struct {
	cards  []*Card
	byID   map[string]*Card
	byName map[string]*Card // normalised id, title or alias -> card
	names  []cardNames      // parallel to cards, for Suggest
}

// loadDefault parses the embedded cards once per process.
var loadDefault = sync.OnceValues(func() (*Library, error) {
	fsys, err := CardFiles()
	if err != nil {
		return nil, err
	}
	return Load(fsys)
})

// Default returns the form cards embedded in the binary, parsed on first
// use. It fails with a *LintError when a card is malformed, which
// `go test ./...` catches before a release.
func Default() (*Library, error) {
	return loadDefault()
}

// Load parses every *.md file at the root of fsys and checks the set with
// the same rules as Lint, except that related ids are not checked against
// the knowledge base (Lint does that). Any problem makes it fail with a
// *LintError listing them all.
func Load(fsys fs.FS) (*Library, error) {
	parsed, problems := parseAll(fsys)
	problems = append(problems, lintCards(parsed, nil)...)
	if len(problems) > 0 {
		return nil, fmt.Errorf("loading form cards: %w", &LintError{Subject: "form cards have", Problems: problems})
	}
	l := &Library{byID: make(map[string]*Card, len(parsed)), byName: make(map[string]*Card)}
	for _, pc := range parsed {
		l.cards = append(l.cards, pc.card)
	}
	slices.SortStableFunc(l.cards, byDisplayOrder())
	for _, c := range l.cards {
		l.byID[c.ID] = c
		for _, name := range append([]string{c.ID, c.Title}, c.Aliases...) {
			l.byName[normalize(name)] = c
		}
		l.names = append(l.names, namesOf(c))
	}
	return l, nil
}

// byDisplayOrder orders the required exercises as RequiredIDs lists them,
// then any other cards by id.
func byDisplayOrder() func(a, b *Card) int {
	rank := make(map[string]int)
	for i, id := range RequiredIDs() {
		rank[id] = i
	}
	pos := func(c *Card) int {
		if r, ok := rank[c.ID]; ok {
			return r
		}
		return len(rank)
	}
	return func(a, b *Card) int {
		return cmp.Or(cmp.Compare(pos(a), pos(b)), cmp.Compare(a.ID, b.ID))
	}
}

// Cards returns every card: the required exercises in the order RequiredIDs
// gives, then any others by id. The slice is the caller's to keep.
func (l *Library) Cards() []*Card {
	return slices.Clone(l.cards)
}

// Card returns the card with exactly this id.
func (l *Library) Card(id string) (*Card, bool) {
	c, ok := l.byID[id]
	return c, ok
}
