package bot

import (
	"strings"
	"sync"

	"github.com/bwmarrin/discordgo"
)

// commandIDs holds the ids Discord gave the commands at start-up, by name,
// so messages can mention a command as a clickable chip.
type commandIDs struct {
	mu  sync.RWMutex
	ids map[string]string
}

// Mention returns a clickable mention of a slash command or subcommand path,
// such as "</checkin stop:1234>" for "checkin stop", once the start-up sync
// has told the router the command's id. Before that, or when the id is not
// known, it returns the path as plain text: "/checkin stop".
func (r *Router) Mention(path string) string {
	name, _, _ := strings.Cut(path, " ")
	r.ids.mu.RLock()
	id := r.ids.ids[name]
	r.ids.mu.RUnlock()
	if id == "" {
		return "/" + path
	}
	return "</" + path + ":" + id + ">"
}

// rememberCommandIDs records the ids of the slash commands Discord answered
// a bulk overwrite with; nil forgets them all.
func (r *Router) rememberCommandIDs(cmds []*discordgo.ApplicationCommand) {
	ids := map[string]string{}
	for _, c := range cmds {
		if c != nil && c.ID != "" && (c.Type == 0 || c.Type == discordgo.ChatApplicationCommand) {
			ids[c.Name] = c.ID
		}
	}
	r.ids.mu.Lock()
	r.ids.ids = ids
	r.ids.mu.Unlock()
}
