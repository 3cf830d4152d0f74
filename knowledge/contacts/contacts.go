// Package contacts lists emergency numbers, crisis lines and same-day
// advice lines by region, and finds a member's region by code, by name or
// from their Discord locale.
//
// The numbers come from ../shared/reference/clinical-notes.md (checked
// against public sources in Dec 2026); every answer that escalates reads
// them from here so a correction is made once. A member whose region is not
// listed is never shown only foreign numbers: they are told to call their
// local emergency number and where to find a crisis line in their country.
package contacts

import (
	"sort"
	"strings"
)

// Region is the emergency, crisis and same-day contact set for one country
// or area.
type Region struct {
	// Code is the region's short code, ISO 3166-1 alpha-2 where one exists ("EU" for the EU-wide number).
	Code string
	// Name is the region's name as members know it.
	Name string
	// Emergency is the number to call for an ambulance.
	Emergency string
	// Urgent is the same-day medical advice line, or "" where the region has none.
	Urgent string
	// Crisis lists crisis lines for someone thinking about self-harm or suicide; never empty.
	Crisis []string
	// aliases are other names members search by ("UK", "Britain").
	aliases []string
}

// Directory is the international directory of crisis lines, for members
// whose region has no listed line of its own.
const Directory = "findahelpline.com"

// SameDayFallback is the same-day advice for a region without a national
// advice line.
const SameDayFallback = "your doctor (GP or family doctor) or an urgent care centre, today"

