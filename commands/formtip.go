package commands

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/schedule"
	"github.com/spotter-bot/spotter/knowledge"
	"github.com/spotter-bot/spotter/knowledge/formtips"
)

// Names of /form-tip, its options and its custom_ids; they are public:
// moderators learn them, and custom_ids on old messages must keep working.
const (
	formTipName          = "form-tip"
	formTipSaveName      = "Save as form tip"
	formTipOptExercise   = "exercise"
	formTipOptPin        = "pin"
	formTipOptChannel    = "channel"
	formTipOptCron       = "cron"
	formTipOptTimezone   = "timezone"
	formTipOptPage       = "page"
	formTipOptTip        = "tip"
	formTipOptAction     = "action"
	formTipOptRole       = "role"
	formTipLibraryPageID = "form-tip:library"
	formTipSaveID        = "form-tip:save"
)

// formTipStore is what form tips keep: the server's moderator roles, its
// tip library and pending "save" offers, and its tip-of-the-week schedule
// with the job that posts it.
type formTipStore interface {
	ModeratorRoles(ctx context.Context, guildID string) ([]string, error)
	AddModeratorRole(ctx context.Context, guildID, roleID, addedBy string) (added bool, err error)
	RemoveModeratorRole(ctx context.Context, guildID, roleID string) (removed bool, err error)

	SaveFormTip(ctx context.Context, tip spotter.FormTip) (saved spotter.FormTip, added bool, err error)
	FormTip(ctx context.Context, guildID string, id int64) (spotter.FormTip, error)
	FormTipByMessage(ctx context.Context, guildID, messageID string) (spotter.FormTip, error)
	FormTips(ctx context.Context, guildID string, offset, limit int) ([]spotter.FormTip, int, error)
	DeleteFormTip(ctx context.Context, guildID string, id int64) (spotter.FormTip, error)
	CreateFormTipOffer(ctx context.Context, o spotter.FormTipOffer) (spotter.FormTipOffer, error)
	FormTipOffer(ctx context.Context, id string) (spotter.FormTipOffer, error)
	DeleteFormTipOffer(ctx context.Context, id string) error

	FormTipSchedule(ctx context.Context, guildID string) (spotter.FormTipSchedule, error)
	SetFormTipSchedule(ctx context.Context, sch spotter.FormTipSchedule) (spotter.FormTipSchedule, error)
	DeleteFormTipSchedule(ctx context.Context, guildID string) (spotter.FormTipSchedule, error)
	RecordFormTipPosted(ctx context.Context, guildID, channelID string, rotation int, messageID string) (recorded bool, err error)
	DisableFormTipSchedule(ctx context.Context, guildID, channelID, reason string) error
	ReplaceJob(ctx context.Context, j spotter.NewJob) (int64, error)
	CancelJobs(ctx context.Context, prefix string) (int, error)
}

// formTip serves /form-tip and the "Save as form tip" message command.
type formTip struct {
	cards     *formtips.Library
	kb        *knowledge.Base
	store     formTipStore
	scheduler *schedule.Scheduler
}

func registerFormTip(r *bot.Router, deps Deps) {
	cards, err := formtips.Default()
	if err != nil {
		// The cards are embedded and checked by go test: this is a broken build.
		panic(fmt.Sprintf("form-tip cards: %v", err))
	}
	f := &formTip{cards: cards, kb: deps.Knowledge, store: deps.Store, scheduler: deps.Scheduler}
	if deps.Scheduler != nil {
		log := deps.logger().With("kind", formTipJobKind)
		deps.Scheduler.Register(formTipJobKind, func(ctx context.Context, job schedule.Job, out *schedule.Sender) error {
			return f.postWeeklyTip(ctx, job, weeklyTipOut{out: out, nonce: job.Nonce()}, log)
		})
	}
	moderator := bot.RequireModerator(deps.moderatorRoles)
	r.Define(formTipDefinition(), formTipSaveDefinition())

	r.Command(formTipName+" show", f.show)
	r.Autocomplete(formTipName+" show", formTipOptExercise, f.exerciseChoices)
	r.Command(formTipName+" post", moderator(f.post))
	r.Autocomplete(formTipName+" post", formTipOptExercise, f.exerciseChoices)

	r.MessageCommand(formTipSaveName, moderator(f.offerSave))
	r.Component(formTipSaveID, moderator(f.save))
	r.Command(formTipName+" library", f.library)
	r.Component(formTipLibraryPageID, f.libraryPage)
	r.Command(formTipName+" remove", moderator(f.remove))
	r.Autocomplete(formTipName+" remove", formTipOptTip, moderator(f.tipChoices))

	r.Command(formTipName+" moderators", f.moderators)

	r.Command(formTipName+" schedule", moderator(f.schedule))
	r.Autocomplete(formTipName+" schedule", formTipOptTimezone, f.zoneChoices)
	r.Command(formTipName+" unschedule", moderator(f.unschedule))
}

