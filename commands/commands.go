package commands

import (
	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/store"
	"github.com/spotter-bot/spotter/knowledge"
)

// Deps are what the commands need from the rest of the program.
type Deps struct {
	Store     *store.Store
	Knowledge *knowledge.Base
}

// Register defines every command and routes its interactions.
func Register(r *bot.Router, deps Deps) {
	registerHelp(r)
	registerSoreBack(r, deps)
	registerRedFlag(r, deps)
}

// serversAndDMs lets a command be used in server channels and in DMs with the bot.
func serversAndDMs() *[]discordgo.InteractionContextType {
	return &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM}
}

// guildInstall marks a command as part of the server-installed bot.
func guildInstall() *[]discordgo.ApplicationIntegrationType {
	return &[]discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall}
}
