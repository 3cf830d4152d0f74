package commands

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/schedule"
)

// sharedCannotRecall is said whenever a share ends.
const sharedCannotRecall = "Nothing more goes to them from now on. What they were already sent can't be recalled."

// share answers /checkin share with a preview of exactly what the coach
// will get and buttons to confirm or cancel: nothing is shared yet.
func (c *coaching) share(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	coachID, notes, weekly, err := c.shareRequest(ctx, req)
	if err != nil {
		return nil, err
	}
	zone, whose, err := c.weeklyZone(ctx, coachID, req.UserID())
	if err != nil {
		return nil, err
	}
	heading := firstHeading(req.UserID(), weekly, zone, whose)
	msg, err := c.coachMessage(ctx, req.UserID(), notes, heading)
	if err != nil {
		return nil, err
	}
	scope := "without your notes"
	if notes {
		scope = "with your latest notes (a note about an emergency or urgent warning signs is never shared)"
	}
	when := "once, now"
	if weekly {
		when = fmt.Sprintf("now, then an updated summary every week, %s %s (%s)", coachWeeklyWords, zone, whose)
	}
	flags := boolDigit(notes) + boolDigit(weekly)
	resp := &bot.Response{Kind: bot.KindMessage, Ephemeral: true, Embeds: msg.Embeds, Files: msg.Files,
		Content: fmt.Sprintf("**Nothing is shared yet.** Below is exactly what <@%s> will get by DM, %s: your summary and chart, %s. "+
			"They never see red-flag answers or results. You can end it any time with %s.\n\n> %s",
			coachID, when, scope, c.mentionOf(checkinName+" sharing"), heading),
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Share with them", Style: discordgo.PrimaryButton, CustomID: strings.Join([]string{shareConfirmID, req.UserID(), coachID, flags}, ":")},
			discordgo.Button{Label: "Cancel", Style: discordgo.SecondaryButton, CustomID: shareCancelID + ":" + req.UserID()},
		}}},
	}
	return resp, nil
}

// shareRequest checks a /checkin share: in a server, a member who holds a
// coach role there, someone else than the member, and check-ins to share.
func (c *coaching) shareRequest(ctx context.Context, req *bot.Request) (coachID string, notes, weekly bool, err error) {
	if !req.InGuild() || req.Member == nil {
		return "", false, false, bot.Userf("Share from the server where your coach is: coaches are named by each server's admins.")
	}
	if c.sched == nil {
		return "", false, false, bot.Userf("Sharing isn't available on this bot: it runs without scheduled messages.")
	}
	coachID, ok := req.UserOptionID(shareOptCoach)
	if !ok || !spotter.IsSnowflake(coachID) {
		return "", false, false, bot.Userf("Pick your coach from Discord's list.")
	}
	if coachID == req.UserID() {
		return "", false, false, bot.Userf("You can't share with yourself: %s already shows you everything.", c.mentionOf(checkinName+" history"))
	}
	notes, _ = req.BoolOption(shareOptNotes)
	weekly, given := req.BoolOption(shareOptWeekly)
	if !given {
		weekly = true
	}
	res := req.ApplicationCommandData().Resolved
	var member *discordgo.Member
	if res != nil {
		member = res.Members[coachID]
		if u := res.Users[coachID]; u != nil && u.Bot {
			return "", false, false, bot.Userf("<@%s> is a bot, not a coach. Nothing was shared.", coachID)
		}
	}
	if member == nil {
		return "", false, false, bot.Userf("<@%s> isn't a member of this server, so they can't be your coach here. Nothing was shared.", coachID)
	}
	coach, err := c.isCoach(ctx, req.GuildID, member.Roles)
	if err != nil {
		return "", false, false, err
	}
	if !coach {
		return "", false, false, bot.Userf("<@%s> isn't a coach here: only members with one of this server's coach roles can be sent your check-ins (admins choose them with %s). Nothing was shared.",
			coachID, c.mentionOf(coachName+" roles"))
	}
	if _, ok, err := c.store.CheckinPlan(ctx, req.UserID()); err != nil {
		return "", false, false, err
	} else if !ok {
		return "", false, false, bot.Userf("There is nothing to share yet: start check-ins with %s first.", c.mentionOf(checkinName+" start"))
	}
	return coachID, notes, weekly, nil
}

