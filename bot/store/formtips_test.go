package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/spotter-bot/spotter"
)

// openFormTipStore opens a fresh in-memory store whose clock reads *now.
func openFormTipStore(t *testing.T, now *time.Time) *Store {
	t.Helper()
	s, _ := openTestStore(t, WithClock(func() time.Time { return *now }))
	return s
}

// formTipFor is a tip for message msg in guild g.
func formTipFor(g, msg string) spotter.FormTip {
	return spotter.FormTip{
		GuildID: g, ChannelID: "300", MessageID: msg, AuthorID: "400", Exercise: "back-squat",
		Link: "https://discord.com/channels/" + g + "/300/" + msg, SavedBy: "500",
	}
}

func TestSaveFormTipKeepsEverythingAndStampsTheTime(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	s := openFormTipStore(t, &now)
	ctx := context.Background()
	saved, added, err := s.SaveFormTip(ctx, formTipFor("1", "10"))
	if err != nil || !added {
		t.Fatalf("SaveFormTip = %v, %v; want added", added, err)
	}
	got, err := s.FormTip(ctx, "1", saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := formTipFor("1", "10")
	want.ID, want.SavedAt = saved.ID, now
	if got != want {
		t.Errorf("read back %+v, want %+v", got, want)
	}
}

func TestSaveFormTipTwiceKeepsOneEntry(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	s := openFormTipStore(t, &now)
	ctx := context.Background()
	first, _, err := s.SaveFormTip(ctx, formTipFor("1", "10"))
	if err != nil {
		t.Fatal(err)
	}
	again := formTipFor("1", "10")
	again.Exercise = "plank"
	second, added, err := s.SaveFormTip(ctx, again)
	if err != nil {
		t.Fatal(err)
	}
	if added || second != first {
		t.Errorf("second save = %+v (added %v), want the first %+v", second, added, first)
	}
	if _, total, _ := s.FormTips(ctx, "1", 0, 10); total != 1 {
		t.Errorf("library holds %d tips, want 1", total)
	}
}

func TestFormTipsPagesNewestFirstPerServer(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	s := openFormTipStore(t, &now)
	ctx := context.Background()
	for i := range 12 {
		if _, _, err := s.SaveFormTip(ctx, formTipFor("1", fmt.Sprint(100+i))); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := s.SaveFormTip(ctx, formTipFor("2", "999")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name          string
		offset, limit int
		want          []string
	}{
		{"first page", 0, 5, []string{"111", "110", "109", "108", "107"}},
		{"last partial page", 10, 5, []string{"101", "100"}},
		{"past the end", 20, 5, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tips, total, err := s.FormTips(ctx, "1", tc.offset, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, tip := range tips {
				got = append(got, tip.MessageID)
			}
			if !slices.Equal(got, tc.want) || total != 12 {
				t.Errorf("FormTips = %v (total %d), want %v (total 12)", got, total, tc.want)
			}
		})
	}
}

func TestDeleteFormTipOnlyInItsServer(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	s := openFormTipStore(t, &now)
	ctx := context.Background()
	tip, _, err := s.SaveFormTip(ctx, formTipFor("1", "10"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteFormTip(ctx, "2", tip.ID); !errors.Is(err, spotter.ErrFormTipNotFound) {
		t.Errorf("deleting from another server: %v, want ErrFormTipNotFound", err)
	}
	deleted, err := s.DeleteFormTip(ctx, "1", tip.ID)
	if err != nil || deleted.MessageID != "10" {
		t.Fatalf("DeleteFormTip = %+v, %v; want the tip of message 10", deleted, err)
	}
	if _, err := s.FormTip(ctx, "1", tip.ID); !errors.Is(err, spotter.ErrFormTipNotFound) {
		t.Errorf("after delete: %v, want ErrFormTipNotFound", err)
	}
	if _, err := s.DeleteFormTip(ctx, "1", tip.ID); !errors.Is(err, spotter.ErrFormTipNotFound) {
		t.Errorf("second delete: %v, want ErrFormTipNotFound", err)
	}
}

func TestModeratorRolesAddListRemove(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	s := openFormTipStore(t, &now)
	ctx := context.Background()
	step := func(name string, f func() (bool, error), want bool) {
		t.Helper()
		got, err := f()
		if err != nil || got != want {
			t.Errorf("%s = %v, %v; want %v", name, got, err, want)
		}
	}
	step("add 7", func() (bool, error) { return s.AddModeratorRole(ctx, "1", "7", "9") }, true)
	now = now.Add(time.Minute)
	step("add 5", func() (bool, error) { return s.AddModeratorRole(ctx, "1", "5", "9") }, true)
	step("add 7 again", func() (bool, error) { return s.AddModeratorRole(ctx, "1", "7", "9") }, false)
	step("add 7 elsewhere", func() (bool, error) { return s.AddModeratorRole(ctx, "2", "7", "9") }, true)
	roles, err := s.ModeratorRoles(ctx, "1")
	if err != nil || !slices.Equal(roles, []string{"7", "5"}) {
		t.Errorf("ModeratorRoles = %v, %v; want [7 5] in the order added", roles, err)
	}
	step("remove 7", func() (bool, error) { return s.RemoveModeratorRole(ctx, "1", "7") }, true)
	step("remove 7 again", func() (bool, error) { return s.RemoveModeratorRole(ctx, "1", "7") }, false)
	if roles, _ := s.ModeratorRoles(ctx, "1"); !slices.Equal(roles, []string{"5"}) {
		t.Errorf("after removing 7: %v, want [5]", roles)
	}
	if roles, _ := s.ModeratorRoles(ctx, "2"); !slices.Equal(roles, []string{"7"}) {
		t.Errorf("the other server's roles = %v, want [7]", roles)
	}
}

func TestFormTipScheduleLifecycle(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	s := openFormTipStore(t, &now)
	ctx := context.Background()
	sch, err := s.SetFormTipSchedule(ctx, spotter.FormTipSchedule{GuildID: "1", ChannelID: "30", Spec: "0 9 * * MON", Zone: "Europe/London", Pin: true, CreatedBy: "9"})
	if err != nil {
		t.Fatal(err)
	}
	if sch.Rotation != 0 || sch.LastMessageID != "" || !sch.Pin || sch.DisabledReason != "" {
		t.Fatalf("new schedule = %+v, want rotation 0, nothing posted, pinning, enabled", sch)
	}
	if ok, err := s.RecordFormTipPosted(ctx, "1", "30", 0, "m1"); err != nil || !ok {
		t.Fatalf("RecordFormTipPosted = %v, %v", ok, err)
	}
	if ok, _ := s.RecordFormTipPosted(ctx, "1", "31", 1, "stray"); ok {
		t.Error("a post for another channel was recorded")
	}
	sch, _ = s.FormTipSchedule(ctx, "1")
	if sch.Rotation != 1 || sch.LastMessageID != "m1" {
		t.Errorf("after one post: rotation %d, last %q; want 1, m1", sch.Rotation, sch.LastMessageID)
	}

	now = now.Add(time.Hour)
	if err := s.DisableFormTipSchedule(ctx, "1", "30", "unknown_channel"); err != nil {
		t.Fatal(err)
	}
	sch, _ = s.FormTipSchedule(ctx, "1")
	if sch.DisabledReason != "unknown_channel" || !sch.DisabledAt.Equal(now) {
		t.Errorf("disabled = %q at %v, want unknown_channel at %v", sch.DisabledReason, sch.DisabledAt, now)
	}
	if ok, _ := s.RecordFormTipPosted(ctx, "1", "30", 1, "late"); ok {
		t.Error("a disabled schedule recorded a post")
	}

	sch, err = s.SetFormTipSchedule(ctx, spotter.FormTipSchedule{GuildID: "1", ChannelID: "30", Spec: "0 8 * * FRI", Zone: "UTC", CreatedBy: "8"})
	if err != nil {
		t.Fatal(err)
	}
	if sch.DisabledReason != "" || sch.Rotation != 1 || sch.LastMessageID != "m1" || sch.Spec != "0 8 * * FRI" || sch.Pin {
		t.Errorf("replaced in the same channel = %+v, want enabled, rotation and last post kept, new spec, no pin", sch)
	}
	sch, _ = s.SetFormTipSchedule(ctx, spotter.FormTipSchedule{GuildID: "1", ChannelID: "31", Spec: "0 8 * * FRI", Zone: "UTC", CreatedBy: "8"})
	if sch.LastMessageID != "" || sch.Rotation != 1 {
		t.Errorf("moved to another channel = %+v, want the old post forgotten and the rotation kept", sch)
	}

	deleted, err := s.DeleteFormTipSchedule(ctx, "1")
	if err != nil || deleted.ChannelID != "31" {
		t.Fatalf("DeleteFormTipSchedule = %+v, %v", deleted, err)
	}
	if _, err := s.FormTipSchedule(ctx, "1"); !errors.Is(err, spotter.ErrFormTipScheduleNotFound) {
		t.Errorf("after delete: %v, want ErrFormTipScheduleNotFound", err)
	}
	if _, err := s.DeleteFormTipSchedule(ctx, "1"); !errors.Is(err, spotter.ErrFormTipScheduleNotFound) {
		t.Errorf("second delete: %v, want ErrFormTipScheduleNotFound", err)
	}
}
