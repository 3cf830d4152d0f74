package commands

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/discordtest"
	"github.com/spotter-bot/spotter/bot/schedule"
)

// newScheduledHarness is the harness with a running scheduler on a fake
// clock. The heartbeat beats in real time every second; due times follow
// the clock, and moving the clock wakes the scheduler.
func newScheduledHarness(t *testing.T, clock *testClock) *harness {
	t.Helper()
	var sched *schedule.Scheduler
	var h *harness
	h = newHarness(t, func(d *Deps) {
		sched = newTestScheduler(t, schedule.Options{Store: d.Store.(schedule.Store), Now: clock.Now})
		d.Scheduler = sched
	})
	clock.wakeOnChange(sched.Wake)
	h.startScheduler(t, sched)
	return h
}

// waitForNextTip waits until the guild's next tip is queued for due.
func waitForNextTip(t *testing.T, h *harness, due time.Time) {
	t.Helper()
	h.waitFor(t, "the next tip is queued for "+due.String(), func() bool {
		j, ok, err := h.store.PendingJob(h.ctx, formTipJobKey(discordtest.DefaultGuildID))
		return err == nil && ok && j.DueAt.Equal(due)
	})
}

// weeklyTip waits for the tip of the week showing card, pinned if pinned.
func weeklyTip(t *testing.T, h *harness, card string, pinned bool) *discordtest.Message {
	t.Helper()
	m, err := h.srv.WaitMessage(h.ctx, func(m *discordtest.Message) bool {
		return m.ChannelID == discordtest.DefaultTipsChannel && strings.Contains(m.Content, "Tip of the week") &&
			len(m.Embeds) == 1 && m.Embeds[0].Title == formCardTitlePrefix+card && m.Pinned == pinned
	})
	if err != nil {
		t.Fatalf("no tip of the week with the %s card (pinned %v): %v", card, pinned, err)
	}
	return m
}

// scheduleTips has the moderator schedule the tip of the week in #form-tips.
func scheduleTips(t *testing.T, h *harness, spec, zone string) string {
	t.Helper()
	reply := h.answered(t, h.srv.SlashCommand(tipModerator, "form-tip schedule",
		discordtest.Opt("channel", discordtest.DefaultTipsChannel), discordtest.Opt("cron", spec), discordtest.Opt("timezone", zone)))
	return privately(t, reply)
}

func TestFormTipScheduleRotatesTheTipAndMovesThePin(t *testing.T) {
	t.Parallel()
	clock := newTestClock(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)) // a Sunday
	h := newScheduledHarness(t, clock)
	// London is on GMT until the clocks go forward on 29 March.
	firstDue := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	reply := scheduleTips(t, h, "0 9 * * MON", "Europe/London")
	if !strings.Contains(reply, fmt.Sprintf("<t:%d:F>", firstDue.Unix())) || !strings.Contains(reply, "Back squat") {
		t.Errorf("scheduling answered %q, want the first post's time and card", reply)
	}
	if got := publicMessages(h, discordtest.DefaultTipsChannel); len(got) != 0 {
		t.Fatalf("%d public messages before the first tip was due", len(got))
	}

	clock.Set(firstDue.Add(5 * time.Second))
	first := weeklyTip(t, h, "Back squat", true)
	waitForNextTip(t, h, firstDue.AddDate(0, 0, 7))

	clock.Set(firstDue.AddDate(0, 0, 7).Add(5 * time.Second))
	second := weeklyTip(t, h, "Front squat", true)
	if h.srv.Message(first.ID).Pinned {
		t.Error("last week's tip is still pinned")
	}
	if pins := pinnedIDs(h, discordtest.DefaultTipsChannel); len(pins) != 1 || pins[0] != second.ID {
		t.Errorf("pins %v, want only this week's tip %s", pins, second.ID)
	}
	if got := cardTitles(h, discordtest.DefaultTipsChannel); len(got) != 2 {
		t.Errorf("cards posted %v, want one a week", got)
	}
	waitForNextTip(t, h, firstDue.AddDate(0, 0, 14))
	sch, err := h.store.FormTipSchedule(h.ctx, discordtest.DefaultGuildID)
	if err != nil || sch.Rotation != 2 || sch.LastMessageID != second.ID {
		t.Errorf("schedule after two tips = %+v, %v; want rotation 2 and the last tip %s", sch, err, second.ID)
	}
}

