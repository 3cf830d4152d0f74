package commands

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/schedule"
	"github.com/spotter-bot/spotter/knowledge"
)

// Names of /coach, the sharing subcommands of /checkin, their buttons
// (custom_id prefix:args) and the weekly job. They are public: members
// learn the commands, and buttons on old messages must keep working.
const (
	coachName        = "coach"
	coachOptAction   = "action"
	coachOptRole     = "role"
	shareOptCoach    = "coach"
	shareOptNotes    = "include_notes"
	shareOptWeekly   = "weekly"
	shareConfirmID   = "checkin:sharego" // checkin:sharego:<member>:<coach>:<notes 0|1><weekly 0|1>
	shareCancelID    = "checkin:shareno" // checkin:shareno:<member>
	shareEndID       = "checkin:unshare" // checkin:unshare:<share>
	coachAthleteID   = "coach:athlete"   // coach:athlete:<share>
	coachUpdateJob   = "coach.update"
	coachWeeklyHour  = 9 // weekly updates go out on Mondays at 09:00, the coach's time
	coachWeeklySpec  = "0 9 * * 1"
	coachWeeklyWords = "Mondays at 09:00"
	maxShareButtons  = 25 // five rows of five
)

// coachStore is what coaching keeps: the server's coach roles, the shares
// and their sends, and the member's plan and readings a summary shows.
type coachStore interface {
	CoachRoles(ctx context.Context, guildID string) ([]string, error)
	AddCoachRole(ctx context.Context, guildID, roleID, addedBy string) (added bool, err error)
	RemoveCoachRole(ctx context.Context, guildID, roleID string) (removed bool, err error)

	StartShare(ctx context.Context, sh spotter.CoachShare, weekly *spotter.NewJob) (spotter.CoachShare, error)
	Share(ctx context.Context, id int64) (spotter.CoachShare, bool, error)
	LiveShare(ctx context.Context, memberID, coachID string) (spotter.CoachShare, bool, error)
	MemberShares(ctx context.Context, memberID string, limit int) ([]spotter.CoachShare, error)
	CoachShares(ctx context.Context, coachID string) ([]spotter.CoachShare, error)
	EndShare(ctx context.Context, id int64, reason, notice string) (ended bool, err error)
	PauseShare(ctx context.Context, id int64, reason, notice string) (paused bool, err error)
	EndSharesInGuild(ctx context.Context, guildID, userID string, asCoach bool, reason, notice string) (int, error)
	ShareJobSent(ctx context.Context, jobID int64) (bool, error)
	RecordShareSend(ctx context.Context, shareID, jobID int64, kind string, at time.Time) error

	CheckinPlan(ctx context.Context, userID string) (spotter.CheckinPlan, bool, error)
	PainEntries(ctx context.Context, planID int64, since time.Time) ([]spotter.PainEntry, error)
	DMChannel(ctx context.Context, userID string) (string, bool, error)
}

// coaching serves /coach and the sharing subcommands of /checkin: a member
// shares their check-in summary with a coach, on their terms.
type coaching struct {
	store coachStore
	sched *schedule.Scheduler
	kb    *knowledge.Base
	now   func() time.Time
	log   *slog.Logger
	// mention renders a command as a clickable mention; nil in tests
	// without a router.
	mention func(path string) string
}

func registerCoach(r *bot.Router, deps Deps) {
	c := &coaching{store: deps.Store, sched: deps.Scheduler, kb: deps.Knowledge, now: deps.Now, log: deps.logger(), mention: r.Mention}
	if c.now == nil {
		c.now = time.Now
	}
	r.Define(coachDefinition())
	r.Command(coachName+" roles", c.roles)
	r.Command(coachName+" athletes", c.athletes)
	r.Component(coachAthleteID, c.openAthlete)
	r.Command(checkinName+" share", c.share)
	r.Command(checkinName+" sharing", c.sharing)
	r.Command(checkinName+" unshare", c.unshare)
	r.Component(shareConfirmID, c.confirmShare)
	r.Component(shareCancelID, c.cancelShare)
	r.Component(shareEndID, c.endFromList)
	r.OnMember(c.memberChanged)
	if c.sched != nil {
		c.sched.Register(coachUpdateJob, c.sendUpdate)
	}
}

func (c *coaching) mentionOf(path string) string {
	if c.mention == nil {
		return "/" + path
	}
	return c.mention(path)
}

