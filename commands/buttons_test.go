package commands

import (
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot/discordtest"
)

// buttonRows lists a message's buttons row by row; the stand-in decodes
// components into *discordgo.ActionsRow and *discordgo.Button, and a row
// without buttons is an empty row.
func buttonRows(m *discordtest.Message) [][]discordgo.Button {
	var rows [][]discordgo.Button
	for _, c := range m.Components {
		row, ok := c.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		var buttons []discordgo.Button
		for _, b := range row.Components {
			if btn, ok := b.(*discordgo.Button); ok {
				buttons = append(buttons, *btn)
			}
		}
		rows = append(rows, buttons)
	}
	return rows
}

// allButtons lists a message's buttons in reading order.
func allButtons(m *discordtest.Message) []discordgo.Button {
	var out []discordgo.Button
	for _, row := range buttonRows(m) {
		out = append(out, row...)
	}
	return out
}

// buttonField lists one field of a message's buttons, row by row.
func buttonField(m *discordtest.Message, field func(discordgo.Button) string) [][]string {
	var rows [][]string
	for _, row := range buttonRows(m) {
		var values []string
		for _, b := range row {
			values = append(values, field(b))
		}
		rows = append(rows, values)
	}
	return rows
}

// buttonIDs lists the custom_ids of a message's buttons, row by row.
func buttonIDs(m *discordtest.Message) [][]string {
	return buttonField(m, func(b discordgo.Button) string { return b.CustomID })
}

// buttonLabels lists the labels of a message's buttons, row by row.
func buttonLabels(m *discordtest.Message) [][]string {
	return buttonField(m, func(b discordgo.Button) string { return b.Label })
}

// buttonWhere returns the custom_id of the first button whose custom_id
// matches, failing the test (which names the button as what) when there is
// none.
func buttonWhere(t *testing.T, m *discordtest.Message, what string, match func(customID string) bool) string {
	t.Helper()
	for _, b := range allButtons(m) {
		if match(b.CustomID) {
			return b.CustomID
		}
	}
	t.Fatalf("message has no %s: %v", what, buttonIDs(m))
	return ""
}
