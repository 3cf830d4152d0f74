package redflag

import "fmt"

// Level is how urgently a member should get help; a higher level is more
// urgent, and the zero value is not a level.
type Level int

// The levels, least urgent first. LevelCrisis is never an Outcome's Level (see
// Outcome.Top); it exists so the most urgent result can be stored in one field.
// Levels are stored by name, never by number, so a level can be inserted.
const (
	LevelSelfCare Level = iota + 1
	LevelSeeSoon
	// LevelWithinDays is "see a doctor within a day or two": stable numbness
	// or mild weakness in one leg (clinical-notes.md, one-leg symptoms).
	LevelWithinDays
	LevelSameDay
	LevelEmergency
	LevelCrisis
)

// String returns the level's stable storage name.
func (l Level) String() string {
	switch l {
	case LevelSelfCare:
		return "self_care"
	case LevelSeeSoon:
		return "see_soon"
	case LevelWithinDays:
		return "within_days"
	case LevelSameDay:
		return "same_day"
	case LevelEmergency:
		return "emergency"
	case LevelCrisis:
		return "crisis"
	default:
		return fmt.Sprintf("Level(%d)", int(l))
	}
}

// ParseLevel reads a level from its storage name.
func ParseLevel(s string) (Level, error) {
	for l := LevelSelfCare; l <= LevelCrisis; l++ {
		if l.String() == s {
			return l, nil
		}
	}
	return 0, fmt.Errorf("unknown level %q", s)
}
