package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/bwmarrin/discordgo"
)

// MemberEvent is a server member leaving or changing roles, as Discord
// reports it when the bot holds the Server Members intent.
type MemberEvent struct {
	GuildID, UserID string
	// Roles are the member's role ids after the change; empty when they left.
	Roles []string
	// Left is set when the member left, or was removed from, the server.
	Left bool
}

// MemberHandler reacts to a member event.
type MemberHandler func(ctx context.Context, ev MemberEvent) error

// memberEventTimeout bounds the handlers of one member event.
const memberEventTimeout = 30 * time.Second

// OnMember registers h for every member event. Without the intent
// (Options.MembersIntent) none arrive, so a handler must never be the only
// way its feature stays correct.
func (r *Router) OnMember(h MemberHandler) { r.memberHandlers = append(r.memberHandlers, h) }

// memberEvent reads a GUILD_MEMBER_REMOVE or GUILD_MEMBER_UPDATE and runs
// the member handlers; ok is false for any other event.
func memberEvent(e *discordgo.Event) (ev MemberEvent, ok bool, err error) {
	var m struct {
		GuildID string          `json:"guild_id"`
		User    *discordgo.User `json:"user"`
		Roles   []string        `json:"roles"`
	}
	switch e.Type {
	case "GUILD_MEMBER_REMOVE", "GUILD_MEMBER_UPDATE":
	default:
		return MemberEvent{}, false, nil
	}
	if err := json.Unmarshal(e.RawData, &m); err != nil || m.User == nil {
		return MemberEvent{}, true, fmt.Errorf("read %s: %w", e.Type, err)
	}
	return MemberEvent{GuildID: m.GuildID, UserID: m.User.ID, Roles: m.Roles, Left: e.Type == "GUILD_MEMBER_REMOVE"}, true, nil
}

// runMemberHandlers runs every member handler for ev, logging failures.
func (r *Router) runMemberHandlers(log *slog.Logger, ev MemberEvent) {
	if len(r.memberHandlers) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), memberEventTimeout)
	defer cancel()
	for _, h := range r.memberHandlers {
		if err := h(ctx, ev); err != nil {
			log.Warn("a member event could not be handled", "guild", ev.GuildID, "err", err)
		}
	}
}