// formTipDefinition is /form-tip. It sets no default_member_permissions:
// that applies to every subcommand and would hide `show` from the members
// it is for. Moderator subcommands are checked by the bot on every use.
func formTipDefinition() *discordgo.ApplicationCommand {
	exercise := func(desc string) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{
			Type: discordgo.ApplicationCommandOptionString, Name: formTipOptExercise,
			Description: desc, Required: true, Autocomplete: true,
		}
	}
	minPage := 1.0
	return &discordgo.ApplicationCommand{
		Name:             formTipName,
		Description:      "Form cards for squats, deadlifts and core work, and the server's tip library",
		Contexts:         serversAndDMs(),
		IntegrationTypes: guildInstall(),
		Options: []*discordgo.ApplicationCommandOption{
			{
				Type: discordgo.ApplicationCommandOptionSubCommand, Name: "show",
				Description: "Show the form card for an exercise, just to you",
				Options:     []*discordgo.ApplicationCommandOption{exercise("The exercise, e.g. back squat or RDL")},
			},
			{
				Type: discordgo.ApplicationCommandOptionSubCommand, Name: "post",
				Description: "Moderators: post an exercise's form card in this channel and pin it",
				Options: []*discordgo.ApplicationCommandOption{
					exercise("The exercise to post the card for"),
					{Type: discordgo.ApplicationCommandOptionBoolean, Name: formTipOptPin, Description: "Pin the card (default: yes)"},
				},
			},
			{
				Type: discordgo.ApplicationCommandOptionSubCommand, Name: "library",
				Description: "List the member tips this server's moderators saved",
				Options: []*discordgo.ApplicationCommandOption{
					{Type: discordgo.ApplicationCommandOptionInteger, Name: formTipOptPage, Description: "Page to start on (default 1)", MinValue: &minPage},
				},
			},
			{
				Type: discordgo.ApplicationCommandOptionSubCommand, Name: "remove",
				Description: "Moderators: remove a tip from the library and unpin it",
				Options: []*discordgo.ApplicationCommandOption{
					{Type: discordgo.ApplicationCommandOptionString, Name: formTipOptTip, Description: "The tip's number, as the library shows it", Required: true, Autocomplete: true},
				},
			},
			{
				Type: discordgo.ApplicationCommandOptionSubCommand, Name: "schedule",
				Description: "Moderators: post a rotating tip of the week in a channel",
				Options: []*discordgo.ApplicationCommandOption{
					{
						Type: discordgo.ApplicationCommandOptionChannel, Name: formTipOptChannel, Description: "Where to post it", Required: true,
						ChannelTypes: []discordgo.ChannelType{discordgo.ChannelTypeGuildText, discordgo.ChannelTypeGuildNews},
					},
					{Type: discordgo.ApplicationCommandOptionString, Name: formTipOptCron, Description: "When, as 5 cron fields: minute hour day month weekday, e.g. 0 9 * * MON", Required: true, MaxLength: 100},
					{Type: discordgo.ApplicationCommandOptionString, Name: formTipOptTimezone, Description: "Time zone, e.g. Europe/London or America/New_York", Required: true, Autocomplete: true},
					{Type: discordgo.ApplicationCommandOptionBoolean, Name: formTipOptPin, Description: "Pin each new tip and unpin the previous one (default: yes)"},
				},
			},
			{
				Type: discordgo.ApplicationCommandOptionSubCommand, Name: "unschedule",
				Description: "Moderators: stop the tip of the week",
			},
			{
				Type: discordgo.ApplicationCommandOptionSubCommand, Name: "moderators",
				Description: "Admins: choose roles whose members may post, pin and save tips",
				Options: []*discordgo.ApplicationCommandOption{
					{
						Type: discordgo.ApplicationCommandOptionString, Name: formTipOptAction, Description: "What to do", Required: true,
						Choices: []*discordgo.ApplicationCommandOptionChoice{
							{Name: "add a role", Value: "add"},
							{Name: "remove a role", Value: "remove"},
							{Name: "list the roles", Value: "list"},
						},
					},
					{Type: discordgo.ApplicationCommandOptionRole, Name: formTipOptRole, Description: "The role to add or remove"},
				},
			},
		},
	}
}