var regions = []Region{
	{Code: "US", Name: "United States", Emergency: "911",
		Crisis:  []string{"988 Suicide & Crisis Lifeline (call or text 988)", "Crisis Text Line (text DISCORD to 741741)"},
		aliases: []string{"USA", "America", "United States of America"}},
	{Code: "CA", Name: "Canada", Emergency: "911", Urgent: "811 health advice line (most provinces)",
		Crisis: []string{"9-8-8 Suicide Crisis Helpline (call or text 988)"}},
	{Code: "GB", Name: "United Kingdom", Emergency: "999", Urgent: "NHS 111",
		Crisis:  []string{"Samaritans 116 123"},
		aliases: []string{"UK", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"}},
	{Code: "IE", Name: "Ireland", Emergency: "112 or 999", Urgent: "your GP or the GP out-of-hours service",
		Crisis: []string{"Samaritans 116 123"}},
	{Code: "AU", Name: "Australia", Emergency: "000", Urgent: "healthdirect 1800 022 222",
		Crisis: []string{"Lifeline 13 11 14"}},
	{Code: "NZ", Name: "New Zealand", Emergency: "111", Urgent: "Healthline 0800 611 116",
		Crisis:  []string{"Need to Talk? 1737 (free call or text, any time)", "Lifeline Aotearoa 0800 543 354"},
		aliases: []string{"Aotearoa"}},
	{Code: "IN", Name: "India", Emergency: "112",
		Crisis: []string{"Tele-MANAS 14416"}},
	{Code: "DE", Name: "Germany", Emergency: "112", Urgent: "116 117 (ärztlicher Bereitschaftsdienst)",
		Crisis:  []string{"TelefonSeelsorge 0800 111 0 111 or 0800 111 0 222"},
		aliases: []string{"Deutschland"}},
	{Code: "AT", Name: "Austria", Emergency: "112",
		Crisis:  []string{"116 123 emotional support line"},
		aliases: []string{"Österreich", "Osterreich"}},
	{Code: "FR", Name: "France", Emergency: "112",
		Crisis: []string{"3114 (suicide prevention, any time)"}},
	{Code: "ES", Name: "Spain", Emergency: "112",
		Crisis:  []string{"024 (suicidal behaviour line, any time)"},
		aliases: []string{"España", "Espana"}},
	{Code: "NL", Name: "Netherlands", Emergency: "112",
		Crisis:  []string{"113 Zelfmoordpreventie (113 or 0800-0113)"},
		aliases: []string{"Holland", "Nederland"}},
	{Code: "EU", Name: "European Union (other countries)", Emergency: "112",
		Crisis:  []string{"116 123 emotional support (in many EU countries)", "your country's line at " + Directory},
		aliases: []string{"Europe", "Italy", "Italia", "Portugal", "Belgium", "Belgique", "Sweden", "Denmark", "Finland", "Poland", "Greece", "Czechia", "Luxembourg"}},
}

// All returns every known region, in a stable order.
func All() []Region {
	out := make([]Region, len(regions))
	copy(out, regions)
	return out
}

// Lookup finds a region by its code, case-insensitively.
func Lookup(code string) (Region, bool) {
	code = strings.ToUpper(strings.TrimSpace(code))
	for _, r := range regions {
		if r.Code == code {
			return r, true
		}
	}
	return Region{}, false
}

// Codes returns the known region codes, sorted.
func Codes() []string {
	codes := make([]string, 0, len(regions))
	for _, r := range regions {
		codes = append(codes, r.Code)
	}
	sort.Strings(codes)
	return codes
}

// Search finds up to limit regions whose name, code or another common name
// starts with typed (case-insensitively), then those that contain it; with
// nothing typed it lists the regions in order.
func Search(typed string, limit int) []Region {
	q := strings.ToLower(strings.TrimSpace(typed))
	var prefix, inside []Region
	for _, r := range regions {
		best := 0 // 2: a name starts with q; 1: a name contains q
		for _, n := range append([]string{r.Name, r.Code}, r.aliases...) {
			n = strings.ToLower(n)
			switch {
			case strings.HasPrefix(n, q):
				best = 2
			case best == 0 && strings.Contains(n, q):
				best = 1
			}
		}
		switch best {
		case 2:
			prefix = append(prefix, r)
		case 1:
			inside = append(inside, r)
		}
	}
	out := append(prefix, inside...)
	return out[:min(len(out), limit)]
}

// localeRegions maps the Discord locales that name a country to it.
// Locales that name only a language spoken in many countries ("es-419",
// "pt-BR" for a region not listed) are left out, so the member gets the
// general numbers and is asked to set their country.
var localeRegions = map[string]string{
	"en-US": "US", "en-GB": "GB", "de": "DE", "fr": "FR", "es-ES": "ES", "nl": "NL", "hi": "IN",
	"it": "EU", "da": "EU", "fi": "EU", "sv-SE": "EU", "pl": "EU", "cs": "EU", "el": "EU",
	"ro": "EU", "hu": "EU", "bg": "EU", "hr": "EU", "lt": "EU",
}

// FromLocale guesses a region from a Discord locale ("en-GB", "de"). It is
// a hint only: the language of the app is not where the member lives.
func FromLocale(locale string) (Region, bool) {
	code, ok := localeRegions[locale]
	if !ok {
		return Region{}, false
	}
	return Lookup(code)
}

// EmergencyLines renders the emergency numbers as short lines: the member's
// region when it is known, otherwise a reminder to call the local number
// followed by the common ones, each labelled with where it works.
func EmergencyLines(regionCode string) []string {
	if r, ok := Lookup(regionCode); ok {
		return []string{r.Name + ": " + r.Emergency}
	}
	return []string{
		"Your local emergency number. Common ones:",
		"112: the EU, India and many other countries",
		"911: the United States and Canada",
		"999: the United Kingdom · 000: Australia · 111: New Zealand",
	}
}

// CrisisLines renders the crisis lines as short lines: the member's region
// when it is known, otherwise the international directory first and then
// the lines of the regions Spotter knows, each labelled with its country.
func CrisisLines(regionCode string) []string {
	if r, ok := Lookup(regionCode); ok {
		return []string{r.Name + ": " + strings.Join(r.Crisis, "; ")}
	}
	lines := []string{"Find a free line in your country at " + Directory + ". Lines by country:"}
	for _, r := range regions {
		if r.Code != "EU" {
			lines = append(lines, r.Name+": "+r.Crisis[0])
		}
	}
	return lines
}

// UrgentLine is where to get seen today in the region: its same-day advice
// line, or the member's doctor or an urgent care centre.
func UrgentLine(regionCode string) string {
	if r, ok := Lookup(regionCode); ok && r.Urgent != "" {
		return r.Urgent
	}
	return SameDayFallback
}

// EmergencyNumber is the number to call in the region, or "your local
// emergency number" when the region is not known.
func EmergencyNumber(regionCode string) string {
	if r, ok := Lookup(regionCode); ok {
		return r.Emergency
	}
	return "your local emergency number"
}

// ShownFor says whose numbers a card shows, so a member can tell at once
// whether they fit.
func ShownFor(regionCode string) string {
	if r, ok := Lookup(regionCode); ok {
		return "Numbers shown for " + r.Name + "."
	}
	return "Your country isn't set, so these are general numbers."
}
