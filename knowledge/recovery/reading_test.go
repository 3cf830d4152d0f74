package recovery

import "testing"

func TestSourceNamesSurviveStorage(t *testing.T) {
	for s := SourceBaseline; s <= SourceManual; s++ {
		got, err := ParseSource(s.String())
		if err != nil || got != s {
			t.Errorf("ParseSource(%q) = %v, %v", s.String(), got, err)
		}
	}
	for _, bad := range []string{"", "Daily", "workout ", "Source(0)"} {
		if _, err := ParseSource(bad); err == nil {
			t.Errorf("ParseSource(%q) succeeded", bad)
		}
	}
}

func TestReadingValidity(t *testing.T) {
	tests := []struct {
		name string
		r    Reading
		want bool
	}{
		{"zero pain", at(SourceDaily, t0(), 0), true},
		{"ten", at(SourceManual, t0(), 10), true},
		{"negative, as a missed prompt might be stored", at(SourceDaily, t0(), -1), false},
		{"eleven", at(SourceDaily, t0(), 11), false},
		{"no source", Reading{At: t0(), Pain: 3}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.Valid(); got != tt.want {
				t.Errorf("Valid() = %v, want %v", got, tt.want)
			}
		})
	}
}
