package bot

import (
	"fmt"
	"math"
	"slices"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
)

// maxSafeInteger is the largest integer Discord accepts for INTEGER options
// (2^53, so it survives a JSON number).
const maxSafeInteger = 1 << 53

// checkOptions holds the options of a chat-input command to the command's
// definition before any handler sees them: the Discord client enforces the
// definition, but a modified client or a replayed request need not, so a
// missing required option, a value of the wrong type, a fraction in an
// integer, a value out of range, or an id that Discord did not resolve to
// an object of the right kind is refused here. Messages name the option,
// never the value sent.
func (r *Router) checkOptions(req *Request) error {
	if req.Type != discordgo.InteractionApplicationCommand {
		return nil
	}
	data := req.ApplicationCommandData()
	if data.CommandType != discordgo.ChatApplicationCommand && data.CommandType != 0 {
		return nil
	}
	var def *discordgo.ApplicationCommand
	for _, d := range r.definitions {
		if d.Name == data.Name && (d.Type == discordgo.ChatApplicationCommand || d.Type == 0) {
			def = d
		}
	}
	if def == nil {
		return nil // the router answers an unknown command itself
	}
	defs, given := def.Options, data.Options
	for len(given) == 1 && isSubcommand(given[0].Type) {
		sub := findOption(defs, given[0].Name)
		if sub == nil || sub.Type != given[0].Type {
			return errNoRoute
		}
		defs, given = sub.Options, given[0].Options
	}
	for _, d := range defs {
		if isSubcommand(d.Type) {
			return errNoRoute
		}
	}
	seen := map[string]bool{}
	for _, o := range given {
		d := findOption(defs, o.Name)
		if d == nil || seen[o.Name] {
			return Userf("That command was sent with an option it does not have. Run it again from Discord's command menu.")
		}
		seen[o.Name] = true
		if o.Type != d.Type {
			return Userf("The `%s` option was sent as the wrong kind of value. Nothing was done; run the command again from Discord's command menu.", d.Name)
		}
		if problem := checkValue(req, d, o, data.Resolved); problem != "" {
			return Userf("The `%s` option %s. Nothing was done.", d.Name, problem)
		}
	}
	for _, d := range defs {
		if d.Required && !seen[d.Name] {
			return Userf("The `%s` option is required. Nothing was done; run the command again with it.", d.Name)
		}
	}
	return nil
}

// checkValue returns what is wrong with one option's value, or "".
func checkValue(req *Request, d *discordgo.ApplicationCommandOption, o *discordgo.ApplicationCommandInteractionDataOption, res *discordgo.ApplicationCommandInteractionDataResolved) string {
	if res == nil {
		res = &discordgo.ApplicationCommandInteractionDataResolved{}
	}
	switch d.Type {
	case discordgo.ApplicationCommandOptionString:
		s, ok := o.Value.(string)
		if !ok {
			return "must be text"
		}
		n := utf8.RuneCountInString(s)
		if (d.MinLength != nil && n < *d.MinLength) || (d.MaxLength > 0 && n > d.MaxLength) {
			return "is too long or too short"
		}
		if len(d.Choices) > 0 && !d.Autocomplete && !hasChoice(d.Choices, s) {
			return "must be one of the choices Discord offers"
		}
	case discordgo.ApplicationCommandOptionInteger, discordgo.ApplicationCommandOptionNumber:
		f, ok := o.Value.(float64)
		if !ok || math.IsNaN(f) || math.IsInf(f, 0) {
			return "must be a number"
		}
		integral := d.Type == discordgo.ApplicationCommandOptionInteger
		if integral && (f != math.Trunc(f) || math.Abs(f) > maxSafeInteger) {
			return "must be a whole number" + rangeText(d)
		}
		if (d.MinValue != nil && f < *d.MinValue) || (d.MaxValue != 0 && f > d.MaxValue) {
			return "must be" + rangeText(d)
		}
		if len(d.Choices) > 0 && !d.Autocomplete && !hasChoice(d.Choices, f) {
			return "must be one of the choices Discord offers"
		}
	case discordgo.ApplicationCommandOptionBoolean:
		if _, ok := o.Value.(bool); !ok {
			return "must be true or false"
		}
	case discordgo.ApplicationCommandOptionUser:
		id, _ := o.Value.(string)
		if !spotter.IsSnowflake(id) || res.Users[id] == nil {
			return "must be a member picked from Discord's list"
		}
	case discordgo.ApplicationCommandOptionRole:
		id, _ := o.Value.(string)
		if !spotter.IsSnowflake(id) || res.Roles[id] == nil {
			return "must be a role picked from Discord's list"
		}
	case discordgo.ApplicationCommandOptionMentionable:
		id, _ := o.Value.(string)
		if !spotter.IsSnowflake(id) || (res.Users[id] == nil && res.Roles[id] == nil) {
			return "must be a member or role picked from Discord's list"
		}
	case discordgo.ApplicationCommandOptionChannel:
		id, _ := o.Value.(string)
		ch := res.Channels[id]
		if !spotter.IsSnowflake(id) || ch == nil || ch.ID != id {
			return "must be a channel picked from Discord's list"
		}
		if req.InGuild() && ch.GuildID != "" && ch.GuildID != req.GuildID {
			return "must be a channel of this server"
		}
		if len(d.ChannelTypes) > 0 && !slices.Contains(d.ChannelTypes, ch.Type) {
			return "must be a text channel"
		}
	case discordgo.ApplicationCommandOptionAttachment:
		id, _ := o.Value.(string)
		if res.Attachments[id] == nil {
			return "must be a file you attach"
		}
	}
	return ""
}

func rangeText(d *discordgo.ApplicationCommandOption) string {
	switch {
	case d.MinValue != nil && d.MaxValue != 0:
		return fmt.Sprintf(" from %v to %v", *d.MinValue, d.MaxValue)
	case d.MinValue != nil:
		return fmt.Sprintf(" of at least %v", *d.MinValue)
	case d.MaxValue != 0:
		return fmt.Sprintf(" of at most %v", d.MaxValue)
	}
	return ""
}

func hasChoice(choices []*discordgo.ApplicationCommandOptionChoice, v any) bool {
	for _, c := range choices {
		switch cv := c.Value.(type) {
		case int:
			if f, ok := v.(float64); ok && float64(cv) == f {
				return true
			}
		default:
			if c.Value == v {
				return true
			}
		}
	}
	return false
}

func findOption(defs []*discordgo.ApplicationCommandOption, name string) *discordgo.ApplicationCommandOption {
	for _, d := range defs {
		if d.Name == name {
			return d
		}
	}
	return nil
}

func isSubcommand(t discordgo.ApplicationCommandOptionType) bool {
	return t == discordgo.ApplicationCommandOptionSubCommand || t == discordgo.ApplicationCommandOptionSubCommandGroup
}
