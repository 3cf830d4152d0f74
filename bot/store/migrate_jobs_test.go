package store

import (
	"context"
	"database/sql"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// migrationsUpTo is the embedded migrations up to and including version.
func migrationsUpTo(t *testing.T, version int) fs.FS {
	t.Helper()
	all, err := loadMigrations(migrationFiles)
	if err != nil {
		t.Fatal(err)
	}
	out := fstest.MapFS{}
	for _, m := range all[:version] {
		out["migrations/"+m.name] = &fstest.MapFile{Data: []byte(m.sql)}
	}
	return out
}

// Jobs queued before migration 0011 get their owners from the conventions
// they were written with, so privacy and retention still find them.
func TestJobOwnersMigrationFillsInExistingJobs(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "spotter.db")
	db, err := sql.Open("sqlite3", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return time.Unix(1_800_000_000, 0) }
	if err := migrate(ctx, db, migrationsUpTo(t, 10), now); err != nil {
		t.Fatal(err)
	}
	const member, coach, guild = "180000000000000001", "180000000000000003", "100000000000000009"
	old := []struct{ key, payload string }{
		{"checkin:" + member + ":daily", `{"user":"` + member + `"}`},
		{"checkin:" + member + ":after:7", `{"user":"` + member + `","workout":7}`},
		{"coach:" + member + ":" + coach + ":weekly", `{"member":"` + member + `","coach":"` + coach + `"}`},
		{"form-tip:" + guild + ":weekly", `{"guild_id":"` + guild + `"}`},
		{"other", `{}`},
	}
	for _, j := range old {
		if _, err := db.ExecContext(ctx, `INSERT INTO scheduled_jobs (kind, job_key, lane, payload, due_at, run_at, created_at)
			VALUES ('k', ?, '', ?, 1, 1, 1)`, j.key, j.payload); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got := map[string]string{}
	for _, j := range mustJobs(t, s, "") {
		got[j.Key] = strings.Join([]string{j.UserID, j.RecipientID, j.GuildID}, "|")
	}
	want := map[string]string{
		old[0].key: member + "||",
		old[1].key: member + "||",
		old[2].key: member + "|" + coach + "|",
		old[3].key: "||" + guild,
		old[4].key: "||",
	}
	for key, w := range want {
		if got[key] != w {
			t.Errorf("job %s: owners (user|recipient|guild) %q, want %q", key, got[key], w)
		}
	}
	// What the owners are for: the coach's delete reaches the share's job.
	if err := s.DeleteMember(ctx, coach); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.PendingJob(ctx, old[2].key); ok {
		t.Error("the coach's weekly job survived the coach's delete")
	}
	if _, ok, _ := s.PendingJob(ctx, old[0].key); !ok {
		t.Error("the coach's delete took the member's own check-in")
	}
}
