package bot

import (
	"context"
	"log/slog"
	"math"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Request is one interaction as a handler sees it.
type Request struct {
	*discordgo.Interaction
	// Received is when the gateway delivered the interaction; Discord's
	// 3-second deadline counts from about then.
	Received time.Time
	// Log carries the interaction id, command and user.
	Log *slog.Logger
	// Route is the key the router matched: the command path ("checkin
	// start"), the custom_id prefix, or "command/option" for autocomplete.
	Route string
	// Discord is the REST port, for handlers that must call Discord before
	// answering, such as opening a DM; nil in handler tests without one.
	Discord Discord

	// channelPerms are the member's permissions in each resolved channel
	// option, which discordgo does not decode.
	channelPerms map[string]int64

	preferPublic atomic.Bool
	deferrer     func(ctx context.Context, ephemeral bool) error

	undeliveredMu sync.Mutex
	undelivered   []func(ctx context.Context)
}

// UserID returns the id of the member or user who caused the interaction.
func (r *Request) UserID() string {
	if u := r.User(); u != nil {
		return u.ID
	}
	return ""
}

// User returns who caused the interaction, in a guild or a DM.
func (r *Request) User() *discordgo.User {
	if r.Member != nil && r.Member.User != nil {
		return r.Member.User
	}
	return r.Interaction.User
}

// InGuild reports whether the interaction came from a server channel.
func (r *Request) InGuild() bool { return r.GuildID != "" }

// PreferPublic tells the automatic defer that the answer will be public, so
// a slow handler's placeholder is not ephemeral. Call it before slow work.
func (r *Request) PreferPublic() { r.preferPublic.Store(true) }

// Defer acknowledges the interaction now (a "thinking..." state) so a slow
// handler cannot miss Discord's deadline. The automatic defer calls it for
// handlers that do not; calling it twice is harmless.
func (r *Request) Defer(ctx context.Context) error {
	if r.deferrer == nil {
		return nil
	}
	return r.deferrer(ctx, !r.preferPublic.Load())
}

// OnUndelivered registers fn to run if the answer never reaches Discord
// (the interaction expired, or Discord refused the reply), so a handler or
// middleware can undo what assumed the member saw it. fn gets a context of
// its own: the handler's may be over by then.
func (r *Request) OnUndelivered(fn func(ctx context.Context)) {
	r.undeliveredMu.Lock()
	defer r.undeliveredMu.Unlock()
	r.undelivered = append(r.undelivered, fn)
}

// runUndelivered runs the OnUndelivered hooks, newest first.
func (r *Request) runUndelivered(ctx context.Context) {
	r.undeliveredMu.Lock()
	hooks := r.undelivered
	r.undelivered = nil
	r.undeliveredMu.Unlock()
	for i := len(hooks) - 1; i >= 0; i-- {
		hooks[i](ctx)
	}
}

// CommandPath returns the invoked command and subcommand names joined by
// spaces, e.g. "checkin start", or "" when this is not a command.
func (r *Request) CommandPath() string {
	if r.Type != discordgo.InteractionApplicationCommand && r.Type != discordgo.InteractionApplicationCommandAutocomplete {
		return ""
	}
	data := r.ApplicationCommandData()
	parts := []string{data.Name}
	opts := data.Options
	for len(opts) == 1 && (opts[0].Type == discordgo.ApplicationCommandOptionSubCommand || opts[0].Type == discordgo.ApplicationCommandOptionSubCommandGroup) {
		parts = append(parts, opts[0].Name)
		opts = opts[0].Options
	}
	return strings.Join(parts, " ")
}

// Options returns the options given to the invoked (sub)command, by name.
func (r *Request) Options() map[string]*discordgo.ApplicationCommandInteractionDataOption {
	out := map[string]*discordgo.ApplicationCommandInteractionDataOption{}
	if r.Type != discordgo.InteractionApplicationCommand && r.Type != discordgo.InteractionApplicationCommandAutocomplete {
		return out
	}
	opts := r.ApplicationCommandData().Options
	for len(opts) == 1 && (opts[0].Type == discordgo.ApplicationCommandOptionSubCommand || opts[0].Type == discordgo.ApplicationCommandOptionSubCommandGroup) {
		opts = opts[0].Options
	}
	for _, o := range opts {
		out[o.Name] = o
	}
	return out
}

// StringOption returns a string option's value and whether it was given.
func (r *Request) StringOption(name string) (string, bool) {
	o, ok := r.Options()[name]
	if !ok || o.Type != discordgo.ApplicationCommandOptionString {
		return "", false
	}
	s, ok := o.Value.(string)
	return s, ok
}

// IntOption returns an integer option's value and whether it was given as
// a whole number: a fraction such as 3.5 counts as not given, never as 3.
func (r *Request) IntOption(name string) (int64, bool) {
	o, ok := r.Options()[name]
	if !ok || o.Type != discordgo.ApplicationCommandOptionInteger {
		return 0, false
	}
	f, ok := o.Value.(float64)
	if !ok || f != math.Trunc(f) || math.Abs(f) > maxSafeInteger {
		return 0, false
	}
	return int64(f), true
}

// BoolOption returns a boolean option's value and whether it was given.
func (r *Request) BoolOption(name string) (bool, bool) {
	o, ok := r.Options()[name]
	if !ok || o.Type != discordgo.ApplicationCommandOptionBoolean {
		return false, false
	}
	b, ok := o.Value.(bool)
	return b, ok
}

// UserOptionID returns the id of a user option and whether it was given.
func (r *Request) UserOptionID(name string) (string, bool) {
	o, ok := r.Options()[name]
	if !ok || o.Type != discordgo.ApplicationCommandOptionUser {
		return "", false
	}
	id, ok := o.Value.(string)
	return id, ok
}

// ChannelOptionPermissions returns the member's permissions in a channel
// given as an option, as Discord computed them for that channel (its
// `permissions` in data.resolved), and whether Discord sent them.
func (r *Request) ChannelOptionPermissions(channelID string) (int64, bool) {
	p, ok := r.channelPerms[channelID]
	return p, ok
}

// WithChannelOptionPermissions sets what ChannelOptionPermissions returns,
// for handler tests that build a Request by hand.
func (r *Request) WithChannelOptionPermissions(perms map[string]int64) *Request {
	r.channelPerms = perms
	return r
}

// Focused returns the option being typed in an autocomplete interaction.
func (r *Request) Focused() (*discordgo.ApplicationCommandInteractionDataOption, bool) {
	for _, o := range r.Options() {
		if o.Focused {
			return o, true
		}
	}
	return nil, false
}

// CustomID returns the custom_id of the clicked component or submitted modal.
func (r *Request) CustomID() string {
	switch r.Type {
	case discordgo.InteractionMessageComponent:
		return r.MessageComponentData().CustomID
	case discordgo.InteractionModalSubmit:
		return r.ModalSubmitData().CustomID
	}
	return ""
}

// CustomIDArgs returns the parts of the custom_id after the matched prefix,
// split on ":"; e.g. "checkin:answer:12:7" routed on "checkin:answer" gives
// ["12", "7"].
func (r *Request) CustomIDArgs() []string {
	rest := strings.TrimPrefix(r.CustomID(), r.Route)
	rest = strings.TrimPrefix(rest, ":")
	if rest == "" {
		return nil
	}
	return strings.Split(rest, ":")
}
