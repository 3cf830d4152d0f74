package knowledge

import "testing"

func TestStemJoinsWordFamilies(t *testing.T) {
	families := map[string][]string{
		"squat families":   {"squat", "squats", "squatting", "squatted"},
		"deadlift":         {"deadlift", "deadlifts", "deadlifting", "deadlifted"},
		"stretch":          {"stretch", "stretches", "stretching", "stretched"},
		"brace":            {"brace", "bracing", "braced", "braces"},
		"injury":           {"injury", "injuries"},
		"numbness":         {"numb", "numbness"},
		"manipulation":     {"manipulation", "manipulate"},
		"decompress":       {"decompress", "decompression"},
		"heavier to heavy": {"heavy", "heavier"},
		"ice":              {"ice", "icing", "iced"},
	}
	for name, words := range families {
		t.Run(name, func(t *testing.T) {
			want := stem(words[0])
			for _, w := range words[1:] {
				if got := stem(w); got != want {
					t.Errorf("stem(%q) = %q, stem(%q) = %q: want the same", w, got, words[0], want)
				}
			}
		})
	}
}

func TestStemKeepsDifferentWordsApart(t *testing.T) {
	pairs := [][2]string{
		{"number", "numb"}, {"numbers", "numb"}, {"sciatica", "sciatic"}, {"stiff", "stiffen"},
		{"knees", "kne"}, {"bus", "bu"},
	}
	for _, p := range pairs {
		if stem(p[0]) == stem(p[1]) {
			t.Errorf("stem(%q) == stem(%q) == %q", p[0], p[1], stem(p[0]))
		}
	}
}

func TestStemLeavesShortAndNonASCIIWords(t *testing.T) {
	for _, w := range []string{"abs", "dl", "rücken", "5rm"} {
		if got := stem(w); got != w {
			t.Errorf("stem(%q) = %q, want it unchanged", w, got)
		}
	}
}
