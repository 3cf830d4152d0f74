package knowledge

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spotter-bot/spotter/knowledge/contacts"
	"github.com/spotter-bot/spotter/knowledge/internal/mdfile"
)

// Disclaimer is the one line every answer carries.
const Disclaimer = "Spotter shares general information, not medical advice. If you are worried, see a health professional."

// Field is one titled block of a Card.
type Field struct {
	Name, Value string
}

// Card is an answer rendered neutrally: the Discord layer maps it one to
// one onto an embed (plus a menu of Related entries), and the command line
// prints Text(). A Card from Base.Card always fits Discord's embed limits.
type Card struct {
	Title       string
	Description string
	Fields      []Field
	Footer      string
	// EntryID is the id of the entry shown, or "" for an off-topic answer.
	EntryID string
	Kind    ResultKind
	// Related are entries to offer next: alternatives first, then the entry's related links.
	Related []*Entry
}

// Field names and fixed wording of the cards.
const (
	labelDoNow        = "What to do now"
	labelGetHelp      = "When to get help"
	labelSources      = "Sources"
	labelAlternatives = "Not quite it? Try"
	labelEmergency    = "Emergency numbers"
	labelCrisisLines  = "Crisis lines"
	labelAlsoCrisis   = "If you are thinking about hurting yourself"
	labelTopics       = "Topics I can help with"

	offTopicTitle       = "I only cover back pain from lifting"
	offTopicDescription = "Sorry, that's outside what I know. I only answer questions about lower-back pain from squats, " +
		"deadlifts and other lifting, so I'd rather not guess. If your question is about your back, try asking it " +
		"another way, or pick a topic below."
	alsoCrisisText = "You also mentioned thoughts of hurting yourself. Please tell the call handler or the staff about " +
		"them too. You can also reach a crisis line at any time:"
)

// Card renders a result for a member in region (an ISO country code such
// as "GB", or "" when unknown: every region's numbers are then listed).
// Emergency and crisis cards put the urgent action first and list contact
// numbers with the member's region first. An entry's own kind wins over the
// result kind, so a card for the emergency entry picked from autocomplete is
// still an emergency card.
func (b *Base) Card(r Result, region string) Card {
	var c Card
	switch {
	case r.Entry == nil || r.Kind == ResultOffTopic:
		c = offTopicCard(r.Suggestions)
	case r.Entry.Kind == KindEmergency || r.Kind == ResultEmergency:
		c = emergencyCard(r.Entry, region, r.AlsoCrisis)
		c.Related = b.relatedEntries(r.Entry)
	case r.Entry.Kind == KindCrisis || r.Kind == ResultCrisis:
		c = crisisCard(r.Entry, region)
		c.Related = b.relatedEntries(r.Entry)
	default:
		c = entryCard(r.Entry, r.Suggestions)
		c.Related = mergeRelated(r.Entry, r.Suggestions, b.relatedEntries(r.Entry))
	}
	return c.fit()
}

func entryCard(e *Entry, alternatives []*Entry) Card {
	c := Card{Title: e.Title, Description: e.Short, Footer: Disclaimer, EntryID: e.ID, Kind: ResultEntry}
	c.Fields = append(c.Fields, Field{labelDoNow, e.DoNow}, Field{labelGetHelp, e.GetHelp})
	if len(alternatives) > 0 {
		c.Fields = append(c.Fields, Field{labelAlternatives, titleList(alternatives)})
	}
	c.Fields = append(c.Fields, Field{labelSources, sourceList(e.Sources)})
	return c
}

func emergencyCard(e *Entry, region string, alsoCrisis bool) Card {
	c := Card{
		Title:       e.Title,
		Description: "**" + emergencyAction(region) + "**\n\n" + e.Short,
		Footer:      Disclaimer, EntryID: e.ID, Kind: ResultEmergency,
	}
	c.Fields = append(c.Fields, Field{labelEmergency, strings.Join(contacts.EmergencyLines(region), "\n")})
	if alsoCrisis {
		c.Fields = append(c.Fields, Field{labelAlsoCrisis, alsoCrisisText + "\n" + strings.Join(contacts.CrisisLines(region), "\n")})
	}
	c.Fields = append(c.Fields, Field{labelDoNow, e.DoNow}, Field{labelGetHelp, e.GetHelp}, Field{labelSources, sourceList(e.Sources)})
	return c
}

func crisisCard(e *Entry, region string) Card {
	c := Card{
		Title:       e.Title,
		Description: "**" + crisisAction(region) + "**\n\n" + e.Short,
		Footer:      Disclaimer, EntryID: e.ID, Kind: ResultCrisis,
	}
	c.Fields = append(c.Fields,
		Field{labelCrisisLines, strings.Join(contacts.CrisisLines(region), "\n")},
		Field{labelEmergency, strings.Join(contacts.EmergencyLines(region), "\n")},
		Field{labelDoNow, e.DoNow}, Field{labelGetHelp, e.GetHelp}, Field{labelSources, sourceList(e.Sources)})
	return c
}

func offTopicCard(suggestions []*Entry) Card {
	c := Card{Title: offTopicTitle, Description: offTopicDescription, Footer: Disclaimer, Kind: ResultOffTopic, Related: suggestions}
	if len(suggestions) > 0 {
		c.Fields = []Field{{labelTopics, titleList(suggestions)}}
	}
	return c
}

// emergencyAction is the first line of an emergency card.
func emergencyAction(region string) string {
	if r, ok := contacts.Lookup(region); ok {
		return fmt.Sprintf("Call %s or go to the nearest emergency department now.", r.Emergency)
	}
	return "Call your local emergency number or go to the nearest emergency department now."
}

