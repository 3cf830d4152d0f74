package redflag

import (
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
		Action:     action(o.Level, region),
		Disclaimer: Disclaimer,
	}
	switch o.Level {
	case LevelSelfCare:
		r.RelatedEntries = []string{"relative-rest", "rule-of-twos", "heat-vs-ice", "return-to-lifting"}
		r.OfferCheckIns = true
	case LevelSeeSoon:
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

func title(l Level) string {
	switch l {
	case LevelEmergency:
		return "Go to an emergency department now"
	case LevelSameDay:
		return "Get checked by a doctor today"
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
	case LevelSeeSoon:
		return "Nothing in your answers needs emergency care, but some of them mean a health professional should take a look. Keep moving gently in the meantime: staying active usually helps more than resting in bed."
	default:
		return "None of your answers point to a warning sign. Most back pain after squats or deadlifts is a sore, irritated back rather than damage, and it usually eases over days to a few weeks with sensible changes to training."
	}
}

const crisisBody = "Thank you for telling me. You deserve support with thoughts like these, and you don't have to carry them alone. Please reach out to one of the lines below now: they are there to listen."

const lowMoodSupport = "Thank you for telling me. Feeling low or worried when your back hurts and training is disrupted is common, and it can make pain harder to shake. You don't have to deal with it alone: talking to your GP, a physiotherapist or someone you trust can really help."

func action(l Level, region string) string {
	switch l {
	case LevelEmergency:
		return "Go to the nearest emergency department now, or call the emergency number:\n" + bullets(contacts.EmergencyLines(region)) + "\nIf you can, have someone go with you."
	case LevelSameDay:
		options := []string{
			"call your GP surgery and ask to be seen today",
			"go to an urgent care centre or a walk-in clinic",
		}
		if r, ok := contacts.Lookup(region); ok && r.Urgent != "" {
			options = append(options, "call "+r.Urgent)
		}
		return "Today, do one of these:\n" + bullets(options) + "\nIf you get numbness between your legs, bladder or bowel trouble, or weakness in your legs, " + callEmergency(region) + " or go to an emergency department."
	case LevelSeeSoon:
		return "Book an appointment with a GP or a physiotherapist in the next week or two. Go sooner, or run this check again, if anything new appears. If you like, I can check in with you by DM to keep track of your pain until then."
	default:
		return "Keep moving within what feels OK, ease off the lifts that flare it, and see how it responds over the next days. The guides below explain how. Run this check again if anything new appears. If you like, I can check in with you by DM to keep track of your pain."
	}
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

func bullets(lines []string) string {
	return "- " + strings.Join(lines, "\n- ")
}
