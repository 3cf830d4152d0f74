package bot

import (
	"context"
	"slices"

	"github.com/bwmarrin/discordgo"
)

// PermissionPinMessages is PIN_MESSAGES (1 << 51), split from MANAGE_MESSAGES
// in 2025 and required for pinning since 2026-02-23; discordgo v0.29.0 has no
// constant for it.
const PermissionPinMessages int64 = 1 << 51

// moderatorPermissions are the permissions that make a member a moderator
// for Spotter's purposes: any one of them is enough.
const moderatorPermissions = discordgo.PermissionAdministrator | discordgo.PermissionManageMessages | PermissionPinMessages

// IsModerator reports whether the member who caused req is a moderator:
// their computed channel permissions (from the interaction, so Discord has
// already applied role and channel overwrites) include Administrator, Manage
// Messages or Pin Messages, or they hold one of the extra moderator roles the
// server's admins named. DMs have no moderators.
func IsModerator(req *Request, moderatorRoles []string) bool {
	if req.Member == nil {
		return false
	}
	return IsModeratorWith(req, req.Member.Permissions, moderatorRoles)
}

// IsModeratorWith reports whether the member who caused req is a moderator
// in a channel where Discord computed their permissions as channelPerms
// (the `permissions` of a resolved channel option): Spotter acts in that
// channel, so the rights must hold there, not where the command was run.
func IsModeratorWith(req *Request, channelPerms int64, moderatorRoles []string) bool {
	if req.Member == nil {
		return false
	}
	return channelPerms&moderatorPermissions != 0 || hasModeratorRole(req, moderatorRoles)
}

// serverPermissions hold in every channel of a server: channel overwrites
// cannot grant them.
const serverPermissions = discordgo.PermissionAdministrator | discordgo.PermissionManageGuild

// IsServerModerator reports whether the member who caused req is a
// moderator in every channel of the server, for actions that are not about
// one channel (the server's schedule) or happen in another channel than the
// command's: Administrator or Manage Server, or a moderator role the
// server's admins named. Pin Messages or Manage Messages in the command's
// channel are not enough: they may be granted there only.
func IsServerModerator(req *Request, moderatorRoles []string) bool {
	if req.Member == nil {
		return false
	}
	return req.Member.Permissions&serverPermissions != 0 || hasModeratorRole(req, moderatorRoles)
}

func hasModeratorRole(req *Request, moderatorRoles []string) bool {
	for _, role := range req.Member.Roles {
		if slices.Contains(moderatorRoles, role) {
			return true
		}
	}
	return false
}

// ModeratorRoles looks up the extra moderator roles configured for a server.
type ModeratorRoles func(ctx context.Context, guildID string) ([]string, error)

// RequireModerator refuses the handler to anyone who is not a moderator,
// with an ephemeral explanation. Use it on commands and on every component a
// moderator-only message carries: Discord does not filter clicks.
func RequireModerator(roles ModeratorRoles) Middleware {
	return func(next Handler) Handler {
		return func(ctx context.Context, req *Request) (*Response, error) {
			if !req.InGuild() {
				return nil, Userf("This is a moderator command; use it in a server channel.")
			}
			var extra []string
			if roles != nil {
				var err error
				if extra, err = roles(ctx, req.GuildID); err != nil {
					return nil, err
				}
			}
			if !IsModerator(req, extra) {
				return nil, Userf("Only moderators can do that: it needs the Pin Messages or Manage Messages permission, or a moderator role set by the server's admins.")
			}
			return next(ctx, req)
		}
	}
}

// Permission names as Discord's server settings show them, for telling an
// admin exactly what to grant.
var permissionNames = []struct {
	bit  int64
	name string
}{
	{discordgo.PermissionViewChannel, "View Channel"},
	{discordgo.PermissionSendMessages, "Send Messages"},
	{discordgo.PermissionEmbedLinks, "Embed Links"},
	{discordgo.PermissionAttachFiles, "Attach Files"},
	{discordgo.PermissionReadMessageHistory, "Read Message History"},
	{PermissionPinMessages, "Pin Messages"},
}

// MissingAppPermissions returns the names of the permissions in need that the
// bot lacks in the interaction's channel (from app_permissions). Outside a
// server it returns nil.
func MissingAppPermissions(req *Request, need int64) []string {
	if !req.InGuild() {
		return nil
	}
	have := req.AppPermissions
	if have&discordgo.PermissionAdministrator != 0 {
		return nil
	}
	var missing []string
	for _, p := range permissionNames {
		if need&p.bit != 0 && have&p.bit == 0 {
			missing = append(missing, p.name)
		}
	}
	return missing
}

// RequiredPermissions is every channel permission Spotter needs, as the
// integer in its invite URL: View Channel, Send Messages, Embed Links, Attach
// Files, Read Message History and Pin Messages.
const RequiredPermissions = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages |
	discordgo.PermissionEmbedLinks | discordgo.PermissionAttachFiles |
	discordgo.PermissionReadMessageHistory | PermissionPinMessages
