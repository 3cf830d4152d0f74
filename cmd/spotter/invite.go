package main

import (
	"net/url"
	"strconv"

	"github.com/spotter-bot/spotter/bot"
)

// inviteURL is the link that adds the bot to a server with the scopes and
// channel permissions it needs: bot and applications.commands, and
// bot.RequiredPermissions (View Channel, Send Messages, Embed Links, Attach
// Files, Read Message History, Pin Messages).
func inviteURL(applicationID string) string {
	q := url.Values{}
	q.Set("client_id", applicationID)
	q.Set("scope", "bot applications.commands")
	q.Set("permissions", strconv.FormatInt(bot.RequiredPermissions, 10))
	return "https://discord.com/oauth2/authorize?" + q.Encode()
}
