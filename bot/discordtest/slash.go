package discordtest

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// Option is one option value of a slash command; build it with Opt.
type Option struct {
	name  string
	value any
}

// Opt sets the option called name. The value's Go type follows the option's
// registered type: string for STRING, any integer for INTEGER, any number
// for NUMBER, bool for BOOLEAN, a user id or an Actor for USER, a channel or
// role id for CHANNEL and ROLE, a user or role id (or Actor) for MENTIONABLE,
// and a File for ATTACHMENT. Subcommands are named in the command string.
func Opt(name string, value any) Option { return Option{name: name, value: value} }

// SlashCommand has the actor run a CHAT_INPUT command. command is "name",
// "name sub" or "name group sub"; the payload is built from the definition
// the bot registered (the actor's guild's, else the global one), so option
// types are exactly what Discord would send. An unknown command, option or
// value the Discord client would not allow fails the test.
func (s *Server) SlashCommand(a Actor, command string, opts ...Option) *Interaction {
	s.t.Helper()
	return s.chatInput(a, command, "", opts)
}

// Autocomplete has the actor type into the option called focused of a
// CHAT_INPUT command; the focused option is sent as the partial string the
// user typed (its Opt value, or "" if none) with focused:true.
func (s *Server) Autocomplete(a Actor, command string, focused string, opts ...Option) *Interaction {
	s.t.Helper()
	if focused == "" {
		s.fatalf("Autocomplete: name the focused option")
	}
	return s.chatInput(a, command, focused, opts)
}

func (s *Server) chatInput(a Actor, command, focused string, opts []Option) *Interaction {
	s.t.Helper()
	a = s.resolveActor(a)
	path := strings.Fields(command)
	if len(path) == 0 || len(path) > 3 {
		s.fatalf("command %q: want \"name\", \"name sub\" or \"name group sub\"", command)
	}
	s.mu.Lock()
	cmd := s.findCommandLocked(a, path[0], discordgo.ChatApplicationCommand)
	b := &optionBuilder{s: s, actor: a, focused: focused, resolved: map[string]map[string]any{}}
	options := b.build(cmd, path, opts)
	data := map[string]any{"id": cmd.ID, "name": cmd.Name, "type": int(discordgo.ChatApplicationCommand), "options": options}
	if cmd.GuildID != "" {
		data["guild_id"] = cmd.GuildID
	}
	if len(b.resolved) > 0 {
		data["resolved"] = b.resolved
	}
	s.mu.Unlock()
	typ := discordgo.InteractionApplicationCommand
	if focused != "" {
		typ = discordgo.InteractionApplicationCommandAutocomplete
	}
	return s.startInteraction(a, typ, discordgo.ChatApplicationCommand, data, nil)
}

// findCommandLocked finds the definition a user in a's place could run:
// the guild's commands first, then the global ones; in DMs only global
// commands that allow the bot-DM context. Call with s.mu held; it fails the
// test (releasing s.mu) when there is none.
func (s *Server) findCommandLocked(a Actor, name string, typ discordgo.ApplicationCommandType) *discordgo.ApplicationCommand {
	s.t.Helper()
	scopes := []string{""}
	if a.GuildID != "" {
		scopes = []string{a.GuildID, ""}
	}
	var known []string
	for _, scope := range scopes {
		for _, c := range s.commands[scope] {
			if c.Type != typ {
				continue
			}
			known = append(known, c.Name)
			if c.Name != name {
				continue
			}
			if a.GuildID == "" && !allowsDM(c) {
				s.mu.Unlock()
				s.fatalf("command %q is not available in DMs (contexts/dm_permission)", name)
			}
			if a.GuildID != "" && !allowsGuild(c) {
				s.mu.Unlock()
				s.fatalf("command %q is not available in guilds (contexts)", name)
			}
			return c
		}
	}
	s.mu.Unlock()
	s.fatalf("no registered command %q of type %d for this actor (registered: %s)", name, typ, strings.Join(known, ", "))
	return nil
}

func allowsDM(c *discordgo.ApplicationCommand) bool {
	if c.Contexts != nil {
		return slices.Contains(*c.Contexts, discordgo.InteractionContextBotDM)
	}
	//lint:ignore SA1019 Discord still honours dm_permission for commands registered without contexts.
	return c.DMPermission == nil || *c.DMPermission
}

func allowsGuild(c *discordgo.ApplicationCommand) bool {
	return c.Contexts == nil || slices.Contains(*c.Contexts, discordgo.InteractionContextGuild)
}

// optionBuilder turns Opt values into the options and resolved data of a
// command interaction; it runs with s.mu held and releases it on failure.
type optionBuilder struct {
	s        *Server
	actor    Actor
	focused  string
	resolved map[string]map[string]any
}

func (b *optionBuilder) fail(format string, args ...any) {
	b.s.t.Helper()
	b.s.mu.Unlock()
	b.s.fatalf(format, args...)
}