// coachDefinition is /coach. Like /form-tip it sets no
// default_member_permissions: `athletes` is for coaches, `roles` for
// admins, and both are checked by the bot on every use.
func coachDefinition() *discordgo.ApplicationCommand {
	return &discordgo.ApplicationCommand{
		Name:             coachName,
		Description:      "Coaches: see the check-ins members share with you; admins: choose coach roles",
		Contexts:         &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild},
		IntegrationTypes: guildInstall(),
		Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "roles", Description: "Admins: add, remove or list the roles whose members are coaches",
				Options: []*discordgo.ApplicationCommandOption{
					{Type: discordgo.ApplicationCommandOptionString, Name: coachOptAction, Description: "What to do", Required: true,
						Choices: []*discordgo.ApplicationCommandOptionChoice{{Name: "add", Value: "add"}, {Name: "remove", Value: "remove"}, {Name: "list", Value: "list"}}},
					{Type: discordgo.ApplicationCommandOptionRole, Name: coachOptRole, Description: "The role to add or remove"},
				}},
			{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "athletes", Description: "Coaches: the members who share their check-ins with you (only you see this)"},
		},
	}
}

// shareSubcommands are the sharing subcommands of /checkin.
func shareSubcommands() []*discordgo.ApplicationCommandOption {
	coach := func(desc string) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionUser, Name: shareOptCoach, Description: desc, Required: true}
	}
	return []*discordgo.ApplicationCommandOption{
		{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "share", Description: "Share your check-in summary and chart with a coach (you see it first)",
			Options: []*discordgo.ApplicationCommandOption{
				coach("A member with one of this server's coach roles"),
				{Type: discordgo.ApplicationCommandOptionBoolean, Name: shareOptNotes, Description: "Include your notes (default: no)"},
				{Type: discordgo.ApplicationCommandOptionBoolean, Name: shareOptWeekly, Description: "Send them an updated summary every week (default: yes)"},
			}},
		{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "sharing", Description: "Whom you share your check-ins with; end any share"},
		{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "unshare", Description: "Stop sharing your check-ins with a coach",
			Options: []*discordgo.ApplicationCommandOption{coach("The coach to stop sharing with")}},
	}
}

// roles lets a server's admins add, remove and list coach roles, as
// /form-tip moderators does for moderator roles.
func (c *coaching) roles(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	if !req.InGuild() || req.Member == nil {
		return nil, bot.Userf("Coach roles belong to a server: use this in one of its channels.")
	}
	if req.Member.Permissions&adminPermissions == 0 {
		return nil, bot.Userf("Only server admins (Administrator or Manage Server) can choose coach roles.")
	}
	action, _ := req.StringOption(coachOptAction)
	role := ""
	if o, ok := req.Options()[coachOptRole]; ok && o.Type == discordgo.ApplicationCommandOptionRole {
		role, _ = o.Value.(string)
	}
	if action == "list" {
		return c.listRoles(ctx, req.GuildID)
	}
	if role == "" {
		return nil, bot.Userf("Pick the role to %s in the `role` option.", action)
	}
	if !spotter.IsSnowflake(role) {
		return nil, bot.Userf("Pick the role from Discord's list.")
	}
	switch action {
	case "add":
		if role == req.GuildID {
			return nil, bot.Userf("@everyone can't be a coach role: every member could then be sent other members' check-ins.")
		}
		added, err := c.store.AddCoachRole(ctx, req.GuildID, role, req.UserID())
		if err != nil {
			return nil, fmt.Errorf("coach roles: %w", err)
		}
		if !added {
			return bot.Ephemeral(fmt.Sprintf("<@&%s> is already a coach role.", role)), nil
		}
		return bot.Ephemeral(fmt.Sprintf("Members with <@&%s> are now coaches: members can share their check-ins with them using %s.", role, c.mentionOf(checkinName+" share"))), nil
	case "remove":
		removed, err := c.store.RemoveCoachRole(ctx, req.GuildID, role)
		if err != nil {
			return nil, fmt.Errorf("coach roles: %w", err)
		}
		if !removed {
			return bot.Ephemeral(fmt.Sprintf("<@&%s> was not a coach role.", role)), nil
		}
		return bot.Ephemeral(fmt.Sprintf("<@&%s> is no longer a coach role. Shares with coaches who now hold no coach role end before their next update, and their members are told.", role)), nil
	}
	return nil, bot.Userf("Choose add, remove or list.")
}

