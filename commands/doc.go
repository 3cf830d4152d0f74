// Package commands is what members and moderators can do with Spotter: one
// file per command, with its definition, handler, buttons and autocomplete
// side by side. Register adds them all to a bot.Router.
package commands
