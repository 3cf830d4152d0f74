package commands

import (
	"log/slog"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/retention"
	"github.com/spotter-bot/spotter/bot/schedule"
	"github.com/spotter-bot/spotter/bot/store"
	"github.com/spotter-bot/spotter/knowledge"
)

// Deps are what the commands need from the rest of the program.
type Deps struct {
	Store     *store.Store
	Knowledge *knowledge.Base
	// Scheduler runs scheduled jobs such as check-in prompts; with nil,
	// nothing scheduled is sent.
	Scheduler *schedule.Scheduler
	// Now is the clock commands read; nil means time.Now.
	Now func() time.Time
	// Retention is how long data is kept, for what /privacy show says.
	Retention retention.Policy
	// Logger receives what background work (scheduled posts) has to say;
	// nil means the process default.
	Logger *slog.Logger
}

func (d Deps) logger() *slog.Logger {
	if d.Logger != nil {
		return d.Logger
	}
	return slog.Default()
}

// Register defines every command and routes its interactions.
func Register(r *bot.Router, deps Deps) {
	registerHelp(r)
	registerSoreBack(r, deps)
	registerRedFlag(r, deps)
	registerFormTip(r, deps)
	registerCheckin(r, deps)
	registerCoach(r, deps)
	registerPrivacy(r, deps)
	registerRegion(r, deps)
}

// serversAndDMs lets a command be used in server channels and in DMs with the bot.
func serversAndDMs() *[]discordgo.InteractionContextType {
	return &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM}
}

// guildInstall marks a command as part of the server-installed bot.
func guildInstall() *[]discordgo.ApplicationIntegrationType {
	return &[]discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall}
}
