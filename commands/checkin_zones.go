package commands

import (
	"context"
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"github.com/agnivade/levenshtein"
	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/schedule"
	"github.com/spotter-bot/spotter/knowledge"
)

// checkinZonesFile lists the tz database's Area/Location zones (and UTC),
// one a line, as the Go runtime ships them; a test regenerates it from
// $GOROOT/lib/time/zoneinfo.zip (go test ./commands -run Zone -update) and
// checks that every name loads. Zones load from time/tzdata, embedded in the
// binary, so they work on machines without a tz database.
//
//go:embed checkin_zones.txt
var checkinZonesFile string

// tzNames are the zones offered while a member types.
var tzNames = strings.Fields(checkinZonesFile)

// popularZones answer an empty autocomplete, after the member's own.
var popularZones = []string{
	"UTC", "Europe/London", "Europe/Dublin", "Europe/Berlin", "Europe/Paris", "Europe/Madrid",
	"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Toronto",
	"America/Sao_Paulo", "America/Mexico_City", "Africa/Johannesburg", "Asia/Kolkata", "Asia/Dubai",
	"Asia/Singapore", "Asia/Tokyo", "Australia/Perth", "Australia/Sydney", "Pacific/Auckland",
}

// zoneKey is how zone names are compared: case and the difference between
// spaces, hyphens and underscores do not matter.
func zoneKey(s string) string {
	return strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(s)))
}

func zoneCity(name string) string {
	return name[strings.LastIndexByte(name, '/')+1:]
}

// resolveZone turns what the member typed into an IANA zone name, or a
// message that suggests the nearest names.
func resolveZone(typed string) (string, error) {
	typed = strings.TrimSpace(typed)
	key := zoneKey(typed)
	for _, z := range tzNames {
		if zoneKey(z) == key {
			return z, nil
		}
	}
	if len(typed) <= 64 {
		if loc, err := schedule.LoadZone(typed); err == nil {
			return loc.String(), nil
		}
	}
	shown := truncateRunes(typed, 40)
	if near := nearZones(typed, 3); len(near) > 0 {
		return "", bot.Userf("I don't know the time zone `%s`. Did you mean %s?", shown, orList(near))
	}
	return "", bot.Userf("I don't know the time zone `%s`. Use a tz database name such as Europe/London, America/New_York or Australia/Sydney; the list suggests them as you type.", shown)
}

// nearZones returns up to n zones whose name or city is a near miss of
// typed: containing it, or within a few typing mistakes.
func nearZones(typed string, n int) []string {
	key := zoneKey(typed)
	if key == "" {
		return nil
	}
	type scored struct {
		name string
		dist int
	}
	limit := max(2, len(key)/4)
	var hits []scored
	for _, z := range tzNames {
		full, city := zoneKey(z), zoneKey(zoneCity(z))
		d := min(levenshtein.ComputeDistance(key, full), levenshtein.ComputeDistance(key, city))
		if strings.Contains(full, key) || strings.Contains(key, city) && len(city) >= 4 {
			d = 0
		}
		if d <= limit {
			hits = append(hits, scored{z, d})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].dist < hits[j].dist })
	var out []string
	for _, h := range hits[:min(n, len(hits))] {
		out = append(out, h.name)
	}
	return out
}

// zoneMatches ranks the zones for an autocomplete: the member's own zone
// and popular ones for an empty box; otherwise cities starting with what
// they typed, then names starting with it, then names containing it, then
// near misses.
func zoneMatches(typed, own string) []string {
	key := zoneKey(typed)
	seen := map[string]bool{}
	var out []string
	add := func(z string) {
		if z != "" && !seen[z] && len(out) < knowledge.AutocompleteChoicesMax {
			seen[z] = true
			out = append(out, z)
		}
	}
	if key == "" {
		add(own)
		for _, z := range popularZones {
			add(z)
		}
		return out
	}
	tiers := [3][]string{}
	for _, z := range tzNames {
		full, city := zoneKey(z), zoneKey(zoneCity(z))
		switch {
		case strings.HasPrefix(city, key):
			tiers[0] = append(tiers[0], z)
		case strings.HasPrefix(full, key):
			tiers[1] = append(tiers[1], z)
		case strings.Contains(full, key):
			tiers[2] = append(tiers[2], z)
		}
	}
	for _, tier := range tiers {
		for _, z := range tier {
			add(z)
		}
	}
	if len(out) == 0 {
		for _, z := range nearZones(typed, knowledge.AutocompleteChoicesMax) {
			add(z)
		}
	}
	return out
}

// zoneChoices answers the timezone option's autocomplete.
func (c *checkins) zoneChoices(ctx context.Context, req *bot.Request) (*bot.Response, error) {
	typed := ""
	if o, ok := req.Focused(); ok {
		typed, _ = o.Value.(string)
	}
	own := ""
	if p, ok, err := c.store.CheckinPlan(ctx, req.UserID()); err == nil && ok {
		own = p.Zone
	}
	var choices []*discordgo.ApplicationCommandOptionChoice
	for _, z := range zoneMatches(typed, own) {
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: z, Value: z})
	}
	return bot.Choices(choices), nil
}

// orList joins names as "a, b or c", each in backticks.
func orList(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = fmt.Sprintf("`%s`", n)
	}
	if len(quoted) == 1 {
		return quoted[0]
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1]
}
