package commands

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/knowledge"
	"github.com/spotter-bot/spotter/knowledge/redflag"
)

// Colours of the outcome embeds, most urgent first.
const (
	redFlagSameDayColor = 0xE8833A
	redFlagSeeSoonColor = 0xE5C04B
)

const (
	redFlagIntro         = "I'll go through up to %d quick steps, the most urgent questions first. If an answer means you need help now, I'll tell you straight away."
	redFlagQuestionNote  = "\"Not sure\" counts as yes, to be safe. Only you see your answers, and they are deleted when the check ends."
	redFlagChecklistNote = "Not sure about one? Tick it: not sure counts as yes, to be safe. Only you see your answers, and they are deleted when the check ends."
	redFlagChecklistHead = "**Do any of these apply to you?** Tick each one that does in the menu below, and any you're not sure about. If none of them apply, tap **None of these**."
	redFlagTickHere      = "Tick any that apply (or you're not sure about)"
	redFlagNoneLabel     = "None of these"
	redFlagStoppedText   = "Your answers were deleted and nothing was saved. You can run %s again at any time."
)

// redFlagQuestion shows the screen the run is on: a question asked alone
// with its answer buttons, or a checklist with a menu to tick and a None of
// these button; then Back and Stop.
func redFlagQuestion(kind bot.ResponseKind, run spotter.RedFlagRun, answers redflag.Answers) *bot.Response {
	s, step, _ := redflag.NextScreen(answers)
	total := len(redflag.Screens())
	prefix := fmt.Sprintf("%s:%d", run.ID, run.Step)
	embed := &discordgo.MessageEmbed{
		Title: fmt.Sprintf("Red-flag check: step %d of %d", step, total),
		Color: embedColor,
	}
	var rows []discordgo.MessageComponent
	if s.Checklist {
		embed.Description = redFlagChecklistText(s)
		embed.Footer = &discordgo.MessageEmbedFooter{Text: redFlagChecklistNote}
		rows = redFlagChecklistRows(s, prefix)
	} else {
		q := s.Questions[0]
		embed.Description = q.Text
		embed.Footer = &discordgo.MessageEmbedFooter{Text: redFlagQuestionNote}
		rows = redFlagAnswerRows(q, prefix)
	}
	if len(answers) == 0 {
		embed.Description = fmt.Sprintf(redFlagIntro, total) + "\n\n**" + embed.Description + "**"
	}
	rows = append(rows, discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Back", Style: discordgo.SecondaryButton, CustomID: redFlagBackID + ":" + prefix, Disabled: len(answers) == 0},
		discordgo.Button{Label: "Stop", Style: discordgo.SecondaryButton, CustomID: redFlagStopID + ":" + prefix},
	}})
	return &bot.Response{Kind: kind, Embeds: []*discordgo.MessageEmbed{embed}, Components: rows}
}

// redFlagAnswerRows are the answer buttons of a question asked alone; each
// names the question, so a click is only ever counted for it. The crisis
// answer has a row of its own.
func redFlagAnswerRows(q redflag.Question, prefix string) []discordgo.MessageComponent {
	var choices, extra []discordgo.MessageComponent
	for _, a := range q.Choices() {
		b := discordgo.Button{Label: a.Label(), Style: discordgo.SecondaryButton, CustomID: redFlagAnswerID + ":" + prefix + ":" + q.ID + ":" + string(a)}
		if a == redflag.AnswerCrisis {
			b.Style = discordgo.DangerButton
			extra = append(extra, b)
			continue
		}
		choices = append(choices, b)
	}
	rows := []discordgo.MessageComponent{discordgo.ActionsRow{Components: choices}}
	if len(extra) > 0 {
		rows = append(rows, discordgo.ActionsRow{Components: extra})
	}
	return rows
}

// redFlagChecklistText lists a checklist's items in full, numbered as in
// the menu.
func redFlagChecklistText(s redflag.Screen) string {
	lines := []string{redFlagChecklistHead, ""}
	for i, q := range s.Questions {
		lines = append(lines, fmt.Sprintf("%d. %s", i+1, q.Text))
	}
	return strings.Join(lines, "\n")
}