func (c *coaching) listRoles(ctx context.Context, guildID string) (*bot.Response, error) {
	roles, err := c.store.CoachRoles(ctx, guildID)
	if err != nil {
		return nil, fmt.Errorf("coach roles: %w", err)
	}
	if len(roles) == 0 {
		return bot.Ephemeral("No coach roles yet, so nobody here can receive members' check-ins. Add one with `action:add`."), nil
	}
	mentions := make([]string, len(roles))
	for i, r := range roles {
		mentions[i] = "<@&" + r + ">"
	}
	return bot.Ephemeral("Coach roles: " + strings.Join(mentions, ", ") + "."), nil
}

// memberChanged ends shares the moment Discord says a coach or a member
// left the server, or that a coach no longer holds a coach role; each
// member is told on their next command. (It needs the Server Members
// intent; without it the same checks run before each update.)
func (c *coaching) memberChanged(ctx context.Context, ev bot.MemberEvent) error {
	if !spotter.IsSnowflake(ev.GuildID) || !spotter.IsSnowflake(ev.UserID) {
		return nil
	}
	if ev.Left {
		if _, err := c.store.EndSharesInGuild(ctx, ev.GuildID, ev.UserID, true, spotter.ShareCoachLeft, spotter.NoticeShareEnded); err != nil {
			return fmt.Errorf("end shares to a coach who left: %w", err)
		}
		if _, err := c.store.EndSharesInGuild(ctx, ev.GuildID, ev.UserID, false, spotter.ShareMemberLeft, spotter.NoticeShareEnded); err != nil {
			return fmt.Errorf("end shares of a member who left: %w", err)
		}
		return nil
	}
	coach, err := c.isCoach(ctx, ev.GuildID, ev.Roles)
	if err != nil || coach {
		return err
	}
	if _, err := c.store.EndSharesInGuild(ctx, ev.GuildID, ev.UserID, true, spotter.ShareCoachLostRole, spotter.NoticeShareEnded); err != nil {
		return fmt.Errorf("end shares to a coach who lost the role: %w", err)
	}
	return nil
}

// isCoach reports whether roles include one of the server's coach roles.
func (c *coaching) isCoach(ctx context.Context, guildID string, roles []string) (bool, error) {
	coachRoles, err := c.store.CoachRoles(ctx, guildID)
	if err != nil {
		return false, err
	}
	for _, r := range roles {
		if slices.Contains(coachRoles, r) {
			return true, nil
		}
	}
	return false, nil
}

// athletes lists, privately, the members who share with the coach in this
// server, each with their trend and a button to open their summary.
func (c *coaching) athletes(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	if !req.InGuild() || req.Member == nil {
		return nil, bot.Userf("Use this in the server where you coach.")
	}
	shares, err := c.coachSharesHere(ctx, req)
	if err != nil {
		return nil, err
	}
	if len(shares) == 0 {
		return bot.Ephemeral(fmt.Sprintf("Nobody here shares their check-ins with you yet. Members choose to, with %s.", c.mentionOf(checkinName+" share"))), nil
	}
	lines := []string{"**Members who share their check-ins with you** (only you see this; Spotter is not a medical service):"}
	var buttons []discordgo.MessageComponent
	for i, sh := range shares {
		if i == maxShareButtons {
			lines = append(lines, fmt.Sprintf("…and %d more.", len(shares)-maxShareButtons))
			break
		}
		line := fmt.Sprintf("%d. <@%s>", i+1, sh.MemberID)
		if sh.Status == spotter.SharePaused {
			line += ": paused, because I couldn't DM you (allow DMs from this server's members; they can share again)"
		} else if view, _, err := c.summaryData(ctx, sh.MemberID); err != nil {
			return nil, err
		} else if view.Entries > 0 {
			line += fmt.Sprintf(": %s; latest %d/10", view.TrendWords, view.Latest.Pain)
		} else {
			line += ": no readings yet"
		}
		lines = append(lines, line)
		buttons = append(buttons, discordgo.Button{Label: fmt.Sprintf("Open %d", i+1), Style: discordgo.SecondaryButton,
			CustomID: coachAthleteID + ":" + strconv.FormatInt(sh.ID, 10)})
	}
	resp := bot.Ephemeral(strings.Join(lines, "\n"))
	resp.Components = shareButtonRows(buttons)
	return resp, nil
}

