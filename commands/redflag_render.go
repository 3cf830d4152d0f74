package commands

import (
	"fmt"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/store"
	"github.com/spotter-bot/spotter/knowledge"
	"github.com/spotter-bot/spotter/knowledge/redflag"
)

// Colours of the outcome embeds, most urgent first.
const (
	redFlagSameDayColor = 0xE8833A
	redFlagSeeSoonColor = 0xE5C04B
)

const (
	redFlagIntro        = "I'll ask up to %d quick questions, the most urgent first. If an answer means you need help now, I'll tell you straight away."
	redFlagQuestionNote = "\"Not sure\" counts as yes, to be safe. Only you see your answers, and they are deleted when the check ends."
	redFlagStoppedText  = "Your answers were deleted and nothing was saved. You can run /red-flag-check again at any time.\n\n" +
		"If you get numbness between your legs, new bladder or bowel trouble, or weakness in both legs, go to an emergency department or call your emergency number now."
)

// redFlagQuestion shows the question the run is on, with its answer
// buttons and Back and Stop.
func redFlagQuestion(kind bot.ResponseKind, run store.RedFlagRun, answers redflag.Answers) *bot.Response {
	q, _ := redflag.Next(answers)
	total := len(redflag.Questions())
	text := q.Text
	if len(answers) == 0 {
		text = fmt.Sprintf(redFlagIntro, total) + "\n\n**" + q.Text + "**"
	}
	embed := &discordgo.MessageEmbed{
		Title:       fmt.Sprintf("Red-flag check: question %d of %d", len(answers)+1, total),
		Description: text,
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: redFlagQuestionNote},
	}
	prefix := fmt.Sprintf("%s:%d", run.ID, run.Step)
	var choices, extra []discordgo.MessageComponent
	for _, a := range q.Choices() {
		b := discordgo.Button{Label: a.Label(), Style: discordgo.SecondaryButton, CustomID: redFlagAnswerID + ":" + prefix + ":" + string(a)}
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
	rows = append(rows, discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Back", Style: discordgo.SecondaryButton, CustomID: redFlagBackID + ":" + prefix, Disabled: len(answers) == 0},
		discordgo.Button{Label: "Stop", Style: discordgo.SecondaryButton, CustomID: redFlagStopID + ":" + prefix},
	}})
	return &bot.Response{Kind: kind, Embeds: []*discordgo.MessageEmbed{embed}, Components: rows}
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
	case redflag.LevelSameDay:
		return redFlagSameDayColor
	case redflag.LevelSeeSoon:
		return redFlagSeeSoonColor
	default:
		return embedColor
	}
}

// redFlagStopped replaces the question when the member stops the check.
func redFlagStopped() *bot.Response {
	return &bot.Response{
		Kind: bot.KindUpdate,
		Embeds: []*discordgo.MessageEmbed{{
			Title:       "Red-flag check stopped",
			Description: redFlagStoppedText,
			Color:       embedColor,
			Footer:      &discordgo.MessageEmbedFooter{Text: redflag.Disclaimer},
		}},
		Components: []discordgo.MessageComponent{},
	}
}