// crisisAction is the first line of a crisis card.
func crisisAction(region string) string {
	r, ok := contacts.Lookup(region)
	switch {
	case ok && len(r.Crisis) > 0:
		return fmt.Sprintf("Please reach out now: %s. If you are in danger, call %s.", r.Crisis[0], r.Emergency)
	case ok:
		return fmt.Sprintf("Please reach out now to a crisis line below or someone you trust. If you are in danger, call %s.", r.Emergency)
	}
	return "Please reach out now to a crisis line below or someone you trust. If you are in danger, call your local emergency number."
}

func titleList(entries []*Entry) string {
	lines := make([]string, len(entries))
	for i, e := range entries {
		lines[i] = "• " + e.Title
	}
	return strings.Join(lines, "\n")
}

func sourceList(sources []Source) string {
	lines := make([]string, len(sources))
	for i, s := range sources {
		lines[i] = "• " + s.Cited()
	}
	return strings.Join(lines, "\n")
}

// mergeRelated lists alternatives first, then the entry's related
// entries, without repeats or the entry itself.
func mergeRelated(e *Entry, alternatives, related []*Entry) []*Entry {
	out := make([]*Entry, 0, len(alternatives)+len(related))
	seen := map[string]bool{e.ID: true}
	for _, list := range [][]*Entry{alternatives, related} {
		for _, r := range list {
			if !seen[r.ID] {
				seen[r.ID] = true
				out = append(out, r)
			}
		}
	}
	return out
}

// fit trims the card to Discord's limits. Each part is cut at a sentence
// or line end; if the whole is still too long, the longest text is cut
// further until it fits. Fields left empty are dropped, since Discord
// rejects an empty field value.
func (c Card) fit() Card {
	c.Title = trimText(c.Title, EmbedTitleMax)
	c.Description = trimText(c.Description, EmbedDescriptionMax)
	c.Footer = trimText(c.Footer, EmbedFooterMax)
	fields := make([]Field, 0, len(c.Fields))
	for _, f := range c.Fields {
		f.Name = trimText(f.Name, EmbedFieldNameMax)
		f.Value = trimText(strings.TrimSpace(f.Value), EmbedFieldValueMax)
		if f.Name != "" && f.Value != "" && len(fields) < EmbedFieldsMax {
			fields = append(fields, f)
		}
	}
	c.Fields = fields
	for over := c.total() - EmbedTotalMax; over > 0; over = c.total() - EmbedTotalMax {
		p := c.longestText()
		*p = trimText(*p, max(mdfile.TextLen(*p)-over, 0))
	}
	c.Fields = slices.DeleteFunc(c.Fields, func(f Field) bool { return f.Value == "" })
	return c
}

// total is the length Discord counts against EmbedTotalMax.
func (c Card) total() int {
	n := mdfile.TextLen(c.Title) + mdfile.TextLen(c.Description) + mdfile.TextLen(c.Footer)
	for _, f := range c.Fields {
		n += mdfile.TextLen(f.Name) + mdfile.TextLen(f.Value)
	}
	return n
}

// longestText points at the longest of the description and field values.
func (c *Card) longestText() *string {
	p := &c.Description
	for i := range c.Fields {
		if mdfile.TextLen(c.Fields[i].Value) > mdfile.TextLen(*p) {
			p = &c.Fields[i].Value
		}
	}
	return p
}

// overflows lists, without trimming anything, each part of the card that
// is over a Discord limit.
func (c Card) overflows() []string {
	var out []string
	check := func(what, s string, limit int) {
		if n := mdfile.TextLen(s); n > limit {
			out = append(out, fmt.Sprintf("%s is %d characters; the limit is %d", what, n, limit))
		}
	}
	check("title", c.Title, EmbedTitleMax)
	check("description (short answer)", c.Description, EmbedDescriptionMax)
	check("footer", c.Footer, EmbedFooterMax)
	if len(c.Fields) > EmbedFieldsMax {
		out = append(out, fmt.Sprintf("%d fields; the limit is %d", len(c.Fields), EmbedFieldsMax))
	}
	for _, f := range c.Fields {
		check("field name "+f.Name, f.Name, EmbedFieldNameMax)
		check("field "+f.Name, f.Value, EmbedFieldValueMax)
	}
	if n := c.total(); n > EmbedTotalMax {
		out = append(out, fmt.Sprintf("the whole card is %d characters; the limit is %d", n, EmbedTotalMax))
	}
	return out
}

// cardOverflows renders e the largest way it can be shown (every region's
// numbers, for the emergency entry the crisis lines too, for a topic three
// alternatives with the longest titles allowed) and lists what would have
// to be trimmed.
func cardOverflows(e *Entry) []string {
	switch e.Kind {
	case KindEmergency:
		return emergencyCard(e, "", true).overflows()
	case KindCrisis:
		return crisisCard(e, "").overflows()
	}
	longest := &Entry{Title: strings.Repeat("x", AutocompleteChoiceNameMax)}
	return entryCard(e, []*Entry{longest, longest, longest}).overflows()
}

// Text renders everything the member reads as plain text.
func (c Card) Text() string {
	var b strings.Builder
	b.WriteString(c.Title)
	b.WriteString("\n\n")
	b.WriteString(c.Description)
	for _, f := range c.Fields {
		b.WriteString("\n\n")
		b.WriteString(f.Name)
		b.WriteString("\n")
		b.WriteString(f.Value)
	}
	if len(c.Related) > 0 {
		b.WriteString("\n\nRelated: ")
		for i, r := range c.Related {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(r.Title)
		}
	}
	b.WriteString("\n\n")
	b.WriteString(c.Footer)
	b.WriteString("\n")
	return b.String()
}