// weeklyZone is the time zone weekly updates are timed in, and whose it
// is: the coach's check-in zone if they have one, else the member's, else
// UTC.
func (c *coaching) weeklyZone(ctx context.Context, coachID, memberID string) (zone, whose string, err error) {
	if p, ok, err := c.store.CheckinPlan(ctx, coachID); err != nil {
		return "", "", err
	} else if ok && p.Zone != "" {
		return p.Zone, spotter.ZoneFromCoach, nil
	}
	if p, ok, err := c.store.CheckinPlan(ctx, memberID); err != nil {
		return "", "", err
	} else if ok && p.Zone != "" {
		return p.Zone, spotter.ZoneFromMember, nil
	}
	return "UTC", spotter.ZoneFromDefault, nil
}

// zoneWords says whose time zone weekly updates use.
func zoneWords(whose string) string {
	switch whose {
	case spotter.ZoneFromCoach:
		return "your coach's time zone"
	case spotter.ZoneFromMember:
		return "your time zone, as your coach's is not known"
	}
	return "UTC, as neither time zone is known"
}

// firstHeading is the first line of the first summary a coach gets.
func firstHeading(memberID string, weekly bool, zone, whose string) string {
	h := fmt.Sprintf("**<@%s> shares their check-ins with you** through Spotter. They chose to, and can stop at any time.", memberID)
	if weekly {
		h += fmt.Sprintf(" An updated summary follows every week, %s %s.", coachWeeklyWords, zone)
		if whose == spotter.ZoneFromCoach {
			h += " (your check-in time zone)"
		}
	}
	return h
}

func boolDigit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// confirmShare sends the coach the summary and records the share, after
// checking again that the clicker is the member and the coach still holds
// a coach role here.
func (c *coaching) confirmShare(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	args := req.CustomIDArgs()
	if len(args) != 3 || !spotter.IsSnowflake(args[0]) || !spotter.IsSnowflake(args[1]) || len(args[2]) != 2 || strings.Trim(args[2], "01") != "" {
		return nil, bot.Userf("That button is out of date. Run %s again.", c.mentionOf(checkinName+" share"))
	}
	memberID, coachID := args[0], args[1]
	notes, weekly := args[2][0] == '1', args[2][1] == '1'
	if memberID != req.UserID() {
		return nil, bot.Userf("These buttons belong to someone else: only they can share their check-ins.")
	}
	if !req.InGuild() || c.sched == nil {
		return nil, bot.Userf("Share from the server where your coach is.")
	}
	if req.Discord != nil {
		sh := spotter.CoachShare{GuildID: req.GuildID, MemberID: memberID, CoachID: coachID}
		reason, err := c.stillAllowed(ctx, req.Discord, sh)
		if err != nil {
			return nil, err
		}
		if reason != "" {
			return shareDone(fmt.Sprintf("<@%s> isn't a coach here any more, so nothing was shared.", coachID)), nil
		}
	}
	zone, whose, err := c.weeklyZone(ctx, coachID, memberID)
	if err != nil {
		return nil, err
	}
	msg, err := c.coachMessage(ctx, memberID, notes, firstHeading(memberID, weekly, zone, whose))
	if err != nil {
		return nil, err
	}
	_, err = c.sched.Sender().SendDM(ctx, coachID, msg, "")
	switch {
	case bot.ErrorCode(err) == bot.CodeCannotDMUser:
		return shareDone(fmt.Sprintf("<@%s> doesn't accept direct messages from me, so nothing was shared. Ask them to allow DMs from this server's members "+
			"(server name, then Privacy Settings), then share again.", coachID)), nil
	case bot.IsTransient(err):
		req.Log.Warn("could not send a coach their summary", "err", err)
		return shareDone("Discord didn't take the message just now, so nothing was shared. Please try again in a minute."), nil
	case err != nil:
		return nil, fmt.Errorf("send coach summary: %w", err)
	}
	var job *spotter.NewJob
	if weekly {
		j, err := c.weeklyJob(memberID, coachID, zone)
		if err != nil {
			return nil, err
		}
		job = &j
	}
	sh, err := c.store.StartShare(ctx, spotter.CoachShare{GuildID: req.GuildID, MemberID: memberID, CoachID: coachID,
		IncludeNotes: notes, Weekly: weekly, Zone: zone, ZoneSource: whose}, job)
	if err != nil {
		return nil, err
	}
	if err := c.store.RecordShareSend(ctx, sh.ID, 0, spotter.ShareSendFirst, c.now()); err != nil {
		return nil, err
	}
	text := fmt.Sprintf("Shared: <@%s> got your summary by DM.", coachID)
	if weekly {
		text += fmt.Sprintf(" They'll get an updated one every week, %s %s (%s); next: %s.", coachWeeklyWords, zone, zoneWords(whose), localDay(sh.NextDue, zone))
	}
	text += fmt.Sprintf(" End it any time with %s or %s: that stops future updates at once, but nothing already sent can be recalled.",
		c.mentionOf(checkinName+" sharing"), c.mentionOf(checkinName+" unshare"))
	return shareDone(text), nil
}

