// Package contacts lists emergency numbers and crisis lines by region.
//
// The numbers come from ../shared/reference/clinical-notes.md ("verify before
// shipping"); every answer that escalates reads them from here so a correction
// is made once.
package contacts

import (
	"sort"
	"strings"
)

// Region is the emergency and crisis contact set for one country or area.
type Region struct {
	// Code is the region's short code, ISO 3166-1 alpha-2 where one exists ("EU" for the EU-wide number).
	Code string
	// Name is the region's name as members know it.
	Name string
	// Emergency is the number to call for an ambulance.
	Emergency string
	// Urgent is the non-emergency same-day medical line, where the region has one.
	Urgent string
	// Crisis lists crisis lines for someone thinking about self-harm or suicide.
	Crisis []string
}

var regions = []Region{
	{Code: "US", Name: "United States", Emergency: "911", Crisis: []string{"988 Suicide & Crisis Lifeline (call or text 988)", "Crisis Text Line (text DISCORD to 741741)"}},
	{Code: "CA", Name: "Canada", Emergency: "911", Crisis: []string{"9-8-8 Suicide Crisis Helpline (call or text 988)"}},
	{Code: "GB", Name: "United Kingdom", Emergency: "999", Urgent: "NHS 111", Crisis: []string{"Samaritans 116 123"}},
	{Code: "IE", Name: "Ireland", Emergency: "112 or 999", Crisis: []string{"Samaritans 116 123"}},
	{Code: "EU", Name: "European Union", Emergency: "112"},
	{Code: "AU", Name: "Australia", Emergency: "000", Crisis: []string{"Lifeline 13 11 14"}},
	{Code: "NZ", Name: "New Zealand", Emergency: "111"},
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

// EmergencyLines renders the emergency numbers as short lines, the member's
// own region first when it is known.
func EmergencyLines(regionCode string) []string {
	var lines []string
	for _, r := range ordered(regionCode) {
		lines = append(lines, r.Name+": "+r.Emergency)
	}
	return lines
}

// CrisisLines renders the crisis lines as short lines, the member's own region
// first when it is known; regions without a listed crisis line are left out.
func CrisisLines(regionCode string) []string {
	var lines []string
	for _, r := range ordered(regionCode) {
		if len(r.Crisis) == 0 {
			continue
		}
		lines = append(lines, r.Name+": "+strings.Join(r.Crisis, "; "))
	}
	return lines
}

func ordered(regionCode string) []Region {
	own, ok := Lookup(regionCode)
	if !ok {
		return All()
	}
	out := []Region{own}
	for _, r := range regions {
		if r.Code != own.Code {
			out = append(out, r)
		}
	}
	return out
}
