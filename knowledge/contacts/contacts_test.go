package contacts

import (
	"strings"
	"testing"
)

func TestEmergencyLinesPutTheMembersRegionFirst(t *testing.T) {
	lines := EmergencyLines("gb")
	if len(lines) != len(regions) {
		t.Fatalf("got %d lines, want one per region (%d)", len(lines), len(regions))
	}
	if lines[0] != "United Kingdom: 999" {
		t.Errorf("first line = %q, want the UK first", lines[0])
	}
}

func TestEmergencyLinesWithUnknownRegionListEveryRegion(t *testing.T) {
	lines := EmergencyLines("zz")
	if len(lines) != len(regions) || !strings.HasPrefix(lines[0], "United States") {
		t.Errorf("unknown region: got %v", lines)
	}
}

func TestCrisisLinesSkipRegionsWithoutALine(t *testing.T) {
	for _, l := range CrisisLines("") {
		if strings.HasPrefix(l, "European Union") || strings.HasPrefix(l, "New Zealand") {
			t.Errorf("listed a region with no crisis line: %q", l)
		}
	}
	if got := CrisisLines("AU")[0]; got != "Australia: Lifeline 13 11 14" {
		t.Errorf("first crisis line for AU = %q", got)
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
