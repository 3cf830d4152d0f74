// Package playground is Spotter's local playground: a page in the browser
// that looks and behaves enough like Discord to see what members see,
// without a Discord account, token or network.
//
// It runs the Discord stand-in (bot/discordtest) outside of tests, with a
// server, its channels, a member, a moderator and a coach to switch between,
// and serves a small HTTP API over it plus a page of plain HTML, CSS and
// JavaScript embedded in the binary. The real bot connects to the stand-in
// as it would to Discord; `spotter playground` wires the two together and
// gives the bot the playground's clock, which the page can jump forward so
// scheduled messages (check-in DMs, the tip of the week) arrive now.
//
// The page and the API listen on a loopback address only (see Listen).
package playground