// build walks the subcommand path and returns the top-level options.
func (b *optionBuilder) build(cmd *discordgo.ApplicationCommand, path []string, opts []Option) []map[string]any {
	b.s.t.Helper()
	defs := cmd.Options
	var wrap []*discordgo.ApplicationCommandOption
	for _, name := range path[1:] {
		var next *discordgo.ApplicationCommandOption
		for _, d := range defs {
			if d.Name == name && (d.Type == discordgo.ApplicationCommandOptionSubCommand || d.Type == discordgo.ApplicationCommandOptionSubCommandGroup) {
				next = d
			}
		}
		if next == nil {
			b.fail("command %q has no subcommand or group %q", cmd.Name, name)
		}
		wrap = append(wrap, next)
		defs = next.Options
	}
	for _, d := range defs {
		if d.Type == discordgo.ApplicationCommandOptionSubCommand || d.Type == discordgo.ApplicationCommandOptionSubCommandGroup {
			b.fail("command %q needs a subcommand: say \"%s %s ...\"", cmd.Name, strings.Join(path, " "), d.Name)
		}
	}
	out := b.values(strings.Join(path, " "), defs, opts)
	for i := len(wrap) - 1; i >= 0; i-- {
		out = []map[string]any{{"name": wrap[i].Name, "type": int(wrap[i].Type), "options": out}}
	}
	return out
}

// values converts the given options against their definitions, in the
// definitions' order.
func (b *optionBuilder) values(command string, defs []*discordgo.ApplicationCommandOption, opts []Option) []map[string]any {
	b.s.t.Helper()
	given := map[string]any{}
	for _, o := range opts {
		if !slices.ContainsFunc(defs, func(d *discordgo.ApplicationCommandOption) bool { return d.Name == o.name }) {
			names := make([]string, 0, len(defs))
			for _, d := range defs {
				names = append(names, d.Name)
			}
			b.fail("command %q has no option %q (options: %s)", command, o.name, strings.Join(names, ", "))
		}
		given[o.name] = o.value
	}
	if b.focused != "" && !slices.ContainsFunc(defs, func(d *discordgo.ApplicationCommandOption) bool { return d.Name == b.focused }) {
		b.fail("command %q has no option %q to focus", command, b.focused)
	}
	out := []map[string]any{}
	for _, d := range defs {
		v, ok := given[d.Name]
		if d.Name == b.focused {
			if !d.Autocomplete {
				b.fail("option %q of %q does not have autocomplete enabled", d.Name, command)
			}
			typed := ""
			if ok {
				typed = fmt.Sprint(v)
			}
			out = append(out, map[string]any{"name": d.Name, "type": int(d.Type), "value": typed, "focused": true})
			continue
		}
		if !ok {
			if d.Required && b.focused == "" {
				b.fail("command %q: required option %q is missing", command, d.Name)
			}
			continue
		}
		out = append(out, map[string]any{"name": d.Name, "type": int(d.Type), "value": b.convert(command, d, v)})
	}
	return out
}

// convert checks a value the way the Discord client does and returns its
// JSON form, adding resolved objects for ids.
func (b *optionBuilder) convert(command string, d *discordgo.ApplicationCommandOption, v any) any {
	b.s.t.Helper()
	bad := func() { b.fail("option %q of %q is %v; %T does not fit", d.Name, command, d.Type, v) }
	switch d.Type {
	case discordgo.ApplicationCommandOptionString:
		str, ok := v.(string)
		if !ok {
			bad()
		}
		n := runeLen(str)
		if (d.MinLength != nil && n < *d.MinLength) || (d.MaxLength > 0 && n > d.MaxLength) {
			b.fail("option %q of %q: %q is outside the allowed length", d.Name, command, str)
		}
		b.checkChoice(command, d, str)
		return str
	case discordgo.ApplicationCommandOptionInteger, discordgo.ApplicationCommandOptionNumber:
		f, ok := number(v)
		if !ok || (d.Type == discordgo.ApplicationCommandOptionInteger && f != math.Trunc(f)) {
			bad()
		}
		if (d.MinValue != nil && f < *d.MinValue) || (d.MaxValue != 0 && f > d.MaxValue) {
			b.fail("option %q of %q: %v is outside the allowed range", d.Name, command, v)
		}
		b.checkChoice(command, d, f)
		if d.Type == discordgo.ApplicationCommandOptionInteger {
			return int64(f)
		}
		return f
	case discordgo.ApplicationCommandOptionBoolean:
		if _, ok := v.(bool); !ok {
			bad()
		}
		return v
	case discordgo.ApplicationCommandOptionAttachment:
		f, ok := v.(File)
		if !ok {
			bad()
		}
		return b.attachment(f)
	default:
		return b.mention(command, d, v)
	}
}

func (b *optionBuilder) checkChoice(command string, d *discordgo.ApplicationCommandOption, v any) {
	b.s.t.Helper()
	if len(d.Choices) == 0 {
		return
	}
	for _, c := range d.Choices {
		if fmt.Sprint(c.Value) == fmt.Sprint(v) {
			return
		}
	}
	b.fail("option %q of %q: %v is not one of its choices", d.Name, command, v)
}

// number accepts Go's integer and float types.
func number(v any) (float64, bool) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(rv.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return float64(rv.Uint()), true
	case reflect.Float32, reflect.Float64:
		return rv.Float(), true
	}
	return 0, false
}
