package knowledge

import "testing"

func TestSafetyFindsEmergencies(t *testing.T) {
	s := mustDefault(t).safety
	tests := []struct {
		name, question string
		want           safetyRule
	}{
		{"groin numb", "my groin has gone numb since deadlifts", ruleSaddleNumbness},
		{"slang taint", "cant feel my taint after deads", ruleSaddleNumbness},
		{"typo numbness crotch", "numbnes in my crotch after squats", ruleSaddleNumbness},
		{"typo groin swap", "my grion feels numb", ruleSaddleNumbness},
		{"pins and needles anus", "pins and needles around my anus since the tweak", ruleSaddleNumbness},
		{"wiping", "no feeling when i wipe after the toilet", ruleSaddleNumbness},
		{"both buttocks", "both butt cheeks are numb", ruleSaddleNumbness},
		{"slang testicles", "my balls feel numb after deadlifts", ruleSaddleNumbness},
		{"altered sensation", "toilet paper feels weird when I wipe", ruleSaddleNumbness},
		{"hedged", "not sure if the numbness in my groin is serious", ruleSaddleNumbness},
		{"denial does not carry past but", "no pain in my legs but my groin is numb", ruleSaddleNumbness},
		{"peed", "i peed myself on a heavy squat and now i cant tell when i need to go", ruleBladderBowel},
		{"cant pee", "cant pee since my back went", ruleBladderBowel},
		{"typo trouble", "truoble peeing since the tweak", ruleBladderBowel},
		{"typo incontinence", "incontinance since my back went out", ruleNewLeakage},
		{"bowels", "lost control of my bowles", ruleBladderBowel},
		{"nothing comes out", "bladder feels full but nothing comes out", ruleBladderBowel},
		{"sexual slang", "since tweaking my back i cant get it up", ruleSexual},
		{"erectile", "erectile problems since my back injury", ruleSexual},
		{"numb during sex", "it feels numb during sex since i hurt my back", ruleSexual},
		{"both legs weak", "both legs feel weak after deadlifts", ruleBothLegs},
		{"legs went dead", "bro both my legs went dead after that pull", ruleBothLegs},
		{"legs giving way", "my legs keep giving way on the stairs", ruleBothLegs},
		{"worsening leg", "my left leg is getting weaker by the hour", ruleWorsening},
		{"foot drop", "foot drop since squats, keep tripping", ruleWorsening},
		{"foot slapping", "my right foot keeps slapping the floor", ruleWorsening},
		{"dropped bar", "dropped the bar on my back doing squats", ruleTrauma},
		{"car crash", "car crash last week and my lower back hurts", ruleTrauma},
		{"fall", "fell off a ladder and landed on my back", ruleTrauma},
		{"fall at home", "I fell in the shower and my back hurts", ruleTrauma},
		{"bar fell", "the bar slipped and it fell on my back", ruleTrauma},
		{"bar rolled", "barbell rolled onto my back", ruleTrauma},
		{"cancer", "had breast cancer, now my leg feels weak", ruleCancer},
		{"chemo", "finished chemo last year and now my foot is tingly", ruleCancer},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := s.check(tokenize(tt.question)).emergency; got != tt.want {
				t.Errorf("%q: rule %q, want %q", tt.question, got, tt.want)
			}
		})
	}
}

func TestSafetyLeavesOrdinaryQuestionsAlone(t *testing.T) {
	s := mustDefault(t).safety
	tests := []struct{ name, question string }{
		{"groin strain", "groin strain on sumo deadlifts"},
		{"denied symptoms", "no numbness in my groin and no bladder problems, just a sore back"},
		{"denied list", "I don't have any groin numbness or bladder issues"},
		{"numb after sitting", "my butt goes numb after sitting on the toilet for ages"},
		{"one leg", "numbness down my left leg only"},
		{"sore legs", "my legs are sore after squats"},
		{"fell asleep", "I fell asleep on the couch and woke up stiff"},
		{"fell asleep on my back", "fell asleep on my back and it hurts now"},
		{"chest falls forward", "my chest falls forward in the squat"},
		{"knees fall in", "my knees fall in when i squat"},
		{"bar fell forward", "the bar fell forward on my last squat and i dumped it"},
		{"plans fell through", "my meet plans fell through because of my back"},
		{"pain number dropped", "my pain dropped from 6 to 3"},
		{"dropped the weight", "dropped the weight and added reps"},
		{"dropped the bar on the floor", "dropped the bar on the floor after my last rep"},
		{"cant get up", "cant get up from the floor without pain"},
		{"lift getting weaker", "my deadlift is getting weaker since the tweak"},
		{"bladder fine", "bladder control is fine, just back pain"},
		{"pee often", "cant sleep and have to pee a lot at night"},
		{"leg day", "legs feel like jelly after leg day"},
		{"dead bugs", "going to do dead bugs for my legs and core"},
		{"balls of the feet", "the balls of my feet go numb in lifting shoes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := s.check(tokenize(tt.question)); got.emergency != "" || got.crisis {
				t.Errorf("%q: got %+v, want nothing", tt.question, got)
			}
		})
	}
}

