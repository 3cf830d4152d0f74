package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spotter-bot/spotter/bot/store"
)

func TestPrivacyToolExportsAndDeletesOneMemberWithoutAToken(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "spotter.db")
	db, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	const user = "180000000000000001"
	if err := db.SetMemberRegion(context.Background(), user, "NZ"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	configPath := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(configPath, []byte(fmt.Sprintf("[database]\npath = %q\n", dbPath)), 0o600); err != nil {
		t.Fatal(err)
	}
	export := func() store.MemberExport {
		t.Helper()
		var out strings.Builder
		if err := run(context.Background(), []string{"privacy", "export", "-config", configPath, user}, noEnv, &out, &out); err != nil {
			t.Fatalf("export: %v\n%s", err, out.String())
		}
		var data store.MemberExport
		if err := json.Unmarshal([]byte(out.String()), &data); err != nil {
			t.Fatalf("export is not JSON: %v", err)
		}
		return data
	}
	if got := export(); got.Settings.Region != "NZ" {
		t.Fatalf("export = %+v", got)
	}
	var out strings.Builder
	if err := run(context.Background(), []string{"privacy", "delete", "-config", configPath, user}, noEnv, &out, &out); err != nil {
		t.Fatal(err)
	}
	if got := export(); got.Settings.Region != "" {
		t.Errorf("data left after delete: %+v", got)
	}
	err = run(context.Background(), []string{"privacy", "delete", "-config", configPath, "not-an-id"}, noEnv, &out, &out)
	if exitCode(err, &out) != 2 {
		t.Errorf("a bad user id should be a usage error: %v", err)
	}
}
