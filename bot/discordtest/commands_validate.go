package discordtest

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// commandName is Discord's rule for CHAT_INPUT command and option names.
var commandName = regexp.MustCompile(`^[-_'\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

// How many commands of each type an application may register in one scope.
var commandLimits = map[discordgo.ApplicationCommandType]int{
	discordgo.ChatApplicationCommand:    100,
	discordgo.UserApplicationCommand:    15,
	discordgo.MessageApplicationCommand: 15,
}

const maxCommandChars = 4000

// validateCommands checks a bulk overwrite like Discord: each definition on
// its own, then duplicate names per type and the per-type counts.
func validateCommands(f *formErrors, cmds []*discordgo.ApplicationCommand) {
	seen := map[string]bool{}
	counts := map[discordgo.ApplicationCommandType]int{}
	for i, c := range cmds {
		p := fmt.Sprint(i)
		validateCommand(f, p, c)
		key := fmt.Sprintf("%d/%s", c.Type, c.Name)
		if seen[key] {
			f.add(join(p, "name"), "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique")
		}
		seen[key] = true
		counts[c.Type]++
	}
	for t, n := range counts {
		if max, ok := commandLimits[t]; ok && n > max {
			f.add("", "APPLICATION_COMMANDS_TOO_MANY", fmt.Sprintf("Maximum number of commands of type %d reached (%d)", t, max))
		}
	}
}

func validateCommand(f *formErrors, p string, c *discordgo.ApplicationCommand) {
	switch c.Type {
	case discordgo.ChatApplicationCommand:
		checkName(f, join(p, "name"), c.Name)
		f.checkLen(join(p, "description"), c.Description, 1, 100)
		validateOptions(f, join(p, "options"), c.Options, 0)
	case discordgo.UserApplicationCommand, discordgo.MessageApplicationCommand:
		f.checkLen(join(p, "name"), c.Name, 1, 32)
		if c.Description != "" {
			f.add(join(p, "description"), "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION", "Context menu commands cannot have a description")
		}
		if len(c.Options) > 0 {
			f.add(join(p, "options"), "APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS", "Context menu commands cannot have options")
		}
	default:
		f.add(join(p, "type"), "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3}.")
	}
	if c.Contexts != nil {
		for j, ctx := range *c.Contexts {
			if ctx > discordgo.InteractionContextPrivateChannel {
				f.add(join(join(p, "contexts"), fmt.Sprint(j)), "BASE_TYPE_CHOICES", "Value must be one of {0, 1, 2}.")
			}
		}
	}
	if commandChars(c) > maxCommandChars {
		f.add(p, "APPLICATION_COMMAND_TOO_LARGE", fmt.Sprintf("Command exceeds maximum size (%d)", maxCommandChars))
	}
}

// checkName applies the CHAT_INPUT naming rule: 1-32 letters, digits, - _ '
// and no upper-case letter that has a lower-case form.
func checkName(f *formErrors, p, name string) {
	if !commandName.MatchString(name) || strings.ToLower(name) != name {
		f.add(p, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
	}
}

// validateOptions checks options at a nesting level: 0 top, 1 inside a
// subcommand group, 2 inside a subcommand.
func validateOptions(f *formErrors, p string, opts []*discordgo.ApplicationCommandOption, level int) {
	if len(opts) > 25 {
		f.checkCount(p, len(opts), 0, 25)
	}
	names := map[string]bool{}
	subs, others, optionalSeen := 0, 0, false
	for i, o := range opts {
		op := join(p, fmt.Sprint(i))
		checkName(f, join(op, "name"), o.Name)
		f.checkLen(join(op, "description"), o.Description, 1, 100)
		if names[o.Name] {
			f.add(join(op, "name"), "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Option names must be unique")
		}
		names[o.Name] = true
		switch o.Type {
		case discordgo.ApplicationCommandOptionSubCommandGroup:
			subs++
			if level != 0 {
				f.add(join(op, "type"), "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Subcommand groups can only be at the top level")
			}
			for j, sub := range o.Options {
				if sub.Type != discordgo.ApplicationCommandOptionSubCommand {
					f.add(join(join(join(op, "options"), fmt.Sprint(j)), "type"), "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Subcommand groups may only contain subcommands")
				}
			}
			validateOptions(f, join(op, "options"), o.Options, 1)
		case discordgo.ApplicationCommandOptionSubCommand:
			subs++
			if level == 2 {
				f.add(join(op, "type"), "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Subcommands cannot be nested in subcommands")
			}
			validateOptions(f, join(op, "options"), o.Options, 2)
		default:
			others++
			if o.Type < discordgo.ApplicationCommandOptionString || o.Type > discordgo.ApplicationCommandOptionAttachment {
				f.add(join(op, "type"), "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}.")
			}
			if o.Required && optionalSeen {
				f.add(join(op, "required"), "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options")
			}
			if !o.Required {
				optionalSeen = true
			}
			validateOptionValues(f, op, o)
		}
	}
	if subs > 0 && others > 0 {
		f.add(p, "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Sub-command and sub-command group option types are mutually exclusive to all other types")
	}
}

// validateOptionValues checks choices, autocomplete and length bounds.
func validateOptionValues(f *formErrors, op string, o *discordgo.ApplicationCommandOption) {
	numeric := o.Type == discordgo.ApplicationCommandOptionInteger || o.Type == discordgo.ApplicationCommandOptionNumber
	if len(o.Choices) > 0 && o.Type != discordgo.ApplicationCommandOptionString && !numeric {
		f.add(join(op, "choices"), "APPLICATION_COMMAND_OPTION_CHOICES_NOT_ALLOWED", "Choices are only allowed for string, integer and number options")
	}
	if len(o.Choices) > 25 {
		f.checkCount(join(op, "choices"), len(o.Choices), 0, 25)
	}
	if o.Autocomplete && len(o.Choices) > 0 {
		f.add(join(op, "autocomplete"), "APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES", "Autocomplete cannot be enabled on an option with choices")
	}
	for j, ch := range o.Choices {
		cp := join(join(op, "choices"), fmt.Sprint(j))
		f.checkLen(join(cp, "name"), ch.Name, 1, 100)
		switch v := ch.Value.(type) {
		case string:
			if o.Type != discordgo.ApplicationCommandOptionString {
				f.add(join(cp, "value"), "NUMBER_TYPE_COERCE", fmt.Sprintf("Value %q is not a number.", v))
			}
			f.checkLen(join(cp, "value"), v, 1, 100)
		case float64:
			if !numeric {
				f.add(join(cp, "value"), "STRING_TYPE_CONVERT", "Could not interpret a number as string.")
			}
			if o.Type == discordgo.ApplicationCommandOptionInteger && v != float64(int64(v)) {
				f.add(join(cp, "value"), "NUMBER_TYPE_COERCE", fmt.Sprintf("Value \"%v\" is not int.", v))
			}
		default:
			f.required(join(cp, "value"))
		}
	}
	if o.MinLength != nil && (*o.MinLength < 0 || *o.MinLength > 6000) {
		f.add(join(op, "min_length"), "NUMBER_TYPE_MAX", "int value should be between 0 and 6000.")
	}
	if o.MaxLength != 0 && (o.MaxLength < 1 || o.MaxLength > 6000) {
		f.add(join(op, "max_length"), "NUMBER_TYPE_MAX", "int value should be between 1 and 6000.")
	}
}

// commandChars counts what Discord counts against the 4000-character limit:
// names, descriptions, and choice names and values, at every level.
func commandChars(c *discordgo.ApplicationCommand) int {
	n := runeLen(c.Name) + runeLen(c.Description)
	var walk func([]*discordgo.ApplicationCommandOption)
	walk = func(opts []*discordgo.ApplicationCommandOption) {
		for _, o := range opts {
			n += runeLen(o.Name) + runeLen(o.Description)
			for _, ch := range o.Choices {
				n += runeLen(ch.Name) + runeLen(fmt.Sprint(ch.Value))
			}
			walk(o.Options)
		}
	}
	walk(c.Options)
	return n
}
