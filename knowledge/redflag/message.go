package redflag

import (
	"slices"
	"strings"

	"github.com/spotter-bot/spotter/knowledge/contacts"
)

// Disclaimer is the line shown under every outcome.
const Disclaimer = "Spotter is not a doctor: this check points you to the right kind of help, it does not diagnose anything. If you are worried, trust that and contact a health professional."

// Rendered holds the texts the bot shows for an outcome. Non-empty texts are
// shown in field order; each is plain language and at most 1,200 characters,
// well inside Discord's embed limits.
type Rendered struct {
	// Title is the headline: what to do, in a few words.
	Title string
	// Body explains in plain language why, without naming any diagnosis.
	Body string
	// Action says where to go and which number to call.
	Action string
	// CrisisHelp lists crisis lines; empty unless the member mentioned self-harm.
	CrisisHelp string
	// Support has kind words and where to find support for low mood; empty
	// when there was no low mood or CrisisHelp already covers it.
	Support string
	// UnsureNote says that "Not sure" was counted as yes; empty otherwise.
	UnsureNote string
	// SafetyNet is the closing line of every outcome short of an emergency:
	// the signs that mean getting help now, and the number to call.
	SafetyNet string
	// Disclaimer is the standing "not a doctor" line.
	Disclaimer string
	// RelatedEntries are knowledge-base entry IDs to offer; only for self-care.
	RelatedEntries []string
	// OfferCheckIns is true when the bot should offer to start pain check-ins.
	OfferCheckIns bool
}

// Message renders the outcome for a member in region (a contacts code such as
// "GB"; unknown or empty lists every region), with the member's own emergency
// and crisis numbers first.
func (o Outcome) Message(region string) Rendered {
	r := Rendered{
		Title:      title(o.Level),
		Body:       body(o.Level),
		Action:     action(o.Level, region) + extras(o.Triggers),
		Disclaimer: Disclaimer,
	}
	if o.Level < LevelEmergency {
		r.SafetyNet = SafetyNet(region)
	}
	switch o.Level {
	case LevelSelfCare:
		r.RelatedEntries = []string{"relative-rest", "rule-of-twos", "heat-vs-ice", "return-to-lifting"}
		r.OfferCheckIns = true
	case LevelSeeSoon, LevelWithinDays:
		r.OfferCheckIns = true
	}
	if o.Crisis {
		r.Title = "Please reach out for support now"
		if o.Level == LevelEmergency {
			r.Title = "Please get help now"
		}
		r.Body = crisisBody
		if o.Level > LevelSelfCare {
			r.Body += "\n\n" + body(o.Level)
		} else {
			r.Action = ""
			r.RelatedEntries = nil
			r.OfferCheckIns = false
		}
		r.CrisisHelp = crisisHelp(region)
	} else if o.LowMood {
		r.Support = lowMoodSupport
	}
	if o.CountedUnsure {
		r.UnsureNote = "You answered \"Not sure\" at least once. To be on the safe side, I counted that as a yes."
	}
	return r
}

// SafetyNet is one line naming the signs that mean getting help now and the
// member's emergency number ("your local emergency number" when the region
// is unknown). Every outcome short of an emergency ends with it, and so
// does every check-in DM. The signs are those of the emergency questions:
// cauda equina and the non-spinal emergencies in clinical-notes.md.
func SafetyNet(region string) string {
	return callEmergencyCap(region) + " now for numbness between your legs, new bladder or bowel trouble, leg weakness that is getting worse or in both legs, sudden severe or tearing pain, chest pain, or dark pee with very sore muscles."
}

func title(l Level) string {
	switch l {
	case LevelEmergency:
		return "Go to an emergency department now"
	case LevelSameDay:
		return "Get checked by a doctor today"
	case LevelWithinDays:
		return "See a doctor within a day or two"
	case LevelSeeSoon:
		return "Book a check-up in the next week or two"
	default:
		return "No warning signs in your answers"
	}
}

func body(l Level) string {
	switch l {
	case LevelEmergency:
		return "Some of your answers are warning signs that a doctor needs to check straight away. They often turn out to be something less serious, but when they do matter, acting fast makes a real difference. Please don't wait to see whether it settles, and don't drive yourself if your legs feel weak or numb."
	case LevelSameDay:
		return "Some of your answers are signs that need checking today. Most of the time they turn out to be nothing serious, but a doctor should see you today rather than waiting to see whether it settles."
	case LevelWithinDays:
		return "New numbness or mild weakness in one leg that is staying the same is not an emergency, but a doctor should check it within a day or two rather than waiting to see whether it settles. Keep moving gently in the meantime."
	case LevelSeeSoon:
		return "Nothing in your answers needs emergency care, but some of them mean a health professional should take a look. Keep moving gently in the meantime: staying active usually helps more than resting in bed."
	default:
		return "None of your answers point to a warning sign. Most back pain after squats or deadlifts is a sore, irritated back rather than damage, and it usually eases over days to a few weeks with sensible changes to training."
	}
}