// coachSharesHere returns the live shares to the caller granted in this
// server, after checking they still hold a coach role here: a coach who
// lost it sees nothing, and the shares to them end.
func (c *coaching) coachSharesHere(ctx context.Context, req *bot.Request) ([]spotter.CoachShare, error) {
	ok, err := c.isCoach(ctx, req.GuildID, req.Member.Roles)
	if err != nil {
		return nil, err
	}
	if !ok {
		if _, err := c.store.EndSharesInGuild(ctx, req.GuildID, req.UserID(), true, spotter.ShareCoachLostRole, spotter.NoticeShareEnded); err != nil {
			return nil, err
		}
		return nil, bot.Userf("Only members with one of this server's coach roles can see members' check-ins.")
	}
	all, err := c.store.CoachShares(ctx, req.UserID())
	if err != nil {
		return nil, err
	}
	var here []spotter.CoachShare
	for _, sh := range all {
		if sh.GuildID == req.GuildID {
			here = append(here, sh)
		}
	}
	return here, nil
}

// openAthlete shows the coach one athlete's summary and chart, privately.
func (c *coaching) openAthlete(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	sh, err := c.shareFromButton(ctx, req)
	if err != nil {
		return nil, err
	}
	if sh.CoachID != req.UserID() {
		return nil, bot.Userf("This list belongs to someone else. Run %s to see who shares with you.", c.mentionOf(coachName+" athletes"))
	}
	if sh.Status != spotter.ShareActive {
		return nil, bot.Userf("This member no longer shares their check-ins with you.")
	}
	if !req.InGuild() || req.Member == nil || req.GuildID != sh.GuildID {
		return nil, bot.Userf("Open this from %s in the server where the member shared it.", c.mentionOf(coachName+" athletes"))
	}
	if _, err := c.coachSharesHere(ctx, req); err != nil {
		return nil, err
	}
	msg, err := c.coachMessage(ctx, sh.MemberID, sh.IncludeNotes, "")
	if err != nil {
		return nil, err
	}
	if err := c.store.RecordShareSend(ctx, sh.ID, 0, spotter.ShareSendViewed, c.now()); err != nil {
		return nil, err
	}
	return &bot.Response{Kind: bot.KindMessage, Ephemeral: true, Content: msg.Content, Embeds: msg.Embeds, Files: msg.Files}, nil
}

// shareFromButton reads the share a button names.
func (c *coaching) shareFromButton(ctx context.Context, req *bot.Request) (spotter.CoachShare, error) {
	args := req.CustomIDArgs()
	if len(args) != 1 {
		return spotter.CoachShare{}, bot.Userf("That button is out of date.")
	}
	id, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil || id <= 0 {
		return spotter.CoachShare{}, bot.Userf("That button is out of date.")
	}
	sh, ok, err := c.store.Share(ctx, id)
	if err != nil {
		return spotter.CoachShare{}, err
	}
	if !ok {
		return spotter.CoachShare{}, bot.Userf("That share no longer exists.")
	}
	return sh, nil
}

// shareButtonRows lays buttons out five to a row, as Discord allows.
func shareButtonRows(buttons []discordgo.MessageComponent) []discordgo.MessageComponent {
	var rows []discordgo.MessageComponent
	for start := 0; start < len(buttons); start += 5 {
		rows = append(rows, discordgo.ActionsRow{Components: buttons[start:min(start+5, len(buttons))]})
	}
	return rows
}

// memberPort is the REST call a member lookup needs; bot.Discord and
// *schedule.Sender have it.
type memberPort interface {
	RequestWithBucketID(method, urlStr string, data any, bucketID string, options ...discordgo.RequestOption) ([]byte, error)
}

var (
	_ memberPort = bot.Discord(nil)
	_ memberPort = (*schedule.Sender)(nil)
)

// Discord's codes for a member or server the bot cannot see.
const (
	codeUnknownGuild  = 10004
	codeUnknownMember = 10007
)

// memberRoles asks Discord for a member's roles in a server; in is false
// when they are not in it. GET /guilds/{g}/members/{u} needs no privileged
// intent.
func memberRoles(ctx context.Context, port memberPort, guildID, userID string) (roles []string, in bool, err error) {
	body, err := port.RequestWithBucketID(http.MethodGet, discordgo.EndpointGuildMember(guildID, userID), nil,
		discordgo.EndpointGuildMember(guildID, ""), discordgo.WithContext(ctx))
	if bot.ErrorCode(err) == codeUnknownMember {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("look up server member: %w", err)
	}
	var m struct {
		Roles []string `json:"roles"`
	}
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, false, fmt.Errorf("read server member: %w", err)
	}
	return m.Roles, true, nil
}
