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

// VerdictKind is what the rule of twos says about a reading.
type VerdictKind int

// The verdicts.
const (
	// VerdictFine means the reading is less than RiseLimit above usual.
	VerdictFine VerdictKind = iota + 1
	// VerdictRecheck means the rise is still within SettleTime of training,
	// when a rise is expected and often settles: check again later.
	VerdictRecheck
	// VerdictBackOff means the rise outlasted SettleTime: ease off or get checked.
	VerdictBackOff
)

// Verdict is the rule of twos' answer with a short plain-language message.
type Verdict struct {
	// Kind is the verdict.
	Kind VerdictKind
	// Message explains the verdict to the member.
	Message string
}

// RuleOfTwos compares pain now with the usual level, sinceTraining after the
// session ended. A negative sinceTraining means no session is known, and a
// rise is then treated as lasting. Exactly SettleTime still counts as within
// it: the rule asks for more than two hours.
func RuleOfTwos(usual, now int, sinceTraining time.Duration) Verdict {
	rise := now - usual
	switch {
	case rise < RiseLimit:
		return Verdict{Kind: VerdictFine, Message: fmt.Sprintf("That's within 2 points of your usual %d/10, so by the rule of twos (a rule of thumb, not a medical guideline) your back is handling this load.", usual)}
	case sinceTraining >= 0 && sinceTraining <= SettleTime:
		return Verdict{Kind: VerdictRecheck, Message: fmt.Sprintf("That's %d points above your usual %d/10. A rise soon after training is common and often settles, so check again once 2 hours have passed.", rise, usual)}
	case sinceTraining < 0:
		return Verdict{Kind: VerdictBackOff, Message: fmt.Sprintf("That's %d points above your usual %d/10. By the rule of twos (a rule of thumb, not a medical guideline) a rise like this that lasts means easing off: lighten your training, and get it checked if this keeps happening.", rise, usual)}
	default:
		return Verdict{Kind: VerdictBackOff, Message: fmt.Sprintf("That's %d points above your usual %d/10 more than 2 hours after training. By the rule of twos (a rule of thumb, not a medical guideline) that was more than your back was ready for: lighten the next sessions, and get it checked if this keeps happening.", rise, usual)}
	}
}
