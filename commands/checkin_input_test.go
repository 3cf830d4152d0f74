package commands

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/store"
)

// checkinRequest builds /checkin sub as a member in a server would send it,
// for handler tests that need values Discord's client would not let through.
func checkinRequest(user, sub string, opts map[string]any) *bot.Request {
	var options []*discordgo.ApplicationCommandInteractionDataOption
	for name, v := range opts {
		o := &discordgo.ApplicationCommandInteractionDataOption{Name: name}
		switch v := v.(type) {
		case int:
			o.Type, o.Value = discordgo.ApplicationCommandOptionInteger, float64(v)
		case string:
			o.Type, o.Value = discordgo.ApplicationCommandOptionString, v
		}
		options = append(options, o)
	}
	return &bot.Request{
		Interaction: &discordgo.Interaction{
			Type:    discordgo.InteractionApplicationCommand,
			GuildID: "1000000000000000001",
			Member:  &discordgo.Member{User: &discordgo.User{ID: user}},
			Data: discordgo.ApplicationCommandInteractionData{Name: checkinName, Options: []*discordgo.ApplicationCommandInteractionDataOption{
				{Name: sub, Type: discordgo.ApplicationCommandOptionSubCommand, Options: options},
			}},
		},
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
}

func newCheckins(t *testing.T) *checkins {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "spotter.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clock := newTestClock(checkinStart)
	return &checkins{store: st, now: clock.Now}
}

func TestCheckinBadInputGetsAClearMessage(t *testing.T) {
	t.Parallel()
	const starter, newcomer = "1800000000000000001", "1800000000000000009"
	c := newCheckins(t)
	ctx := context.Background()
	if _, err := c.start(ctx, checkinRequest(starter, "start", map[string]any{"pain": 4, "time": "08:00", "timezone": "UTC"})); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		user    string
		handler func(context.Context, *bot.Request) (*bot.Response, error)
		sub     string
		opts    map[string]any
		want    string
	}{
		{"time 25:99", newcomer, c.start, "start", map[string]any{"pain": 4, "time": "25:99", "timezone": "UTC"}, "`25:99` isn't a time of day. Use 24-hour HH:MM"},
		{"time 9am", starter, c.settings, "settings", map[string]any{"time": "9am"}, "`9am` isn't a time of day"},
		{"zone with a typo", newcomer, c.start, "start", map[string]any{"pain": 4, "time": "08:00", "timezone": "Europe/Londn"}, "I don't know the time zone `Europe/Londn`. Did you mean `Europe/London`"},
		{"city without its area", newcomer, c.start, "start", map[string]any{"pain": 4, "time": "08:00", "timezone": "new york"}, "Did you mean `America/New_York`"},
		{"zone that does not exist", newcomer, c.start, "start", map[string]any{"pain": 4, "time": "08:00", "timezone": "Mars/Olympus_Mons"}, "I don't know the time zone `Mars/Olympus_Mons`. Use a tz database name"},
		{"the server's zone", newcomer, c.start, "start", map[string]any{"pain": 4, "time": "08:00", "timezone": "Local"}, "I don't know the time zone `Local`"},
		{"no zone yet", newcomer, c.start, "start", map[string]any{"pain": 4, "time": "08:00"}, "Which time zone are you in?"},
		{"pain 11", newcomer, c.start, "start", map[string]any{"pain": 11, "time": "08:00", "timezone": "UTC"}, "0 (no pain) to 10 (the worst you can imagine), so 11 is off the scale"},
		{"pain -1 after training", starter, c.workout, "workout", map[string]any{"pain": -1}, "-1 is off the scale"},
		{"61 days", newcomer, c.start, "start", map[string]any{"pain": 4, "time": "08:00", "timezone": "UTC", "days": 61}, "1 to 60 days; 61"},
		{"note of 5,000 characters", starter, c.log, "log", map[string]any{"pain": 3, "note": strings.Repeat("ow ", 1666) + "ow"}, "Your note is 5,000 characters; notes can be up to 500"},
		{"log before starting", newcomer, c.log, "log", map[string]any{"pain": 3}, "You haven't started check-ins yet"},
		{"history of 0 days", starter, c.history, "history", map[string]any{"days": 0}, "History goes back 1 to 365 days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := c.store.PainEntries(ctx, 1, checkinStart.AddDate(-1, 0, 0))
			_, err := tt.handler(ctx, checkinRequest(tt.user, tt.sub, tt.opts))
			ue, ok := bot.AsUserError(err)
			if !ok {
				t.Fatalf("error %v, want a message for the member", err)
			}
			if !strings.Contains(ue.Message, tt.want) {
				t.Errorf("message %q, want it to say %q", ue.Message, tt.want)
			}
			if after, _ := c.store.PainEntries(ctx, 1, checkinStart.AddDate(-1, 0, 0)); len(after) != len(before) {
				t.Errorf("bad input recorded an entry")
			}
			if _, ok, _ := c.store.CheckinPlan(ctx, newcomer); ok {
				t.Errorf("bad input created a plan")
			}
		})
	}
}

func TestParseClock(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in           string
		hour, minute int
		ok           bool
	}{
		{"08:30", 8, 30, true},
		{"8:30", 8, 30, true},
		{" 21:00 ", 21, 0, true},
		{"00:00", 0, 0, true},
		{"23:59", 23, 59, true},
		{"24:00", 0, 0, false},
		{"25:99", 0, 0, false},
		{"12:60", 0, 0, false},
		{"8:5", 0, 0, false},
		{"0830", 0, 0, false},
		{"-1:30", 0, 0, false},
		{"", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			h, m, err := parseClock(tt.in)
			if (err == nil) != tt.ok || (tt.ok && (h != tt.hour || m != tt.minute)) {
				t.Errorf("parseClock(%q) = %d, %d, %v", tt.in, h, m, err)
			}
		})
	}
}