// shareDone replaces the preview's text and buttons; the preview itself
// stays, as the record of what was (or would have been) sent.
func shareDone(text string) *bot.Response {
	return &bot.Response{Kind: bot.KindUpdate, Content: text, Components: []discordgo.MessageComponent{}}
}

// weeklyJob is a share's weekly series, timed in zone.
func (c *coaching) weeklyJob(memberID, coachID, zone string) (spotter.NewJob, error) {
	rec, err := schedule.Parse(coachWeeklySpec, zone)
	if err != nil {
		return spotter.NewJob{}, err
	}
	payload, err := jsonPayload(updatePayload{Member: memberID, Coach: coachID})
	if err != nil {
		return spotter.NewJob{}, err
	}
	return spotter.NewJob{Kind: coachUpdateJob, Key: spotter.CoachShareKey(memberID, coachID), UserID: memberID, RecipientID: coachID, Payload: payload,
		DueAt: rec.Next(c.now()), Spec: rec.Spec(), Zone: rec.Zone()}, nil
}

func (c *coaching) cancelShare(_ context.Context, req *bot.Request) (*bot.Response, error) {
	if args := req.CustomIDArgs(); len(args) != 1 || args[0] != req.UserID() {
		return nil, bot.Userf("These buttons belong to someone else.")
	}
	return shareDone("Cancelled: nothing was shared."), nil
}

// sharing lists whom the member shares with, each live share with an End
// button, and the latest ended ones.
func (c *coaching) sharing(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	shares, err := c.store.MemberShares(ctx, req.UserID(), 40)
	if err != nil {
		return nil, err
	}
	var live, past []string
	var buttons []discordgo.MessageComponent
	for _, sh := range shares {
		if sh.Status == spotter.ShareEnded {
			if len(past) < 5 {
				past = append(past, fmt.Sprintf("• %s: ended %s (%s)", coachName2(sh), localDay(sh.EndedAt, sh.Zone), endedWords(sh.Reason)))
			}
			continue
		}
		if len(buttons) == maxShareButtons {
			continue
		}
		n := len(buttons) + 1
		line := fmt.Sprintf("%d. <@%s>: %s, %s", n, sh.CoachID, map[bool]string{true: "weekly", false: "once"}[sh.Weekly],
			map[bool]string{true: "with notes", false: "without notes"}[sh.IncludeNotes])
		switch {
		case sh.Status == spotter.SharePaused:
			line += "; **paused**: I couldn't DM them (they need to allow DMs from this server's members; then share again)"
		case !sh.NextDue.IsZero():
			line += "; next update " + localDay(sh.NextDue, sh.Zone) + " " + sh.Zone
		}
		if sh.Sends > 0 {
			line += fmt.Sprintf("; sent %d time(s), last %s", sh.Sends, localDay(sh.LastSent, sh.Zone))
		}
		live = append(live, line)
		buttons = append(buttons, discordgo.Button{Label: fmt.Sprintf("End %d", n), Style: discordgo.DangerButton,
			CustomID: shareEndID + ":" + strconv.FormatInt(sh.ID, 10)})
	}
	if len(live) == 0 && len(past) == 0 {
		return bot.Ephemeral(fmt.Sprintf("You don't share your check-ins with anyone. %s lets a coach see your summary, after you've seen exactly what they'd get.",
			c.mentionOf(checkinName+" share"))), nil
	}
	var text []string
	if len(live) > 0 {
		text = append(text, "**You share your check-ins with:**")
		text = append(text, live...)
		text = append(text, "Ending a share stops future updates at once; what was already sent can't be recalled.")
	} else {
		text = append(text, "You don't share your check-ins with anyone right now.")
	}
	if len(past) > 0 {
		text = append(text, "", "**Ended:**")
		text = append(text, past...)
	}
	resp := bot.Ephemeral(strings.Join(text, "\n"))
	resp.Components = shareButtonRows(buttons)
	return resp, nil
}

