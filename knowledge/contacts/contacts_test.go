package contacts

import (
	"strings"
	"testing"
)

func TestEveryRegionHasAllThreeKindsOfHelp(t *testing.T) {
	for _, r := range All() {
		if r.Emergency == "" {
			t.Errorf("%s has no emergency number", r.Code)
		}
		if len(r.Crisis) == 0 || strings.TrimSpace(r.Crisis[0]) == "" {
			t.Errorf("%s has no crisis line", r.Code)
		}
		if UrgentLine(r.Code) == "" {
			t.Errorf("%s has no same-day advice", r.Code)
		}
	}
}

func TestNewZealandHasItsOwnCrisisLine(t *testing.T) {
	lines := CrisisLines("NZ")
	if len(lines) != 1 || !strings.Contains(lines[0], "1737") {
		t.Errorf("NZ crisis lines = %q, want 1737", lines)
	}
}

func TestKnownRegionShowsOnlyItsOwnNumbers(t *testing.T) {
	if got := EmergencyLines("gb"); len(got) != 1 || got[0] != "United Kingdom: 999" {
		t.Errorf("EmergencyLines(gb) = %q", got)
	}
	if got := CrisisLines("AU"); len(got) != 1 || got[0] != "Australia: Lifeline 13 11 14" {
		t.Errorf("CrisisLines(AU) = %q", got)
	}
}

func TestUnknownRegionSaysLocalNumberFirst(t *testing.T) {
	em := EmergencyLines("zz")
	if !strings.Contains(em[0], "local emergency number") {
		t.Errorf("unknown region: first emergency line %q does not say to call the local number", em[0])
	}
	cr := CrisisLines("")
	if !strings.Contains(cr[0], Directory) {
		t.Errorf("unknown region: first crisis line %q does not name the directory", cr[0])
	}
	for _, l := range cr[1:] {
		if !strings.Contains(l, ": ") {
			t.Errorf("crisis line %q does not say which country it is for", l)
		}
	}
	if EmergencyNumber("") != "your local emergency number" {
		t.Errorf("EmergencyNumber(\"\") = %q", EmergencyNumber(""))
	}
	if !strings.Contains(ShownFor(""), "isn't set") {
		t.Errorf("ShownFor(\"\") = %q", ShownFor(""))
	}
}

func TestUrgentLineFallsBackToTheDoctor(t *testing.T) {
	if got := UrgentLine("GB"); got != "NHS 111" {
		t.Errorf("UrgentLine(GB) = %q", got)
	}
	for _, code := range []string{"US", "", "zz"} {
		if got := UrgentLine(code); got != SameDayFallback {
			t.Errorf("UrgentLine(%q) = %q, want the fallback", code, got)
		}
	}
}

func TestSearchFindsCountriesByName(t *testing.T) {
	tests := []struct{ typed, want string }{
		{"new", "NZ"}, {"zeal", "NZ"}, {"uk", "GB"}, {"brit", "GB"}, {"deutsch", "DE"},
		{"us", "US"}, {"ind", "IN"}, {"ital", "EU"}, {"aus", "AU"},
	}
	for _, tt := range tests {
		got := Search(tt.typed, 25)
		if len(got) == 0 || got[0].Code != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.typed, codesOf(got), tt.want)
		}
	}
	if got := Search("", 5); len(got) != 5 {
		t.Errorf("Search(\"\", 5) gave %d regions", len(got))
	}
	if got := Search("atlantis", 25); len(got) != 0 {
		t.Errorf("Search(atlantis) = %v", codesOf(got))
	}
}

func TestFromLocale(t *testing.T) {
	for locale, want := range map[string]string{"en-GB": "GB", "de": "DE", "it": "EU", "hi": "IN"} {
		if r, ok := FromLocale(locale); !ok || r.Code != want {
			t.Errorf("FromLocale(%q) = %s, %v; want %s", locale, r.Code, ok, want)
		}
	}
	for _, locale := range []string{"pt-BR", "es-419", "ja", ""} {
		if r, ok := FromLocale(locale); ok {
			t.Errorf("FromLocale(%q) = %s, want no guess", locale, r.Code)
		}
	}
}

func TestLookupIsCaseInsensitive(t *testing.T) {
	if r, ok := Lookup(" us "); !ok || r.Emergency != "911" {
		t.Errorf("Lookup(us) = %+v, %v", r, ok)
	}
	if _, ok := Lookup("XX"); ok {
		t.Error("Lookup(XX) found a region")
	}
}

func codesOf(rs []Region) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Code
	}
	return out
}
