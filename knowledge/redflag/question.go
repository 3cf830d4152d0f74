package redflag

// Group says what a yes to a question means for urgency, and how its
// questions are asked.
type Group int

// The groups, in the order their questions are asked.
const (
	// GroupEmergency questions send the member to an emergency department;
	// each has a screen of its own, and a yes ends the check at once.
	GroupEmergency Group = iota + 1
	// GroupSameDay questions need a doctor today; they share one
	// "tick any that apply" screen.
	GroupSameDay
	// GroupSeeSoon questions need a doctor or physiotherapist within a week
	// or two; they share one "tick any that apply" screen.
	GroupSeeSoon
	// GroupMood is the low-mood question: a yellow flag that slows recovery,
	// not a sign of serious disease, so it never raises the level.
	GroupMood
)

// level is the urgency a yes in the group asks for; the mood group asks for none.
func (g Group) level() Level {
	switch g {
	case GroupEmergency:
		return LevelEmergency
	case GroupSameDay:
		return LevelSameDay
	case GroupSeeSoon:
		return LevelSeeSoon
	default:
		return LevelSelfCare
	}
}

// Checklist reports whether the group's questions are asked together on one
// screen as "tick any that apply". Emergency questions never are: each
// stays on a screen of its own so a yes can end the check at once, and the
// mood question offers the crisis answer, which a tick box cannot.
func (g Group) Checklist() bool { return g == GroupSameDay || g == GroupSeeSoon }

// screenID names the group's checklist screen in custom_ids.
func (g Group) screenID() string {
	switch g {
	case GroupSameDay:
		return "same_day"
	case GroupSeeSoon:
		return "see_soon"
	default:
		return ""
	}
}

// Question is one warning sign the check asks about.
type Question struct {
	// ID is the stable short name used in custom_ids and database rows; it is
	// never renamed.
	ID string
	// Group decides how the question is asked and, unless Level is set,
	// what a yes means.
	Group Group
	// Level, when set, is the urgency a yes asks for instead of the group's.
	Level Level
	// Text is what the member reads: a question on a screen of its own, or a
	// statement in a checklist.
	Text string
	// Label is the checklist item's name in the select menu (Discord allows
	// 100 characters); empty for questions asked on their own.
	Label string
	// Hint is the line under Label in the select menu (at most 100 characters).
	Hint string
}

// level is the urgency a yes to the question asks for.
func (q Question) level() Level {
	if q.Level != 0 {
		return q.Level
	}
	return q.Group.level()
}

// Choices lists the answers offered for the question, in button order. A
// checklist item is ticked (Yes) or left (No); ticking covers "not sure",
// as the checklist screen says.
func (q Question) Choices() []Answer {
	if q.Group == GroupMood {
		return []Answer{AnswerYes, AnswerNo, AnswerNotSure, AnswerCrisis}
	}
	return []Answer{AnswerYes, AnswerNo, AnswerNotSure}
}

func (q Question) allows(a Answer) bool {
	for _, c := range q.Choices() {
		if c == a {
			return true
		}
	}
	return false
}

