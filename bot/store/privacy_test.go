package store

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spotter-bot/spotter"
)

const (
	memberA = "180000000000000001"
	memberB = "180000000000000002"
	guild   = "100000000000000009"
)

// fillMember stores one of everything a member can leave behind, through
// the same methods the features use.
func fillMember(t *testing.T, s *Store, userID string) {
	t.Helper()
	ctx := context.Background()
	now := s.now()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.SetMemberRegion(ctx, userID, "GB"))
	must(s.SetDMChannel(ctx, userID, "2"+userID[1:]))
	plan, err := s.StartCheckinPlan(ctx,
		spotter.CheckinPlan{UserID: userID, LocalTime: "08:00", Zone: "Europe/London", Days: 14, StartedAt: now, EndsAt: now.Add(14 * 24 * time.Hour), Status: spotter.PlanActive},
		spotter.PainEntry{Source: "baseline", Pain: 5, Note: "after deadlifts", At: now},
		spotter.NewJob{Kind: "checkin.prompt", Key: spotter.CheckinDailyKey(userID), UserID: userID, Payload: []byte(fmt.Sprintf(`{"user_id":%q}`, userID)), DueAt: now.Add(time.Hour), Spec: "0 8 * * *", Zone: "Europe/London"})
	must(err)
	job, ok, err := s.PendingJob(ctx, spotter.CheckinDailyKey(userID))
	must(err)
	if !ok {
		t.Fatal("no daily job queued")
	}
	prompt, err := s.EnsureCheckinPrompt(ctx, spotter.CheckinPrompt{PlanID: plan.ID, UserID: userID, JobID: job.ID, Kind: spotter.PromptDaily, DueAt: now})
	must(err)
	_, _, err = s.AnswerCheckinPrompt(ctx, prompt.ID, 4, now)
	must(err)
	must(s.AddMemberNotice(ctx, userID, "dms_closed"))
	run, _, err := s.StartRedFlagRun(ctx, userID)
	must(err)
	_, err = s.AdvanceRedFlagRun(ctx, run.ID, run.Step, "saddle=n")
	must(err)
	_, _, err = s.SaveFormTip(ctx, spotter.FormTip{GuildID: guild, ChannelID: "3" + userID[1:], MessageID: "4" + userID[1:], AuthorID: userID,
		Exercise: "back-squat", Link: "https://discord.com/channels/x/y/z", SavedBy: userID, SavedAt: now})
	must(err)
	_, err = s.AddModeratorRole(ctx, guild, "5"+userID[1:], userID)
	must(err)
	_, err = s.SetFormTipSchedule(ctx, spotter.FormTipSchedule{GuildID: "7" + userID[1:], ChannelID: "6", Spec: "0 9 * * MON", Zone: "UTC", CreatedBy: userID})
	must(err)
}

// finishRedFlag leaves an outcome behind, as a finished check does.
func finishRedFlag(t *testing.T, s *Store, userID string) {
	t.Helper()
	ctx := context.Background()
	run, _, err := s.StartRedFlagRun(ctx, userID)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.FinishRedFlagRun(ctx, run.ID, run.Step, "self_care"); err != nil {
		t.Fatal(err)
	}
}

func tables(t *testing.T, s *Store) []string {
	t.Helper()
	q := "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
	if s.dialect == postgresDialect {
		q = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name"
	}
	rows, err := s.db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	return names
}

// rowsMentioning returns "table.column" for every row whose text mentions id.
func rowsMentioning(t *testing.T, s *Store, id string) []string {
	t.Helper()
	var found []string
	for _, table := range tables(t, s) {
		q := "SELECT name, type FROM pragma_table_info(?)"
		if s.dialect == postgresDialect {
			q = "SELECT column_name, upper(data_type) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?"
		}
		cols, err := s.db.Query(q, table)
		if err != nil {
			t.Fatal(err)
		}
		var textCols []string
		for cols.Next() {
			var name, typ string
			if err := cols.Scan(&name, &typ); err != nil {
				t.Fatal(err)
			}
			if typ == "TEXT" {
				textCols = append(textCols, name)
			}
		}
		cols.Close()
		for _, col := range textCols {
			var n int
			q := fmt.Sprintf("SELECT COUNT(*) FROM %q WHERE %q LIKE '%%' || ? || '%%'", table, col)
			if err := s.db.QueryRow(q, id).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n > 0 {
				found = append(found, fmt.Sprintf("%s.%s (%d rows)", table, col, n))
			}
		}
	}
	return found
}

func TestEveryTableIsClassifiedForMemberDeletion(t *testing.T) {
	s, _ := openTemp(t)
	known := slices.Clone(tablesWithoutMemberData)
	for _, d := range memberData {
		known = append(known, d.table)
	}
	for _, table := range tables(t, s) {
		if !slices.Contains(known, table) {
			t.Errorf("table %s is in neither memberData nor tablesWithoutMemberData in privacy.go: say how DeleteMember removes a member's rows from it", table)
		}
	}
}

