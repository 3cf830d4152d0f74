package commands

import (
	"context"
	"fmt"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/knowledge/contacts"
)

// /region lets a member choose the country whose emergency numbers, crisis
// lines and same-day advice lines Spotter shows them, by name.
const (
	regionName          = "region"
	regionOptionCountry = "country"
	regionClear         = "none"
)

// regionStore keeps the region each member picked, for which emergency
// number and crisis lines they see.
type regionStore interface {
	MemberRegion(ctx context.Context, userID string) (string, error)
	SetMemberRegion(ctx context.Context, userID, region string) error
}

type region struct {
	get func(ctx context.Context, userID string) (string, error)
	set func(ctx context.Context, userID, region string) error
}

func registerRegion(r *bot.Router, deps Deps) {
	g := &region{get: deps.memberRegion, set: deps.setMemberRegion}
	r.Define(&discordgo.ApplicationCommand{
		Name:             regionName,
		Description:      "Choose the country whose emergency and crisis numbers Spotter shows you",
		Contexts:         serversAndDMs(),
		IntegrationTypes: guildInstall(),
		Options: []*discordgo.ApplicationCommandOption{{
			Type:         discordgo.ApplicationCommandOptionString,
			Name:         regionOptionCountry,
			Description:  "Start typing your country's name; leave out to see what is set",
			Autocomplete: true,
		}},
	})
	r.Command(regionName, g.choose)
	r.Autocomplete(regionName, regionOptionCountry, g.autocomplete)
}

// choose sets the member's country, or says which one is set.
func (g *region) choose(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	code, given := req.StringOption(regionOptionCountry)
	if !given {
		current, err := g.get(ctx, req.UserID())
		if err != nil {
			return nil, fmt.Errorf("look up region: %w", err)
		}
		return bot.Ephemeral(regionSummary(current, string(req.Locale))), nil
	}
	if code == regionClear {
		if err := g.set(ctx, req.UserID(), ""); err != nil {
			return nil, fmt.Errorf("clear region: %w", err)
		}
		return bot.Ephemeral("Your country is cleared. " + regionSummary("", string(req.Locale))), nil
	}
	r, ok := contacts.Lookup(code)
	if !ok {
		if found := contacts.Search(code, 1); len(found) == 1 {
			r, ok = found[0], true
		}
	}
	if !ok {
		return nil, bot.Userf("I don't have numbers for that country yet. Pick one from the list; if yours isn't there, " +
			"Spotter shows your local emergency number and " + contacts.Directory + " for a crisis line.")
	}
	if err := g.set(ctx, req.UserID(), r.Code); err != nil {
		return nil, fmt.Errorf("set region: %w", err)
	}
	return bot.Ephemeral("Saved. " + regionSummary(r.Code, string(req.Locale))), nil
}

// regionSummary says which numbers the member will see.
func regionSummary(code, locale string) string {
	r, ok := contacts.Lookup(code)
	if !ok {
		if guess, guessed := contacts.FromLocale(locale); guessed {
			return fmt.Sprintf("You haven't chosen a country, so I go by your Discord language and show numbers for %s: "+
				"emergency %s, crisis line %s. If that's wrong, choose your country with /region.", guess.Name, guess.Emergency, guess.Crisis[0])
		}
		return "You haven't chosen a country, so I show general numbers: your local emergency number, and " +
			contacts.Directory + " for a crisis line. Choose your country with /region to see your own."
	}
	line := fmt.Sprintf("Numbers for %s: emergency %s, crisis line %s", r.Name, r.Emergency, r.Crisis[0])
	if r.Urgent != "" {
		line += ", same-day advice " + r.Urgent
	}
	return line + "."
}

// autocomplete lists countries whose name starts with, or contains, what
// the member typed.
func (g *region) autocomplete(_ context.Context, req *bot.Request) (*bot.Response, error) {
	typed := ""
	if o, ok := req.Focused(); ok {
		typed, _ = o.Value.(string)
	}
	found := contacts.Search(typed, 24)
	choices := make([]*discordgo.ApplicationCommandOptionChoice, 0, len(found)+1)
	for _, r := range found {
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: r.Name, Value: r.Code})
	}
	if typed == "" {
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: "Clear my country", Value: regionClear})
	}
	return bot.Choices(choices), nil
}
