package commands

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot"
)

// adminPermissions make a member a server admin for choosing moderator roles.
const adminPermissions = discordgo.PermissionAdministrator | discordgo.PermissionManageGuild

// moderators lets a server's admins add, remove and list the roles whose
// members count as moderators for form tips.
func (f *formTip) moderators(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	if !req.InGuild() || req.Member == nil {
		return nil, bot.Userf("Moderator roles belong to a server: use this in one of its channels.")
	}
	if req.Member.Permissions&adminPermissions == 0 {
		return nil, bot.Userf("Only server admins (Administrator or Manage Server) can choose moderator roles.")
	}
	action, _ := req.StringOption(formTipOptAction)
	role := ""
	if o, ok := req.Options()[formTipOptRole]; ok && o.Type == discordgo.ApplicationCommandOptionRole {
		role, _ = o.Value.(string)
	}
	if action == "list" {
		return f.listModeratorRoles(ctx, req.GuildID)
	}
	if role == "" {
		return nil, bot.Userf("Pick the role to %s in the `role` option.", action)
	}
	switch action {
	case "add":
		if role == req.GuildID {
			return nil, bot.Userf("@everyone can't be a moderator role: every member would be able to post and pin.")
		}
		added, err := f.store.AddModeratorRole(ctx, req.GuildID, role, req.UserID())
		if err != nil {
			return nil, fmt.Errorf("form-tip moderators: %w", err)
		}
		if !added {
			return bot.Ephemeral(fmt.Sprintf("<@&%s> is already a moderator role.", role)), nil
		}
		return bot.Ephemeral(fmt.Sprintf("Members with <@&%s> can now post and pin form cards, save and remove tips, and schedule the tip of the week.", role)), nil
	case "remove":
		removed, err := f.store.RemoveModeratorRole(ctx, req.GuildID, role)
		if err != nil {
			return nil, fmt.Errorf("form-tip moderators: %w", err)
		}
		if !removed {
			return bot.Ephemeral(fmt.Sprintf("<@&%s> was not a moderator role.", role)), nil
		}
		return bot.Ephemeral(fmt.Sprintf("<@&%s> is no longer a moderator role. Members with Pin Messages or Manage Messages are still moderators.", role)), nil
	}
	return nil, bot.Userf("Choose add, remove or list.")
}

func (f *formTip) listModeratorRoles(ctx context.Context, guildID string) (*bot.Response, error) {
	roles, err := f.store.ModeratorRoles(ctx, guildID)
	if err != nil {
		return nil, fmt.Errorf("form-tip moderators: %w", err)
	}
	const always = "Members with Pin Messages, Manage Messages or Administrator are always moderators."
	if len(roles) == 0 {
		return bot.Ephemeral("No extra moderator roles. " + always), nil
	}
	mentions := make([]string, len(roles))
	for i, r := range roles {
		mentions[i] = "<@&" + r + ">"
	}
	return bot.Ephemeral(fmt.Sprintf("Moderator roles: %s. %s", strings.Join(mentions, ", "), always)), nil
}
