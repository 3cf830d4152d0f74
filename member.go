package spotter

import "strconv"

// IsSnowflake reports whether s looks like a Discord id: 15 to 20 decimal
// digits that fit in 64 bits. Every id that comes from outside (an option,
// a custom_id, a command line) is checked with it before it reaches SQL or
// a job key, so a value such as "%" can never widen a match.
func IsSnowflake(s string) bool {
	if len(s) < 15 || len(s) > 20 || s[0] == '0' {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}

// NoticeCheckinsDMsClosed tells a member their check-ins were paused because
// Discord would not deliver a DM to them.
const NoticeCheckinsDMsClosed = "checkins_dms_closed"
