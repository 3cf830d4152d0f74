package commands

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/knowledge"
)

const helpIntro = "Spotter looks after lower backs in this lifting community. " +
	"Ask about back pain after squats and deadlifts and get a short, sourced answer; " +
	"run a private red-flag check when something feels wrong; " +
	"and track your recovery with opt-in check-ins by DM. " +
	"Personal answers are only ever shown to you."

func registerHelp(r *bot.Router) {
	r.Define(&discordgo.ApplicationCommand{
		Name:             "help",
		Description:      "What Spotter does and how to use it",
		Contexts:         serversAndDMs(),
		IntegrationTypes: guildInstall(),
	})
	r.Command("help", func(ctx context.Context, req *bot.Request) (*bot.Response, error) {
		return helpResponse(r.Definitions(), r.Mention), nil
	})
}

// helpResponse lists every registered command from its own definition, so
// the overview can never fall out of date. Each command gets its own field,
// and each slash command or subcommand is named with mention, a clickable
// mention once the bot knows the command's id.
func helpResponse(defs []*discordgo.ApplicationCommand, mention func(path string) string) *bot.Response {
	embed := &discordgo.MessageEmbed{
		Title:       "Spotter",
		Description: helpIntro,
		Color:       embedColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: knowledge.Disclaimer},
	}
	for _, d := range defs {
		field := &discordgo.MessageEmbedField{Name: "/" + d.Name, Value: mention(d.Name) + ": " + d.Description}
		if d.Type == discordgo.MessageApplicationCommand {
			field = &discordgo.MessageEmbedField{Name: d.Name, Value: "Right-click (or long-press) a message, then Apps."}
		} else if subs := subcommandLines(d, mention); len(subs) > 0 {
			field.Value = strings.Join(subs, "\n")
		}
		embed.Fields = append(embed.Fields, field)
	}
	return &bot.Response{Kind: bot.KindMessage, Ephemeral: true, Embeds: []*discordgo.MessageEmbed{embed}}
}

func subcommandLines(d *discordgo.ApplicationCommand, mention func(path string) string) []string {
	var subs []string
	for _, o := range d.Options {
		if o.Type == discordgo.ApplicationCommandOptionSubCommand {
			subs = append(subs, fmt.Sprintf("%s: %s", mention(d.Name+" "+o.Name), o.Description))
		}
	}
	return subs
}

// embedColor is Spotter's accent colour on every embed.
const embedColor = 0x2F9E75
