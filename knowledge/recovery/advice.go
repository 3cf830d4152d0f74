package recovery

import "fmt"

// AdviceKind names the piece of advice an assessment settled on.
type AdviceKind int

// The kinds of advice, from the zero value (nothing recorded) upwards.
const (
	// AdviceNone means there are no readings to go on.
	AdviceNone AdviceKind = iota
	// AdviceKeepGoing means steady pain, or too early to see a trend.
	AdviceKeepGoing
	// AdviceAddLoad means pain is trending down: build back up gradually.
	AdviceAddLoad
	// AdviceEaseOff means pain is trending up: ease back on training.
	AdviceEaseOff
	// AdviceSeeProfessional means no meaningful improvement after about 4 weeks.
	AdviceSeeProfessional
	// AdviceBackOff means a sudden jump: back right off and consider the red-flag check.
	AdviceBackOff
	// AdviceHigh means the latest reading is HighPain or more: high whatever
	// the usual level.
	AdviceHigh
	// AdviceSeeDoctorToday means steady severe pain that does not ease with
	// rest: a doctor today, and the red-flag check.
	AdviceSeeDoctorToday
	// AdviceHold means the trend is falling but the latest reading went up:
	// no praise and no more load until it settles.
	AdviceHold
)

// Advice is what to do next, in plain language.
type Advice struct {
	// Kind names the advice.
	Kind AdviceKind
	// Message is the text shown to the member.
	Message string
	// OfferRedFlagCheck is true when the bot should offer to start the red-flag check.
	OfferRedFlagCheck bool
}

func noReadings() Advice {
	return Advice{Kind: AdviceNone, Message: "No check-ins recorded yet. Once you rate your pain a few times, I can show how it is changing."}
}

func earlyDays() Advice {
	return Advice{Kind: AdviceKeepGoing, Message: "A few more check-ins and I can show how your pain is trending. Missed days are fine: they are simply left out, never counted as zero."}
}

func steady() Advice {
	return Advice{Kind: AdviceKeepGoing, Message: "Your pain has been about the same lately. Keep moving, keep training at a level your back tolerates, and keep checking in so a change shows up early."}
}

func addLoad(from, to int) Advice {
	return Advice{Kind: AdviceAddLoad, Message: fmt.Sprintf("Your pain is trending down: %d/10 when you started, %d/10 in your latest check-in. Nice work. Once your pain the morning after training has stayed steady for a few sessions, add a little load or a few reps, one change at a time, and step back if it flares.", from, to)}
}

func easeOff() Advice {
	return Advice{Kind: AdviceEaseOff, Message: "Your pain has been creeping up. Ease back on load or volume for a while and stick to lift variations that feel OK. If it keeps climbing or anything new appears, run the red-flag check.", OfferRedFlagCheck: true}
}

func seeProfessional(days, from, to int) Advice {
	return Advice{Kind: AdviceSeeProfessional, Message: fmt.Sprintf("It has been %d days and your pain has not dropped much (%d/10 at the start, %d/10 lately). That's a good time to see your doctor (GP or family doctor) or a physiotherapist. The red-flag check can help you judge how soon.", days, from, to), OfferRedFlagCheck: true}
}

func suddenJump(latest, usual int) Advice {
	return Advice{Kind: AdviceBackOff, Message: fmt.Sprintf("That's a big jump: %d/10 against your usual %d/10. Back right off heavy lifting for now and keep to gentle movement such as walking. Please run the red-flag check, and get help if anything new appears, like numbness or leg weakness.", latest, usual), OfferRedFlagCheck: true}
}

func highPain(pain int) Advice {
	return Advice{Kind: AdviceHigh, Message: fmt.Sprintf("%d/10 is high pain, whatever your usual level. Take it easy today: gentle movement such as walking, no heavy lifting. If it doesn't ease with rest, see a doctor today, and run the red-flag check if anything new appears.", pain), OfferRedFlagCheck: true}
}

func seeDoctorToday(usual int) Advice {
	return Advice{Kind: AdviceSeeDoctorToday, Message: fmt.Sprintf("Your pain has stayed at about %d/10 without easing. Steady pain this high that doesn't ease with rest should be checked by a doctor today. Please run the red-flag check too.", usual), OfferRedFlagCheck: true}
}

func holdAfterRise(from, to int) Advice {
	return Advice{Kind: AdviceHold, Message: fmt.Sprintf("Your latest check-in went up, from %d/10 to %d/10. Hold your training where it is for now rather than adding load, and see how the next check-ins go.", from, to)}
}
