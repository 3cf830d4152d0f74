package commands

import (
	"context"
	"log/slog"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/retention"
	"github.com/spotter-bot/spotter/bot/schedule"
	"github.com/spotter-bot/spotter/knowledge"
)

// Store is every store method the commands call: the union of the small
// interfaces each feature declares beside its code (checkinStore,
// coachStore, formTipStore, privacyStore, redFlagStore, regionStore). Any
// storage adapter with these methods serves the commands.
type Store interface {
	checkinStore
	coachStore
	formTipStore
	privacyStore
	redFlagStore
}

// Deps are what the commands need from the rest of the program.
type Deps struct {
	Store     Store
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

// The store methods that commands hand on as functions. They read d.Store
// only when called, so the commands register without a store (as the help
// tests do).
func (d Deps) memberRegion(ctx context.Context, userID string) (string, error) {
	return d.Store.MemberRegion(ctx, userID)
}

func (d Deps) setMemberRegion(ctx context.Context, userID, region string) error {
	return d.Store.SetMemberRegion(ctx, userID, region)
}

func (d Deps) moderatorRoles(ctx context.Context, guildID string) ([]string, error) {
	return d.Store.ModeratorRoles(ctx, guildID)
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
