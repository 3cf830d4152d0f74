package commands

import (
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/knowledge"
	"github.com/spotter-bot/spotter/knowledge/formtips"
)

// formCardTitlePrefix starts the title of every card embed; it is how a
// pinned card is recognised among a channel's pins.
const formCardTitlePrefix = "Form tip: "

// formCardEmbed shows a card as one embed: a field per section, then the
// sources. formtips.Lint keeps every card within Discord's embed limits.
func formCardEmbed(c *formtips.Card) *discordgo.MessageEmbed {
	embed := &discordgo.MessageEmbed{
		Title:  formCardTitlePrefix + c.Title,
		Color:  embedColor,
		Footer: &discordgo.MessageEmbedFooter{Text: knowledge.Disclaimer},
	}
	for _, s := range c.Sections() {
		embed.Fields = append(embed.Fields, &discordgo.MessageEmbedField{Name: s.Heading, Value: s.Text})
	}
	citations := make([]string, 0, len(c.Sources))
	for _, s := range c.Sources {
		citations = append(citations, "- "+s.Citation())
	}
	embed.Fields = append(embed.Fields, &discordgo.MessageEmbedField{Name: "Sources", Value: truncate(strings.Join(citations, "\n"), 1024)})
	return embed
}

// isFormCard reports whether m is the bot's own post of card c.
func isFormCard(m *discordgo.Message, botID string, c *formtips.Card) bool {
	if m.Author == nil || m.Author.ID != botID {
		return false
	}
	for _, e := range m.Embeds {
		if e.Title == formCardTitlePrefix+c.Title {
			return true
		}
	}
	return false
}