func TestDeleteMemberLeavesNoRowReferringToThem(t *testing.T) {
	s, _ := openTemp(t)
	finishRedFlag(t, s, memberA)
	fillMember(t, s, memberA)
	fillMember(t, s, memberB)
	if len(rowsMentioning(t, s, memberA)) == 0 {
		t.Fatal("the fixture stored nothing about the member")
	}
	if err := s.DeleteMember(context.Background(), memberA); err != nil {
		t.Fatal(err)
	}
	if left := rowsMentioning(t, s, memberA); len(left) > 0 {
		t.Errorf("after delete, rows still mention the member: %s", strings.Join(left, ", "))
	}
	export, err := s.ExportMember(context.Background(), memberA)
	if err != nil {
		t.Fatal(err)
	}
	if export.CheckinPlan != nil || len(export.PainEntries)+len(export.ScheduledDMs)+len(export.RedFlagOutcomes)+len(export.Notices)+len(export.TipsAuthored) > 0 || export.RedFlagRun != nil || export.Settings.Region != "" {
		t.Errorf("export after delete is not empty: %+v", export)
	}
	other, err := s.ExportMember(context.Background(), memberB)
	if err != nil {
		t.Fatal(err)
	}
	if other.CheckinPlan == nil || len(other.PainEntries) != 2 || len(other.TipsAuthored) != 1 {
		t.Errorf("another member's data was touched: %+v", other)
	}
	if _, ok, _ := s.PendingJob(context.Background(), spotter.CheckinDailyKey(memberA)); ok {
		t.Error("a check-in DM is still queued for the deleted member")
	}
}

func TestExportHasEverythingStoredAboutTheMember(t *testing.T) {
	s, _ := openTemp(t)
	finishRedFlag(t, s, memberA)
	fillMember(t, s, memberA)
	got, err := s.ExportMember(context.Background(), memberA)
	if err != nil {
		t.Fatal(err)
	}
	if got.SchemaVersion != spotter.ExportSchemaVersion || got.UserID != memberA {
		t.Errorf("header = %d %s", got.SchemaVersion, got.UserID)
	}
	if got.Settings.Region != "GB" || !got.Settings.DMChannelCached {
		t.Errorf("settings = %+v", got.Settings)
	}
	if got.CheckinPlan == nil || got.CheckinPlan.TimeZone != "Europe/London" || got.CheckinPlan.LocalTime != "08:00" {
		t.Errorf("plan = %+v", got.CheckinPlan)
	}
	pains := []int{}
	for _, e := range got.PainEntries {
		pains = append(pains, e.Pain)
	}
	if !slices.Equal(pains, []int{5, 4}) || got.PainEntries[0].Note != "after deadlifts" {
		t.Errorf("pain entries = %+v", got.PainEntries)
	}
	if len(got.ScheduledDMs) != 1 || len(got.Notices) != 1 || len(got.TipsAuthored) != 1 {
		t.Errorf("jobs %d, notices %d, tips %d", len(got.ScheduledDMs), len(got.Notices), len(got.TipsAuthored))
	}
	if got.RedFlagRun == nil || got.RedFlagRun.Answers != "saddle=n" {
		t.Errorf("red-flag run in progress = %+v", got.RedFlagRun)
	}
	if got.ModeratorTrail != (spotter.ExportModeratorRef{TipsSaved: 1, RolesNamed: 1, SchedulesMade: 1}) {
		t.Errorf("moderator trail = %+v", got.ModeratorTrail)
	}
}

