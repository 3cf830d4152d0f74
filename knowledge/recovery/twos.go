package recovery

import (
	"fmt"
	"time"
)

// The rule of twos, as the seed article states it: a rise of RiseLimit points
// or more over the usual level that lasts longer than SettleTime after
// training means the session was too much.
const (
	RiseLimit  = 2
	SettleTime = 2 * time.Hour
)

// Absolute levels the rule of twos never overrides (clinical-notes.md, "The
// rule of twos and pain monitoring"): the rule is relative, these are not.
const (
	// HighPain is a reading that is high whatever the usual level.
	HighPain = 7
	// VeryHighPain is a reading that means stopping training for the day.
	VeryHighPain = 8
	// BigJump is a rise over the usual level that means stopping training
	// for the day, however soon after the session it is.
	BigJump = 4
	// SeverePain is a usual level that means seeing a doctor today: steady
	// severe pain that does not ease with rest.
	SeverePain = 7
)

// VerdictKind is what the rule of twos says about a reading.
type VerdictKind int

// The verdicts.
const (
	// VerdictFine means the reading is less than RiseLimit above usual and
	// below HighPain.
	VerdictFine VerdictKind = iota + 1
	// VerdictRecheck means the rise is still within SettleTime of training,
	// when a rise is expected and often settles: check again later.
	VerdictRecheck
	// VerdictBackOff means the rise outlasted SettleTime: ease off or get checked.
	VerdictBackOff
	// VerdictHigh means a reading of HighPain or more: high whatever the
	// usual level, so never "fine".
	VerdictHigh
	// VerdictStop means a jump of BigJump points or more, or to VeryHighPain
	// or more: stop training today and run the red-flag check now, rather
	// than waiting to see whether it settles.
	VerdictStop
	// VerdictSevere means the usual level is SeverePain or more: steady
	// severe pain that does not ease with rest needs a doctor today.
	VerdictSevere
)

// Verdict is the rule of twos' answer with a short plain-language message.
type Verdict struct {
	// Kind is the verdict.
	Kind VerdictKind
	// Message explains the verdict to the member.
	Message string
	// OfferRedFlagCheck is true when the bot should offer the red-flag check
	// alongside the message.
	OfferRedFlagCheck bool
}

// RuleOfTwos compares pain now with the usual level, sinceTraining after the
// session ended. A negative sinceTraining means no session is known, and a
// rise is then treated as lasting. Exactly SettleTime still counts as within
// it: the rule asks for more than two hours. Absolute levels come first: a
// big jump or a very high reading stops training whenever it is taken, a
// severe usual level needs a doctor today, and a high reading is never fine.
func RuleOfTwos(usual, now int, sinceTraining time.Duration) Verdict {
	rise := now - usual
	switch {
	case rise >= BigJump:
		return Verdict{Kind: VerdictStop, OfferRedFlagCheck: true, Message: fmt.Sprintf("That's %d/10, a jump of %d points from your usual %d/10: too big to wait and see whether it settles. Stop training for today, keep to gentle movement such as walking, and run the red-flag check now.", now, rise, usual)}
	case now >= VeryHighPain:
		return Verdict{Kind: VerdictStop, OfferRedFlagCheck: true, Message: fmt.Sprintf("That's %d/10: very high pain, whatever your usual level (%d/10). Stop training for today, keep to gentle movement such as walking, and run the red-flag check now.", now, usual)}
	case usual >= SeverePain:
		return Verdict{Kind: VerdictSevere, OfferRedFlagCheck: true, Message: fmt.Sprintf("Your usual level lately is %d/10. Pain that stays this high and doesn't ease with rest should be checked by a doctor today. Keep training very light until then, and run the red-flag check.", usual)}
	case now >= HighPain:
		return Verdict{Kind: VerdictHigh, OfferRedFlagCheck: true, Message: fmt.Sprintf("That's %d/10: high pain, whatever your usual level (%d/10). Ease right off for today. If it hasn't settled in a couple of hours, or anything new appears, run the red-flag check.", now, usual)}
	case rise < RiseLimit:
		return Verdict{Kind: VerdictFine, Message: fmt.Sprintf("That's within 2 points of your usual %d/10, so by the rule of twos (a rule of thumb, not a medical guideline) your back is handling this load.", usual)}
	case sinceTraining >= 0 && sinceTraining <= SettleTime:
		return Verdict{Kind: VerdictRecheck, Message: fmt.Sprintf("That's %d points above your usual %d/10. A rise soon after training is common and often settles, so check again once 2 hours have passed.", rise, usual)}
	case sinceTraining < 0:
		return Verdict{Kind: VerdictBackOff, OfferRedFlagCheck: true, Message: fmt.Sprintf("That's %d points above your usual %d/10. By the rule of twos (a rule of thumb, not a medical guideline) a rise like this that lasts means easing off: lighten your training, and get it checked if this keeps happening.", rise, usual)}
	default:
		return Verdict{Kind: VerdictBackOff, OfferRedFlagCheck: true, Message: fmt.Sprintf("That's %d points above your usual %d/10 more than 2 hours after training. By the rule of twos (a rule of thumb, not a medical guideline) that was more than your back was ready for: lighten the next sessions, and get it checked if this keeps happening.", rise, usual)}
	}
}