func TestSafetyFindsCrisis(t *testing.T) {
	s := mustDefault(t).safety
	for _, q := range []string{
		"I want to kill myself",
		"kms my back is ruined",
		"thinking about ending it all",
		"i dont want to be here anymore",
		"i've started cutting myself again",
		"what's the point of living if i cant lift",
		"having sucidal thoughts",
		"feeling suicidel",
		"i wanna die",
		"everyone would be better off without me",
		"thinking about self-harm",
		"i want to hurt myself",
		"i have pills saved up",
		"dont want to wake up tomorrow",
		"i burn myself on purpose when it gets bad",
		"part of me hopes i wont wake up tomorrow",
		"some nights i pray i never wake up",
		"i just want to go to sleep and never wake up",
		"ive been deliberately injuring myself",
		"i punished myself on purpose after the meet",
	} {
		t.Run(q, func(t *testing.T) {
			if !s.check(tokenize(q)).crisis {
				t.Errorf("%q: no crisis found", q)
			}
		})
	}
}

func TestSafetyIgnoresGymHyperbole(t *testing.T) {
	s := mustDefault(t).safety
	for _, q := range []string{
		"i hurt myself deadlifting",
		"this pain is killing me",
		"deadlifts are killing my back",
		"i keep hurting myself on squats",
		"i hurt myself on the last set",
		"i cut my hand on the knurling",
		"i wish i didnt wake up so stiff every morning",
		"hoping i dont wake up sore after leg day",
		"i end the session with planks",
		"should i cut myself some slack on volume",
		"my back is dead tired after leg day",
	} {
		t.Run(q, func(t *testing.T) {
			if got := s.check(tokenize(q)); got.crisis || got.emergency != "" {
				t.Errorf("%q: got %+v, want nothing", q, got)
			}
		})
	}
}

func TestAnswerSafetyBeatsRanking(t *testing.T) {
	b := mustDefault(t)
	tests := []struct {
		name, question string
		kind           ResultKind
		alsoCrisis     bool
	}{
		{"emergency in a heat question", "should i use heat or ice, my groin is numb", ResultEmergency, false},
		{"crisis in a form question", "squat form tips, honestly i want to die", ResultCrisis, false},
		{"both", "cant feel my groin and i want to end it all", ResultEmergency, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := b.Answer(tt.question)
			if r.Kind != tt.kind || r.AlsoCrisis != tt.alsoCrisis {
				t.Errorf("got %v (also crisis %v), want %v (%v)", r.Kind, r.AlsoCrisis, tt.kind, tt.alsoCrisis)
			}
			if r.Entry == nil || r.Entry.Kind == KindTopic {
				t.Errorf("entry = %v, want the emergency or crisis entry", r.Entry)
			}
		})
	}
}

// Hidden characters arrive with copy-paste; inside a word they must not
// hide an emergency or a crisis (issue 12, item 1).
func TestAnswerSeesThroughHiddenCharacters(t *testing.T) {
	b := mustDefault(t)
	tests := []struct {
		question string
		want     ResultKind
	}{
		{"my groin is num\u200bb since deadlifts", ResultEmergency},
		{"in\u00adcontinence since my back went", ResultEmergency},
		{"i want to kill my\u2060self", ResultCrisis},
		{"feeling sui\u200dcidal", ResultCrisis},
		{"ｍｙ ｇｒｏｉｎ ｉｓ ｎｕｍｂ", ResultEmergency},
	}
	for _, tt := range tests {
		q, err := CheckQuestion(tt.question)
		if err != nil {
			t.Fatalf("CheckQuestion(%q): %v", tt.question, err)
		}
		if got := b.Answer(q).Kind; got != tt.want {
			t.Errorf("%q: got %v, want %v", tt.question, got, tt.want)
		}
	}
}

// Leaking under a heavy lift is common; it is a warning sign when it is
// new since the back began to hurt, told together with back pain, or
// comes with numbness (clinical-notes.md, stress leakage).
func TestSafetyTellsStressLeakageFromANewBladderProblem(t *testing.T) {
	s := mustDefault(t).safety
	tests := []struct {
		question  string
		emergency bool
	}{
		{"i leak a little pee on heavy squats, is that normal?", false},
		{"always leaked a bit on heavy deadlifts since having kids, back is fine", false},
		{"peed myself a bit and my back is killing me after squats", true},
		{"started leaking when i cough since my back went", true},
		{"leak a little on squats and my groin feels numb", true},
	}
	for _, tt := range tests {
		if got := s.check(tokenize(tt.question)).emergency != ""; got != tt.emergency {
			t.Errorf("%q: emergency = %v, want %v", tt.question, got, tt.emergency)
		}
	}
}