const crisisBody = "Thank you for telling me. You deserve support with thoughts like these, and you don't have to carry them alone. Please reach out to one of the lines below now: they are there to listen."

const lowMoodSupport = "Thank you for telling me. Feeling low or worried when your back hurts and training is disrupted is common, and it can make pain harder to shake. You don't have to deal with it alone: talking to your doctor (GP or family doctor), a physiotherapist or someone you trust can really help."

// seeYourDoctor is how every region's member is told to see their own doctor.
const seeYourDoctor = "your doctor (GP or family doctor)"

func action(l Level, region string) string {
	switch l {
	case LevelEmergency:
		return "Go to the nearest emergency department now, or call the emergency number:\n" + numberList(contacts.EmergencyLines(region)) + "\nIf you can, have someone go with you."
	case LevelSameDay:
		options := []string{
			"call " + seeYourDoctor + " and ask to be seen today",
			"go to an urgent care centre or a walk-in clinic",
		}
		if r, ok := contacts.Lookup(region); ok && r.Urgent != "" {
			options = append(options, "call "+r.Urgent)
		}
		return "Today, do one of these:\n" + bullets(options)
	case LevelWithinDays:
		return "Book to see " + seeYourDoctor + " within the next day or two, and say the numbness or weakness in your leg is new. " +
			"If the weakness gets worse, your foot starts to drop or drag, or the other leg is affected too, that is an emergency: " + callEmergency(region) + " now."
	case LevelSeeSoon:
		return "Book an appointment with " + seeYourDoctor + " or a physiotherapist in the next week or two. Go sooner, or run this check again, if anything new appears. If you like, I can check in with you by DM to keep track of your pain until then."
	default:
		return "Keep moving within what feels OK, ease off the lifts that flare it, and see how it responds over the next days. The guides below explain how. Run this check again if anything new appears. If you like, I can check in with you by DM to keep track of your pain."
	}
}

// triggerAdvice adds what a particular sign asks for to the outcome's
// action, in question order.
var triggerAdvice = []struct{ id, text string }{
	// CDC/NIOSH first aid for exertional rhabdomyolysis.
	{"dark_pee", "Stop training and drink water. Tell the staff your muscles are very sore and your pee is dark after a hard session, and ask whether they will check your creatine kinase (CK)."},
	// Possible aortic, heart or lung cause: an ambulance, not a lift to hospital.
	{"sudden_pain", "With sudden, severe or tearing pain, chest pain, fainting or breathlessness, call for an ambulance rather than getting yourself there."},
	{"blood_pee", "If you also have a fever and feel very unwell, go to an emergency department now."},
	// Inflammatory back pain is not to be reassured away (NICE NG65).
	{"inflammatory", "Mention the long morning stiffness that eases with exercise: it is worth a doctor's look, not just normal stiffness."},
	// Young lifters with pain on arching: ease off extension-heavy work.
	{"young_arching", "Until then, ease off lifts and drills that arch or lean your back backwards."},
}

func extras(triggers []string) string {
	var out string
	for _, t := range triggerAdvice {
		if slices.Contains(triggers, t.id) {
			out += "\n" + t.text
		}
	}
	return out
}

func crisisHelp(region string) string {
	return "You can talk to someone now:\n" + bullets(contacts.CrisisLines(region)) + "\nIf you might act on these thoughts or are not safe right now, " + callEmergency(region) + " or go to an emergency department."
}

func callEmergency(region string) string {
	if r, ok := contacts.Lookup(region); ok {
		return "call " + r.Emergency
	}
	return "call your local emergency number"
}

func callEmergencyCap(region string) string {
	s := callEmergency(region)
	return strings.ToUpper(s[:1]) + s[1:]
}

// numberList lists emergency numbers as bullets; a leading line that ends
// in a colon (such as "Your local emergency number. Common ones:") is a
// heading, not a number, and stays unbulleted.
func numberList(lines []string) string {
	if len(lines) > 1 && strings.HasSuffix(lines[0], ":") {
		return lines[0] + "\n" + bullets(lines[1:])
	}
	return bullets(lines)
}

func bullets(lines []string) string {
	return "- " + strings.Join(lines, "\n- ")
}