// coachName2 names a share's coach, who may have deleted their data.
func coachName2(sh spotter.CoachShare) string {
	if sh.CoachID == "" {
		return "a coach who has since deleted their data"
	}
	return "<@" + sh.CoachID + ">"
}

// endedWords says why a share ended.
func endedWords(reason string) string {
	switch reason {
	case spotter.ShareByMember:
		return "you ended it"
	case spotter.ShareCoachLostRole:
		return "they no longer hold a coach role"
	case spotter.ShareCoachLeft:
		return "they left the server"
	case spotter.ShareMemberLeft:
		return "you left the server"
	case spotter.ShareServerGone:
		return "Spotter left the server"
	case spotter.ShareCoachDeleted:
		return "they deleted their Spotter data"
	}
	return "ended"
}

// endFromList ends the share whose End button was clicked.
func (c *coaching) endFromList(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	sh, err := c.shareFromButton(ctx, req)
	if err != nil {
		return nil, err
	}
	if sh.MemberID != req.UserID() {
		return nil, bot.Userf("This share belongs to someone else: only they can end it.")
	}
	if _, err := c.store.EndShare(ctx, sh.ID, spotter.ShareByMember, ""); err != nil {
		return nil, err
	}
	return shareDone(fmt.Sprintf("Ended your share with %s. %s", coachName2(sh), sharedCannotRecall)), nil
}

// unshare answers /checkin unshare.
func (c *coaching) unshare(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	coachID, ok := req.UserOptionID(shareOptCoach)
	if !ok || !spotter.IsSnowflake(coachID) {
		return nil, bot.Userf("Pick the coach from Discord's list.")
	}
	sh, ok, err := c.store.LiveShare(ctx, req.UserID(), coachID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return bot.Ephemeral(fmt.Sprintf("You don't share your check-ins with <@%s>. %s lists whom you do.", coachID, c.mentionOf(checkinName+" sharing"))), nil
	}
	if _, err := c.store.EndShare(ctx, sh.ID, spotter.ShareByMember, ""); err != nil {
		return nil, err
	}
	return bot.Ephemeral(fmt.Sprintf("Ended your share with <@%s>. %s", coachID, sharedCannotRecall)), nil
}

// shareHoldings are the /privacy show lines about shares, both sides.
func shareHoldings(d spotter.MemberExport) []string {
	var lines []string
	live, ended := 0, 0
	for _, sh := range d.CoachShares {
		if sh.Status == string(spotter.ShareEnded) {
			ended++
		} else {
			live++
		}
	}
	if live+ended > 0 {
		lines = append(lines, fmt.Sprintf("Sharing with %d coach(es) now, %d ended share(s) in your history (`/checkin sharing`)", live, ended))
	}
	asCoach := 0
	for _, sh := range d.SharesWithYou {
		if sh.Status != string(spotter.ShareEnded) {
			asCoach++
		}
	}
	if asCoach > 0 {
		lines = append(lines, fmt.Sprintf("%d member(s) share their check-ins with you as a coach (`/coach athletes`)", asCoach))
	}
	return lines
}
