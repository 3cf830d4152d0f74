package discordtest

// Permission bits used by the stand-in's defaults. PermPinMessages is not in
// discordgo v0.29.0: Discord split it from MANAGE_MESSAGES in 2025.
const (
	PermAddReactions       int64 = 1 << 6
	PermViewChannel        int64 = 1 << 10
	PermSendMessages       int64 = 1 << 11
	PermManageMessages     int64 = 1 << 13
	PermEmbedLinks         int64 = 1 << 14
	PermAttachFiles        int64 = 1 << 15
	PermReadMessageHistory int64 = 1 << 16
	PermUseAppCommands     int64 = 1 << 31
	PermPinMessages        int64 = 1 << 51
)

// DefaultMemberPermissions is what an Actor in a guild has when its
// Permissions field is 0: an ordinary member, no moderation rights.
const DefaultMemberPermissions = PermViewChannel | PermSendMessages | PermEmbedLinks |
	PermAttachFiles | PermReadMessageHistory | PermAddReactions | PermUseAppCommands

// DefaultAppPermissions is what the bot has in a channel when an Actor's
// AppPermissions field is 0.
const DefaultAppPermissions = PermViewChannel | PermSendMessages | PermEmbedLinks |
	PermAttachFiles | PermReadMessageHistory | PermPinMessages
