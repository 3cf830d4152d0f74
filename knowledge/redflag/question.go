package redflag

// Group says what a yes to a question means for urgency.
type Group int

// The groups, in the order their questions are asked.
const (
	// GroupEmergency questions send the member to an emergency department;
	// a yes ends the check at once.
	GroupEmergency Group = iota + 1
	// GroupSameDay questions need a doctor today.
	GroupSameDay
	// GroupSeeSoon questions need a GP or physiotherapist within a week or two.
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

// Question is one step of the check.
type Question struct {
	// ID is the stable short name used in custom_ids and database rows; it is
	// never renamed.
	ID string
	// Group decides what a yes means.
	Group Group
	// Text is the question as the member reads it.
	Text string
}

// Choices lists the answers offered for the question, in button order.
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
// before anything else.
func Questions() []Question {
	return []Question{
		{ID: "saddle", Group: GroupEmergency, Text: "Do you have new numbness or tingling in the area you would sit on a saddle: between your legs, your genitals or around your back passage (anus)?"},
		{ID: "bladder", Group: GroupEmergency, Text: "Since your back started hurting, have you had new bladder trouble: finding it hard to start or stop peeing, not being able to pee at all, or leaking pee without meaning to?"},
		{ID: "bowel", Group: GroupEmergency, Text: "Since your back started hurting, have you lost control of your bowels: not being able to hold in poo, or not feeling when you need to go?"},
		{ID: "sexual", Group: GroupEmergency, Text: "Since your back started hurting, have you noticed new problems with sex, such as less feeling in your genitals or new trouble getting or keeping an erection?"},
		{ID: "both_legs", Group: GroupEmergency, Text: "Do you have pain, weakness, numbness or pins and needles in BOTH legs, or is one leg getting weaker quickly (for example your foot slapping down or your knee giving way)?"},
		{ID: "trauma", Group: GroupEmergency, Text: "Did the pain start after a serious accident or fall, such as a car crash, a fall from a height, or a loaded barbell dropped onto your back?"},
		{ID: "cancer_legs", Group: GroupEmergency, Text: "Have you ever had cancer, and do you now have new weakness or numbness in your legs, or new trouble walking?"},
		{ID: "fever", Group: GroupSameDay, Text: "Along with the back pain, do you have a fever (38°C / 100.4°F or more), chills, or do you feel hot and shivery?"},
		{ID: "infection", Group: GroupSameDay, Text: "Have you recently had a bacterial infection (for example one treated with antibiotics), do you inject drugs, or is your immune system weakened (for example by medicines that suppress it, or by chemotherapy)?"},
		{ID: "weight_loss", Group: GroupSameDay, Text: "Have you lost weight recently without trying to (not from a diet or a cut)?"},
		{ID: "cancer", Group: GroupSameDay, Text: "Have you ever been treated for cancer?"},
		{ID: "night_pain", Group: GroupSameDay, Text: "Is the pain worse at night, or does it not ease at all when you rest or lie down, whatever position you try?"},
		{ID: "steroids_bones", Group: GroupSameDay, Text: "Have you taken steroid medicine (such as prednisolone) for months, or been told you have thin bones (osteoporosis), AND did this pain start after only a small strain or fall?"},
		{ID: "spine_procedure", Group: GroupSameDay, Text: "Have you had an operation, an injection or another procedure on your spine in the last few months?"},
		{ID: "age_new_pain", Group: GroupSameDay, Text: "Are you under 20 or over 50, with back pain that is new and did not clearly start with a lift or a particular movement?"},
		{ID: "four_weeks", Group: GroupSeeSoon, Text: "Have you had this pain for about 4 weeks or more without it getting better?"},
		{ID: "below_knee", Group: GroupSeeSoon, Text: "Does pain travel down one leg to below your knee (into your calf or foot)?"},
		{ID: "twos_broken", Group: GroupSeeSoon, Text: "Over the last couple of weeks, has your pain kept staying 2 or more points (out of 10) above your usual level for more than 2 hours after training, even after you eased off?"},
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