// Questions returns the whole question set in the order it is asked: the
// most urgent signs first, so a member who needs an ambulance is told so
// before anything else. Sources: Chou et al. 2007 (ACP/APS), NICE CKS (Back
// pain - low without radiculopathy; Sciatica), the GIRFT National Suspected
// Cauda Equina Syndrome pathway (2023), IFOMPT (Finucane 2020), CDC/NIOSH on
// exertional rhabdomyolysis, NICE NG65 on inflammatory back pain; see
// clinical-notes.md.
func Questions() []Question {
	return []Question{
		{ID: "saddle", Group: GroupEmergency, Text: "Do you have new numbness or tingling in the area you would sit on a saddle: between your legs, your genitals or around your back passage (anus)?"},
		{ID: "bladder", Group: GroupEmergency, Text: "Since your back started hurting, have you had new bladder trouble: finding it hard to start or stop peeing, not being able to pee at all, or leaking pee without meaning to?"},
		{ID: "bowel", Group: GroupEmergency, Text: "Since your back started hurting, have you lost control of your bowels: not being able to hold in poo, or not feeling when you need to go?"},
		{ID: "sexual", Group: GroupEmergency, Text: "Since your back started hurting, have you noticed new problems with sex, such as less feeling in your genitals or new trouble getting or keeping an erection?"},
		{ID: "both_legs", Group: GroupEmergency, Text: "Do you have numbness, pins and needles, weakness or shooting nerve pain running down BOTH legs, or a leg that is getting weaker, or a foot that drops or drags when you walk? Achy muscles after leg day don't count."},
		{ID: "trauma", Group: GroupEmergency, Text: "Did the pain start after a serious accident or fall, such as a car crash, a fall from a height, or a loaded barbell dropped onto your back?"},
		{ID: "cancer_legs", Group: GroupEmergency, Text: "Have you ever had cancer, and do you now have new weakness or numbness in your legs, or new trouble walking?"},
		{ID: "dark_pee", Group: GroupEmergency, Text: "After a hard, long or unusual session, are your muscles very sore or swollen AND is your pee dark (brown, red, or like cola or tea), or are you peeing much less than usual?"},
		{ID: "sudden_pain", Group: GroupEmergency, Text: "Did your pain come on suddenly and severely, or does it feel tearing or ripping, or does it come with belly or chest pain or pressure, fainting, dizziness, sweating or breathlessness?"},

		{ID: "fever", Group: GroupSameDay, Text: "A fever (38°C / 100.4°F or more), chills or feeling hot and shivery, or drenching sweats at night, along with the back pain.",
			Label: "Fever, chills or drenching night sweats", Hint: "38°C / 100.4°F or more, or feeling hot and shivery, with the back pain"},
		{ID: "infection", Group: GroupSameDay, Text: "A recent bacterial infection (for example one treated with antibiotics), injecting drugs, or a weakened immune system: steroid tablets taken for months, transplant or rheumatology medicines, HIV, or chemotherapy.",
			Label: "A recent infection, injecting drugs, or a weakened immune system", Hint: "e.g. steroid tablets for months, transplant or rheumatology medicines, HIV, chemotherapy"},
		{ID: "weight_loss", Group: GroupSameDay, Text: "Losing weight recently without trying to (not from a diet or a cut).",
			Label: "Weight loss you can't explain", Hint: "Not from a diet or a cut"},
		{ID: "cancer", Group: GroupSameDay, Text: "Having been treated for cancer, at any time.",
			Label: "Treatment for cancer, at any time", Hint: "Even long ago"},
		{ID: "night_pain", Group: GroupSameDay, Text: "Pain that is worse at night, or does not ease at all when you rest or lie down, whatever position you try.",
			Label: "Pain worse at night, or not eased at all by rest", Hint: "Whatever position you try"},
		{ID: "steroids_bones", Group: GroupSameDay, Text: "Steroid medicine (such as prednisolone) taken for months, or thin bones (osteoporosis), AND this pain started after only a small strain or fall.",
			Label: "Steroids for months or thin bones, and pain after a small strain", Hint: "Such as prednisolone, or osteoporosis; the pain began after a minor strain or fall"},
		{ID: "spine_procedure", Group: GroupSameDay, Text: "An operation, an injection or another procedure on your spine in the last few months.",
			Label: "A spine operation, injection or procedure", Hint: "In the last few months"},
		{ID: "age_new_pain", Group: GroupSameDay, Text: "Being under 20 or over 50, with back pain that is new and did not clearly start with a lift or a particular movement.",
			Label: "Under 20 or over 50, with new pain that has no clear cause", Hint: "It did not clearly start with a lift or a particular movement"},
		{ID: "blood_pee", Group: GroupSameDay, Text: "Blood in your pee (pink, red or brown) along with pain in your back or side.",
			Label: "Blood in your pee, with back or side pain", Hint: "Pink, red or brown pee"},
		{ID: "one_leg", Group: GroupSameDay, Level: LevelWithinDays, Text: "New numbness or mild weakness in ONE leg that is staying the same, not getting worse.",
			Label: "New numbness or mild weakness in one leg, not getting worse", Hint: "Staying the same; getting worse or a dropping foot needs emergency help"},

		{ID: "four_weeks", Group: GroupSeeSoon, Text: "Pain for about 4 weeks or more without it getting better.",
			Label: "Pain for 4 weeks or more, not getting better", Hint: "Counting from when this pain started"},
		{ID: "below_knee", Group: GroupSeeSoon, Text: "Pain that travels down one leg to below your knee (into your calf or foot).",
			Label: "Pain running down one leg to below the knee", Hint: "Into your calf or foot"},
		{ID: "twos_broken", Group: GroupSeeSoon, Text: "Over the last couple of weeks, pain that keeps staying 2 or more points (out of 10) above your usual level for more than 2 hours after training, even after you eased off.",
			Label: "Pain often 2+ points above usual for over 2 hours after training", Hint: "Over the last couple of weeks, even after easing off"},
		{ID: "inflammatory", Group: GroupSeeSoon, Text: "Back pain for 3 months or more, stiff for over 30 minutes in the morning, easing when you exercise and worse with rest (it may wake you in the second half of the night).",
			Label: "Months of back pain with morning stiffness over 30 minutes", Hint: "Eases with exercise, worse with rest, may wake you in the early hours"},
		{ID: "young_arching", Group: GroupSeeSoon, Text: "Being under 20, with back pain when you arch or lean backwards that has lasted more than 2 weeks.",
			Label: "Under 20, with pain on arching or leaning back for over 2 weeks", Hint: "For example in overhead presses, back extensions or gymnastics"},

		{ID: "low_mood", Group: GroupMood, Text: "Lately, have you been feeling low or hopeless, or very worried about your back, for example scared that moving will damage it? If you have had thoughts of harming yourself, please choose that button."},
	}
}

// Lookup finds a question by its ID.
func Lookup(id string) (Question, bool) {
	for _, q := range Questions() {
		if q.ID == id {
			return q, true
		}
	}
	return Question{}, false
}