// redFlagChecklistRows are a checklist's menu, where the member ticks any
// items that apply (one interaction when the menu closes), and the None of
// these button.
func redFlagChecklistRows(s redflag.Screen, prefix string) []discordgo.MessageComponent {
	options := make([]discordgo.SelectMenuOption, len(s.Questions))
	for i, q := range s.Questions {
		options[i] = discordgo.SelectMenuOption{Label: fmt.Sprintf("%d. %s", i+1, q.Label), Value: q.ID, Description: q.Hint}
	}
	one := 1
	return []discordgo.MessageComponent{
		discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.SelectMenu{
			MenuType:    discordgo.StringSelectMenu,
			CustomID:    redFlagTickID + ":" + prefix + ":" + s.ID,
			Placeholder: redFlagTickHere,
			MinValues:   &one,
			MaxValues:   len(options),
			Options:     options,
		}}},
		discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: redFlagNoneLabel, Style: discordgo.PrimaryButton, CustomID: redFlagNoneID + ":" + prefix + ":" + s.ID},
		}},
	}
}

// redFlagOutcome replaces the question with the outcome: what to do, the
// numbers to call, kind words where they are needed, and the disclaimer.
// The answer buttons go; what is left are the guides and the check-in offer.
func redFlagOutcome(o redflag.Outcome, r redflag.Rendered, kb *knowledge.Base) *bot.Response {
	embed := &discordgo.MessageEmbed{
		Title:       r.Title,
		Description: r.Body,
		Color:       redFlagColor(o.Top()),
		Footer:      &discordgo.MessageEmbedFooter{Text: r.Disclaimer},
	}
	for _, f := range []struct{ name, value string }{
		{"What to do", r.Action},
		{"Talk to someone now", r.CrisisHelp},
		{"Looking after yourself", r.Support},
		{"About \"Not sure\"", r.UnsureNote},
		{"When to get help now", r.SafetyNet},
	} {
		if f.value != "" {
			embed.Fields = append(embed.Fields, &discordgo.MessageEmbedField{Name: f.name, Value: f.value})
		}
	}
	var guides []discordgo.MessageComponent
	for _, id := range r.RelatedEntries {
		if e, ok := kb.Entry(id); ok && len(guides) < 5 {
			guides = append(guides, discordgo.Button{Label: truncate(e.Title, 80), Style: discordgo.SecondaryButton, CustomID: soreBackEntry + ":" + e.ID})
		}
	}
	components := []discordgo.MessageComponent{}
	if len(guides) > 0 {
		components = append(components, discordgo.ActionsRow{Components: guides})
	}
	if r.OfferCheckIns {
		components = append(components, discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Track my recovery", Style: discordgo.PrimaryButton, CustomID: checkinOfferID},
		}})
	}
	return &bot.Response{Kind: bot.KindUpdate, Embeds: []*discordgo.MessageEmbed{embed}, Components: components}
}

func redFlagColor(l redflag.Level) int {
	switch l {
	case redflag.LevelEmergency, redflag.LevelCrisis:
		return urgentColor
	case redflag.LevelSameDay, redflag.LevelWithinDays:
		return redFlagSameDayColor
	case redflag.LevelSeeSoon:
		return redFlagSeeSoonColor
	default:
		return embedColor
	}
}

// redFlagStopped replaces the question when the member stops the check,
// with how to start again (command is the command's mention) and the
// safety net for the member's region.
func redFlagStopped(command, region string) *bot.Response {
	return &bot.Response{
		Kind: bot.KindUpdate,
		Embeds: []*discordgo.MessageEmbed{{
			Title:       "Red-flag check stopped",
			Description: fmt.Sprintf(redFlagStoppedText, command) + "\n\n" + redflag.SafetyNet(region),
			Color:       embedColor,
			Footer:      &discordgo.MessageEmbedFooter{Text: redflag.Disclaimer},
		}},
		Components: []discordgo.MessageComponent{},
	}
}
