// Package bot runs Spotter on Discord: it owns the discordgo session, routes
// every interaction to the handler registered for it, applies the
// cross-cutting middleware (panic recovery, logging, automatic defer before
// Discord's 3-second deadline, moderator checks), sends the handler's
// response, registers command definitions at start-up and shuts down
// gracefully.
//
// Interactions arrive over the gateway (the default) or, in ModeHTTP, as
// Discord's signed POSTs to InteractionsHandler; both share one dispatcher
// and differ only in how the first response is sent (see transport_ack.go).
//
// Handlers are plain functions from a Request to a Response and an error, so
// they can be tested without Discord; the bot never imports the commands
// package: main hands it a Router that the commands filled in.
package bot
