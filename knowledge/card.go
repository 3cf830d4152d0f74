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
	labelSameDay      = "Where to get seen"
	labelIfWorse      = "Call now instead if"
	labelSafetyNet    = "If you feel unwell"

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
	case r.Kind == ResultOtherLanguage:
		c = otherLanguageCard(r.Language, region)
	case r.Entry == nil || r.Kind == ResultOffTopic:
		c = offTopicCard(r.Suggestions, region)
	case r.Entry.Kind == KindEmergency || r.Kind == ResultEmergency:
		c = emergencyCard(r.Entry, region, r.AlsoCrisis)
		c.Related = b.relatedEntries(r.Entry)
	case r.Entry.Kind == KindCrisis || r.Kind == ResultCrisis:
		c = crisisCard(r.Entry, region)
		c.Related = b.relatedEntries(r.Entry)
	case r.Kind == ResultSameDay:
		c = sameDayCard(r, region)
		c.Related = b.relatedEntries(r.Entry)
	default:
		c = entryCard(r.Entry, r.Suggestions)
		if r.Score < confidentScore && len(r.Suggestions) > 0 {
			// A weak match: the member may be describing something else,
			// so the card says where to turn if they are unwell.
			c.Fields = append(c.Fields, Field{labelSafetyNet, safetyNetLine(region)})
		}
		c.Related = mergeRelated(r.Entry, r.Suggestions, b.relatedEntries(r.Entry))
	}
	return c.fit()
}

// sameDayCard is the warning-signs entry under a "get seen today" banner
// (or "within a day or two" for stable one-sided leg symptoms), with the
// region's same-day line and, because a same-day sign can turn into an
// emergency, the emergency number.
func sameDayCard(r Result, region string) Card {
	e := r.Entry
	when := "today"
	if r.WithinDays() {
		when = "within a day or two"
	}
	banner := fmt.Sprintf("**Get seen %s: what you describe (%s) is a warning sign that needs a doctor to check it, %s.**",
		when, r.Warning(), when)
	c := Card{
		Title:       "Get seen " + when + ": " + e.Title,
		Description: banner + "\n\n" + e.Short,
		Footer:      Disclaimer, EntryID: e.ID, Kind: ResultSameDay,
	}
	c.Fields = append(c.Fields,
		Field{labelSameDay, "Contact " + contacts.UrgentLine(region) + ". " + contacts.ShownFor(region) + " " + changeRegion},
		Field{labelIfWorse, fmt.Sprintf("Call %s or go to an emergency department now if you get numbness between the legs, "+
			"trouble peeing or controlling your bowels, weakness or numbness in both legs, chest pain or fainting.", contacts.EmergencyNumber(region))},
		Field{labelDoNow, e.DoNow}, Field{labelGetHelp, e.GetHelp}, Field{labelSources, sourceList(e.Sources)})
	return c
}

// otherLanguageCard answers a question that is not in English: the
// member's emergency and crisis numbers first, in a line of their own
// language where Spotter has one, and that Spotter answers in English.
func otherLanguageCard(lang, region string) Card {
	desc := ""
	if line, ok := inYourLanguage[lang]; ok {
		desc = line + "\n\n"
	}
	desc += "Spotter answers in English. If this is an emergency, call " + contacts.EmergencyNumber(region) +
		" now. If you are thinking about suicide or hurting yourself, please reach a crisis line below. " +
		"To ask about your back, try again in English. " + contacts.ShownFor(region) + " " + changeRegion
	return Card{
		Title:       "Spotter answers in English",
		Description: desc,
		Footer:      Disclaimer,
		Kind:        ResultOtherLanguage,
		Fields: []Field{
			{labelEmergency, strings.Join(contacts.EmergencyLines(region), "\n")},
			{labelCrisisLines, strings.Join(contacts.CrisisLines(region), "\n")},
		},
	}
}

// inYourLanguage says, in the member's language, that Spotter answers in
// English and to call the emergency number or a crisis line if needed.
var inYourLanguage = map[string]string{
	"es": "Spotter solo responde en inglés. Si es una emergencia, llama ahora al número de emergencias. Si piensas en hacerte daño, contacta una línea de crisis (abajo).",
	"pt": "O Spotter só responde em inglês. Se for uma emergência, ligue agora para o número de emergência. Se está pensando em se machucar, procure uma linha de apoio (abaixo).",
	"de": "Spotter antwortet nur auf Englisch. Im Notfall rufe jetzt den Notruf an. Wenn du daran denkst, dir etwas anzutun, wende dich an eine Krisenhotline (unten).",
	"fr": "Spotter ne répond qu'en anglais. En cas d'urgence, appelle maintenant le numéro d'urgence. Si tu penses à te faire du mal, contacte une ligne d'écoute (ci-dessous).",
	"it": "Spotter risponde solo in inglese. In caso di emergenza chiama subito il numero di emergenza. Se pensi di farti del male, contatta una linea di ascolto (sotto).",
}

// safetyNetLine is the one line every off-topic or weak answer carries:
// where to turn when seriously unwell or struggling, in the member's region.
func safetyNetLine(region string) string {
	crisis := "a crisis line (" + contacts.Directory + ")"
	if r, ok := contacts.Lookup(region); ok {
		crisis = r.Crisis[0]
	}
	return fmt.Sprintf("Seriously unwell: call %s. Struggling or thinking of hurting yourself: %s. %s",
		contacts.EmergencyNumber(region), crisis, contacts.ShownFor(region))
}

// changeRegion tells members how to set their country.
const changeRegion = "Set your country with /region."

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
		Description: "**" + emergencyAction(region) + "**\n\n" + e.Short + "\n\n" + contacts.ShownFor(region) + " " + changeRegion,
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
		Description: "**" + crisisAction(region) + "**\n\n" + e.Short + "\n\n" + contacts.ShownFor(region) + " " + changeRegion,
		Footer:      Disclaimer, EntryID: e.ID, Kind: ResultCrisis,
	}
	c.Fields = append(c.Fields,
		Field{labelCrisisLines, strings.Join(contacts.CrisisLines(region), "\n")},
		Field{labelEmergency, strings.Join(contacts.EmergencyLines(region), "\n")},
		Field{labelDoNow, e.DoNow}, Field{labelGetHelp, e.GetHelp}, Field{labelSources, sourceList(e.Sources)})
	return c
}

func offTopicCard(suggestions []*Entry, region string) Card {
	c := Card{Title: offTopicTitle, Description: offTopicDescription, Footer: Disclaimer, Kind: ResultOffTopic, Related: suggestions}
	if len(suggestions) > 0 {
		c.Fields = []Field{{labelTopics, titleList(suggestions)}}
	}
	c.Fields = append(c.Fields, Field{labelSafetyNet, safetyNetLine(region)})
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
	if r, ok := contacts.Lookup(region); ok {
		return fmt.Sprintf("Please reach out now: %s. If you are in danger, call %s.", r.Crisis[0], r.Emergency)
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