func TestPurgeDepartedGuildsHonoursTheGracePeriodAndARejoin(t *testing.T) {
	s, _ := openTemp(t)
	fillMember(t, s, memberA)
	ctx := context.Background()
	now := time.Now()
	if _, err := s.SetFormTipSchedule(ctx, spotter.FormTipSchedule{GuildID: guild, ChannelID: "6", Spec: "0 9 * * MON", Zone: "UTC", CreatedBy: memberA}); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkGuildLeft(ctx, guild, now.Add(-2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if purged, err := s.PurgeDepartedGuilds(ctx, now.Add(-3*time.Hour)); err != nil || len(purged) != 0 {
		t.Fatalf("purged %v inside the grace period (%v)", purged, err)
	}
	if err := s.MarkGuildPresent(ctx, guild); err != nil {
		t.Fatal(err)
	}
	if purged, _ := s.PurgeDepartedGuilds(ctx, now); len(purged) != 0 {
		t.Fatalf("purged %v after the bot was added back", purged)
	}
	if err := s.MarkGuildLeft(ctx, guild, now.Add(-2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	purged, err := s.PurgeDepartedGuilds(ctx, now)
	if err != nil || !slices.Equal(purged, []string{guild}) {
		t.Fatalf("purged %v, %v", purged, err)
	}
	if left := rowsMentioning(t, s, guild); len(left) > 0 {
		t.Errorf("server data left after purge: %v", left)
	}
	ids, err := s.GuildsWithData(ctx)
	if err != nil || slices.Contains(ids, guild) {
		t.Errorf("GuildsWithData = %v, %v", ids, err)
	}
}

func TestPurgePainEntriesBeforeKeepsRecentOnes(t *testing.T) {
	s, _ := openTemp(t)
	fillMember(t, s, memberA)
	n, err := s.PurgePainEntriesBefore(context.Background(), s.now().Add(-time.Hour))
	if err != nil || n != 0 {
		t.Fatalf("purged %d recent entries (%v)", n, err)
	}
	n, err = s.PurgePainEntriesBefore(context.Background(), s.now().Add(time.Hour))
	if err != nil || n != 2 {
		t.Fatalf("purged %d old entries (%v), want 2", n, err)
	}
}

func TestDeleteAndExportRefuseIDsThatAreNotSnowflakes(t *testing.T) {
	s, _ := openTemp(t)
	fillMember(t, s, memberB)
	ctx := context.Background()
	for _, id := range []string{"%", "_", "1800%", "", "abc", "18000000000000000_1", "0123456789012345"} {
		if err := s.DeleteMember(ctx, id); err == nil {
			t.Errorf("DeleteMember(%q) succeeded, want it refused", id)
		}
		if _, err := s.ExportMember(ctx, id); err == nil {
			t.Errorf("ExportMember(%q) succeeded, want it refused", id)
		}
	}
	if _, ok, _ := s.PendingJob(ctx, spotter.CheckinDailyKey(memberB)); !ok {
		t.Error("a wildcard id deleted another member's queued check-in")
	}
}

func TestExportIncludesCheckinPrompts(t *testing.T) {
	s, _ := openTemp(t)
	fillMember(t, s, memberA)
	got, err := s.ExportMember(context.Background(), memberA)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.CheckinPrompts) != 1 || got.CheckinPrompts[0].Kind != spotter.PromptDaily || got.CheckinPrompts[0].DueAt.IsZero() {
		t.Errorf("check-in prompts in export = %+v, want the one daily prompt", got.CheckinPrompts)
	}
}

func TestRetentionPurgesOldCheckinPrompts(t *testing.T) {
	s, _ := openTemp(t)
	fillMember(t, s, memberA)
	ctx := context.Background()
	count := func() int {
		var n int
		if err := s.db.QueryRow("SELECT COUNT(*) FROM checkin_prompts").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if _, err := s.PurgePainEntriesBefore(ctx, s.now().Add(-time.Hour)); err != nil || count() != 1 {
		t.Fatalf("a recent prompt was purged (%v)", err)
	}
	if _, err := s.PurgePainEntriesBefore(ctx, s.now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 0 {
		t.Errorf("%d check-in prompts past the retention limit are still kept", n)
	}
}

func TestDetachFormTipsKeepsThemForModeratorsWithoutTheAuthor(t *testing.T) {
	s, _ := openTemp(t)
	fillMember(t, s, memberA)
	ctx := context.Background()
	tips, err := s.FormTipsByAuthor(ctx, memberA)
	if err != nil || len(tips) != 1 {
		t.Fatalf("tips by author = %v, %v", tips, err)
	}
	if err := s.DetachFormTips(ctx, memberA, []int64{tips[0].ID}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMember(ctx, memberA); err != nil {
		t.Fatal(err)
	}
	kept, err := s.FormTip(ctx, guild, tips[0].ID)
	if err != nil {
		t.Fatalf("the detached tip is gone: %v", err)
	}
	if kept.AuthorID != "" || kept.MessageID != tips[0].MessageID || kept.ChannelID != tips[0].ChannelID {
		t.Errorf("detached tip = %+v, want the message kept and the author gone", kept)
	}
}

// onDisk reports whether text is anywhere in the database file or its WAL.
func onDisk(t *testing.T, path, text string) []string {
	t.Helper()
	var found []string
	for _, p := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(text)) {
			found = append(found, filepath.Base(p))
		}
	}
	return found
}

func TestDeletedNotesDoNotSurviveOnDisk(t *testing.T) {
	cases := []struct {
		name   string
		delete func(s *Store) error
	}{
		{"privacy delete", func(s *Store) error { return s.DeleteMember(context.Background(), memberA) }},
		{"retention purge", func(s *Store) error {
			_, err := s.PurgePainEntriesBefore(context.Background(), s.now().Add(time.Hour))
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, path := openTemp(t)
			fillMember(t, s, memberA)
			// Half the writes reach the main file, half stay in the WAL.
			if _, err := s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
				t.Fatal(err)
			}
			if _, err := s.AddPainEntry(context.Background(), spotter.PainEntry{PlanID: 1, Source: "manual", Pain: 6, Note: "sciatica-note-in-wal", At: s.now()}); err != nil {
				t.Fatal(err)
			}
			if len(onDisk(t, path, "after deadlifts")) == 0 || len(onDisk(t, path, "sciatica-note-in-wal")) == 0 {
				t.Fatal("the fixture's notes are not on disk to begin with")
			}
			if err := tc.delete(s); err != nil {
				t.Fatal(err)
			}
			for _, note := range []string{"after deadlifts", "sciatica-note-in-wal"} {
				if where := onDisk(t, path, note); len(where) > 0 {
					t.Errorf("deleted note %q is still readable in %v", note, where)
				}
			}
		})
	}
}