// formTipSaveDefinition is the message context-menu command. Only
// moderators see it by default; the bot still checks every use, because
// admins can change who sees it.
func formTipSaveDefinition() *discordgo.ApplicationCommand {
	perms := bot.PermissionPinMessages | discordgo.PermissionManageMessages
	return &discordgo.ApplicationCommand{
		Type:                     discordgo.MessageApplicationCommand,
		Name:                     formTipSaveName,
		DefaultMemberPermissions: &perms,
		Contexts:                 &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild},
		IntegrationTypes:         guildInstall(),
	}
}

// show answers with the exercise's card, privately.
func (f *formTip) show(_ context.Context, req *bot.Request) (*bot.Response, error) {
	card, err := f.card(req)
	if err != nil {
		return nil, err
	}
	return &bot.Response{
		Kind: bot.KindMessage, Ephemeral: true,
		Embeds: []*discordgo.MessageEmbed{formCardEmbed(card)}, Components: f.relatedButtons(card),
	}, nil
}

// card finds the card the exercise option names: an id picked from
// autocomplete, or whatever the member typed.
func (f *formTip) card(req *bot.Request) (*formtips.Card, error) {
	typed, _ := req.StringOption(formTipOptExercise)
	if c, ok := f.cards.Card(typed); ok {
		return c, nil
	}
	if c, ok := f.cards.Find(typed); ok {
		return c, nil
	}
	titles := make([]string, 0, len(f.cards.Cards()))
	for _, c := range f.cards.Cards() {
		titles = append(titles, c.Title)
	}
	return nil, bot.Userf("I have no form card for %q yet. Cards: %s.", truncate(typed, 60), strings.Join(titles, ", "))
}

// exerciseChoices suggests cards as the member types.
func (f *formTip) exerciseChoices(_ context.Context, req *bot.Request) (*bot.Response, error) {
	typed := ""
	if o, ok := req.Focused(); ok {
		typed, _ = o.Value.(string)
	}
	cards := f.cards.Suggest(typed, knowledge.AutocompleteChoicesMax)
	choices := make([]*discordgo.ApplicationCommandOptionChoice, 0, len(cards))
	for _, c := range cards {
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: c.Title, Value: c.ID})
	}
	return bot.Choices(choices), nil
}

// relatedButtons offer the knowledge-base entries the card links to; each
// click answers whoever clicked, privately.
func (f *formTip) relatedButtons(c *formtips.Card) []discordgo.MessageComponent {
	var buttons []discordgo.MessageComponent
	for _, id := range c.Related {
		e, ok := f.kb.Entry(id)
		if !ok || len(buttons) == 5 {
			continue
		}
		buttons = append(buttons, discordgo.Button{Label: truncate(e.Title, 80), Style: discordgo.SecondaryButton, CustomID: soreBackEntry + ":" + e.ID})
	}
	if len(buttons) == 0 {
		return nil
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: buttons}}
}
