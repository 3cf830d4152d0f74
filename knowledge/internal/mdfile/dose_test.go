package mdfile

import (
	"strings"
	"testing"
)

func TestDoseLikeRejectsDoses(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"milligrams with a space", "Take 400 mg with food.", "400 mg"},
		{"milligrams joined", "a 500mg tablet", "500mg"},
		{"grams", "no more than 2 g in a day", "2 g"},
		{"grams in full", "about 3 grams", "3 grams"},
		{"decimal grams", "1.5 g of it", "1.5 g"},
		{"thousands separator", "1,000 mg at most", "1,000 mg"},
		{"millilitres joined", "10ml of syrup", "10ml"},
		{"millilitres in full", "5 millilitres", "5 millilitres"},
		{"micrograms", "50 mcg", "50 mcg"},
		{"international units", "1000 IU of vitamin D", "1000 IU"},
		{"teaspoons", "two teaspoons", "two teaspoons"},
		{"amount in words", "half a gram", "half a gram"},
		{"hyphenated amount", "a 200-mg dose", "200-mg"},
		{"tablets counted", "take 2 tablets", "2 tablets"},
		{"tablets counted in words", "two paracetamol tablets", "two paracetamol tablets"},
		{"pills counted", "three pills", "three pills"},
		{"capsules counted", "1 capsule", "1 capsule"},
		{"doses counted", "skip one dose", "one dose"},
		{"tablets a day", "how many tablets a day", "tablets a day"},
		{"pills per day", "pills per day", "pills per day"},
		{"times a day", "3 times a day", "3 times a day"},
		{"times per day in words", "three times per day", "three times per day"},
		{"twice a day", "twice a day with meals", "twice a day"},
		{"once a day", "once a day", "once a day"},
		{"twice daily", "twice daily", "twice daily"},
		{"times daily", "4 times daily", "4 times daily"},
		{"every hours", "every 4 hours", "every 4 hours"},
		{"every hours range", "every 4-6 hours", "every 4-6 hours"},
		{"every hours in words", "every six hours", "every six hours"},
		{"per day slash", "3/day", "3/day"},
		{"latin schedule", "one tab t.i.d.", "t.i.d."},
		{"q-hours schedule", "q6h as needed", "q6h"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, m := range DoseLike(tc.text) {
				if strings.EqualFold(m.Text, tc.want) {
					return
				}
			}
			t.Errorf("DoseLike(%q) = %v, want a match %q", tc.text, DoseLike(tc.text), tc.want)
		})
	}
}

func TestDoseLikeAcceptsTrainingNumbers(t *testing.T) {
	for _, text := range []string{
		"Give it 2 weeks.",
		"a warm pack for 20 minutes",
		"about 2 hours after training",
		"get up every 30 minutes",
		"about 1 in 3 people",
		"5 sets of 5",
		"100 kg is a load, not a dose",
		"225 lb on the bar",
		"a 5 km walk",
		"toes out about 30 degrees",
		"7 out of 10 or more",
		"disc wear in 37% of pain-free 20-year-olds",
		"rate your pain 0-10 each day",
		"tempo squats (3 s down)",
		"the 90/90 rest",
		"one leg getting weaker",
		"at L5",
		"sets of 15 at 60%",
		"stiffness over 30 minutes in the morning",
		"aged 16 to 20",
		"ask a pharmacist before mixing two painkillers",
		"a dose pack",
		"the RDL and the good morning",
	} {
		if got := DoseLike(text); len(got) > 0 {
			t.Errorf("DoseLike(%q) = %v, want no match", text, got)
		}
	}
}

func TestCheckDosesNamesTheFileFieldAndText(t *testing.T) {
	problems := CheckDoses("nsaids.md", "## What to do now", "Take 400 mg every 4 hours.")
	hasProblem(t, problems, "nsaids.md", "## What to do now", `dose-like text "400 mg" (an amount of a medicine)`)
	hasProblem(t, problems, "nsaids.md", "## What to do now", `dose-like text "every 4 hours" (a dosing schedule)`)
	if len(problems) != 2 {
		t.Errorf("want 2 problems, got %v", problems)
	}
	noProblems(t, CheckDoses("a.md", "title", "Heat or ice?"))
}