func TestFormTipScheduleDisablesItselfWhenTheChannelIsDeleted(t *testing.T) {
	t.Parallel()
	clock := newTestClock(time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)) // a Monday
	h := newScheduledHarness(t, clock)
	scheduleTips(t, h, "30 18 * * FRI", "America/New_York")
	h.srv.FailNext("POST", "/channels/"+discordtest.DefaultTipsChannel+"/messages", 404, bot.CodeUnknownChannel, 1)

	clock.Set(time.Date(2026, 6, 5, 22, 30, 5, 0, time.UTC)) // 18:30 EDT
	h.waitFor(t, "the schedule is disabled", func() bool {
		sch, err := h.store.FormTipSchedule(h.ctx, discordtest.DefaultGuildID)
		return err == nil && sch.DisabledReason != ""
	})
	if _, ok, _ := h.store.PendingJob(h.ctx, formTipJobKey(discordtest.DefaultGuildID)); ok {
		t.Error("a disabled schedule still has a tip queued")
	}
	if got := publicMessages(h, discordtest.DefaultTipsChannel); len(got) != 0 {
		t.Errorf("%d public messages, want none", len(got))
	}
	reply := h.answered(t, h.srv.SlashCommand(tipModerator, "form-tip unschedule"))
	if text := privately(t, reply); !strings.Contains(text, "its channel was deleted") {
		t.Errorf("unschedule answered %q, want to hear why the schedule had stopped", text)
	}
}

func TestFormTipScheduleRefusesBadSchedulesClearly(t *testing.T) {
	t.Parallel()
	clock := newTestClock(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	h := newScheduledHarness(t, clock)
	for _, tc := range []struct {
		name, spec, zone, want string
	}{
		{"four fields", "0 9 * *", "UTC", "not 5"},
		{"six fields", "0 0 9 * * MON", "UTC", "not 5"},
		{"descriptor", "@weekly", "UTC", "not 5"},
		{"hour out of range", "0 25 * * MON", "UTC", "not a schedule I can read"},
		{"unknown weekday", "0 9 * * MOON", "UTC", "not a schedule I can read"},
		{"every minute", "* * * * *", "UTC", "more than once an hour"},
		{"a date that never comes", "0 9 30 2 *", "UTC", "never comes round"},
		{"unknown zone", "0 9 * * MON", "Mars/Olympus", "I don't know the time zone"},
		{"misspelt zone", "0 9 * * MON", "Europe/Londn", "Did you mean `Europe/London`"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := scheduleTips(t, h, tc.spec, tc.zone)
			if !strings.Contains(text, tc.want) {
				t.Errorf("scheduling %q in %s answered %q, want it to say %q", tc.spec, tc.zone, text, tc.want)
			}
			if tc.zone == "UTC" && !strings.Contains(text, "`0 9 * * MON`") {
				t.Errorf("answer %q gives no example", text)
			}
			if _, ok, _ := h.store.PendingJob(h.ctx, formTipJobKey(discordtest.DefaultGuildID)); ok {
				t.Error("a bad schedule was queued")
			}
		})
	}
}

func TestFormTipScheduleIsForModeratorsAndCanBeStopped(t *testing.T) {
	t.Parallel()
	clock := newTestClock(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	h := newScheduledHarness(t, clock)
	refused := h.answered(t, h.srv.SlashCommand(tipMember, "form-tip schedule",
		discordtest.Opt("channel", discordtest.DefaultTipsChannel), discordtest.Opt("cron", "0 9 * * MON"), discordtest.Opt("timezone", "UTC")))
	if text := privately(t, refused); !strings.Contains(text, "Only moderators") {
		t.Errorf("a member scheduling tips was told %q", text)
	}
	if _, err := h.store.FormTipSchedule(h.ctx, discordtest.DefaultGuildID); !errors.Is(err, spotter.ErrFormTipScheduleNotFound) {
		t.Errorf("a member's attempt left a schedule (%v)", err)
	}

	scheduleTips(t, h, "0 9 * * MON", "UTC")
	reply := h.answered(t, h.srv.SlashCommand(tipModerator, "form-tip unschedule"))
	if text := privately(t, reply); !strings.Contains(text, "Stopped the tip of the week") {
		t.Errorf("unschedule answered %q", text)
	}
	if _, ok, _ := h.store.PendingJob(h.ctx, formTipJobKey(discordtest.DefaultGuildID)); ok {
		t.Error("a tip is still queued after unschedule")
	}
	clock.Set(time.Date(2026, 3, 2, 9, 0, 5, 0, time.UTC))
	again := h.answered(t, h.srv.SlashCommand(tipModerator, "form-tip unschedule"))
	if text := privately(t, again); !strings.Contains(text, "no tip of the week") {
		t.Errorf("a second unschedule answered %q", text)
	}
	if got := publicMessages(h, discordtest.DefaultTipsChannel); len(got) != 0 {
		t.Errorf("%d tips posted after unschedule", len(got))
	}
}

func TestFormTipTimezoneAutocomplete(t *testing.T) {
	t.Parallel()
	clock := newTestClock(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	h := newScheduledHarness(t, clock)
	for _, tc := range []struct{ name, typed, want string }{
		{"city with a space", "new york", "America/New_York"},
		{"full name", "Asia/Kathmandu", "Asia/Kathmandu"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cb, err := h.srv.Autocomplete(tipModerator, "form-tip schedule", "timezone", discordtest.Opt("timezone", tc.typed)).Wait(h.ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(cb.Data.Choices) == 0 || cb.Data.Choices[0].Value != tc.want {
				t.Errorf("typing %q suggests %+v, want %s first", tc.typed, cb.Data.Choices, tc.want)
			}
		})
	}
}
