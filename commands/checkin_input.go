package commands

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
)

// The clear messages bad input gets. Discord's client already refuses most
// of it because the command definition sets the same limits; these cover
// the rest, and anything sent around the client.

// checkPain returns a rating from 0 to 10.
func checkPain(n int64) (int, error) {
	if n < 0 || n > 10 {
		return 0, bot.Userf("Pain is rated from 0 (no pain) to 10 (the worst you can imagine), so %d is off the scale. Nothing was recorded.", n)
	}
	return int(n), nil
}

// painOption reads the required pain option: a whole number from 0 to 10.
// Left out or sent as anything else, it is refused, never read as 0.
func painOption(req *bot.Request) (int, error) {
	n, ok := req.IntOption(checkinOptPain)
	if !ok {
		return 0, bot.Userf("Give your pain as a whole number from 0 (no pain) to 10 (the worst you can imagine). Nothing was recorded.")
	}
	return checkPain(n)
}

// parseClock reads a 24-hour time of day such as "08:30" or "8:30".
func parseClock(s string) (hour, minute int, err error) {
	s = strings.TrimSpace(s)
	h, m, ok := strings.Cut(s, ":")
	hour, herr := strconv.Atoi(h)
	minute, merr := strconv.Atoi(m)
	if !ok || herr != nil || merr != nil || len(h) == 0 || len(h) > 2 || len(m) != 2 || hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return 0, 0, bot.Userf("`%s` isn't a time of day. Use 24-hour HH:MM, like 07:30 or 21:00.", truncateRunes(s, 20))
	}
	return hour, minute, nil
}

// checkDays returns a plan length from 1 to checkinMaxDays.
func checkDays(n int64) (int, error) {
	if n < 1 || n > checkinMaxDays {
		return 0, bot.Userf("Check-ins can run for 1 to %d days; %d is outside that.", checkinMaxDays, n)
	}
	return int(n), nil
}

// checkNote returns the note trimmed, if it fits.
func checkNote(s string) (string, error) {
	s = strings.TrimSpace(s)
	if n := utf8.RuneCountInString(s); n > spotter.MaxNoteLength {
		return "", bot.Userf("Your note is %s characters; notes can be up to %d. Shorten it and try again (nothing was recorded).", thousands(n), spotter.MaxNoteLength)
	}
	return s, nil
}

// thousands writes n with comma separators, as members read numbers.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// clockText formats a time of day the way members typed it.
func clockText(hour, minute int) string { return fmt.Sprintf("%02d:%02d", hour, minute) }
