package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spotter-bot/spotter"
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
	export := func() spotter.MemberExport {
		t.Helper()
		var out strings.Builder
		if err := run(context.Background(), []string{"privacy", "export", "-config", configPath, user}, noEnv, &out, &out); err != nil {
			t.Fatalf("export: %v\n%s", err, out.String())
		}
		var data spotter.MemberExport
		if err := json.Unmarshal([]byte(out.String()), &data); err != nil {
			t.Fatalf("export is not JSON: %v", err)
		}
		return data
	}
	if got := export(); got.Settings.Region != "NZ" {
		t.Fatalf("export = %+v", got)
	}
	var out strings.Builder
	if err := run(context.Background(), []string{"privacy", "delete", "-yes", "-config", configPath, user}, noEnv, &out, &out); err != nil {
		t.Fatal(err)
	}
	if got := export(); got.Settings.Region != "" {
		t.Errorf("data left after delete: %+v", got)
	}
}

// askingEnv answers the confirmation question with answer, as if typed.
func askingEnv(answer string, stdout, stderr *strings.Builder) environment {
	return environment{getenv: noEnv, stdin: strings.NewReader(answer), stdout: stdout, stderr: stderr}
}

// memberWithRegion seeds one member and returns the config, the database
// path and a function that reads their region back.
func memberWithRegion(t *testing.T) (configPath, dbPath string, region func() string) {
	t.Helper()
	configPath, dbPath = seedDatabase(t, 1)
	const user = "180000000000000000"
	return configPath, dbPath, func() string {
		t.Helper()
		db, err := store.Open(context.Background(), dbPath)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		r, err := db.MemberRegion(context.Background(), user)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
}

func TestPrivacyDeleteAsksFirst(t *testing.T) {
	const user = "180000000000000000"
	t.Run("yes deletes", func(t *testing.T) {
		configPath, _, region := memberWithRegion(t)
		var out, errOut strings.Builder
		if err := runIn(context.Background(), []string{"privacy", "delete", "-config", configPath, user}, askingEnv("yes\n", &out, &errOut)); err != nil {
			t.Fatalf("%v\n%s", err, errOut.String())
		}
		if !strings.Contains(errOut.String(), "Type yes to delete") {
			t.Errorf("no question asked: %q", errOut.String())
		}
		if region() != "" {
			t.Error("data left after confirming")
		}
	})
	for _, answer := range []string{"no\n", "\n", ""} {
		t.Run(fmt.Sprintf("answer %q keeps the data", answer), func(t *testing.T) {
			configPath, _, region := memberWithRegion(t)
			var out, errOut strings.Builder
			err := runIn(context.Background(), []string{"privacy", "delete", "-config", configPath, user}, askingEnv(answer, &out, &errOut))
			if err == nil || !strings.Contains(err.Error(), "nothing deleted") {
				t.Errorf("err %v, want nothing deleted", err)
			}
			if strings.Contains(out.String(), "deleted everything") {
				t.Errorf("reported success: %q", out.String())
			}
			if region() != "GB" {
				t.Error("the data went without a yes")
			}
		})
	}
	t.Run("no terminal and no -yes refuses without asking", func(t *testing.T) {
		configPath, _, region := memberWithRegion(t)
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		fmt.Fprintln(w, "yes")
		w.Close()
		var out, errOut strings.Builder
		err = runIn(context.Background(), []string{"privacy", "delete", "-config", configPath, user},
			environment{getenv: noEnv, stdin: r, stdout: &out, stderr: &errOut})
		if exitCode(err, &errOut) != 2 || !strings.Contains(err.Error(), "-yes") {
			t.Errorf("err %v, want a refusal that names -yes", err)
		}
		if region() != "GB" {
			t.Error("deleted without a terminal to confirm on")
		}
	})
}

func TestPrivacyToolRejectsANonSnowflakeWithHowToFindTheID(t *testing.T) {
	configPath, _, _ := memberWithRegion(t)
	for _, id := range []string{"not-an-id", "@lifter", "12345"} {
		var out strings.Builder
		err := run(context.Background(), []string{"privacy", "export", "-config", configPath, id}, noEnv, &out, &out)
		if exitCode(err, &out) != 2 || !strings.Contains(fmt.Sprint(err), "not a Discord user id") || !strings.Contains(fmt.Sprint(err), "Copy User ID") {
			t.Errorf("%q: %v, want a usage error saying how to copy the id", id, err)
		}
	}
}

func TestPrivacyToolNeverCreatesAMissingDatabase(t *testing.T) {
	dir := t.TempDir()
	configPath := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(configPath, []byte("[database]\npath = \"spotter.db\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, action := range []string{"export", "delete"} {
		var out strings.Builder
		err := run(context.Background(), []string{"privacy", action, "-yes", "-config", configPath, "180000000000000001"}, noEnv, &out, &out)
		if action == "export" {
			err = run(context.Background(), []string{"privacy", action, "-config", configPath, "180000000000000001"}, noEnv, &out, &out)
		}
		if exitCode(err, &out) != 2 || !strings.Contains(fmt.Sprint(err), "no database at "+filepath.Join(dir, "spotter.db")) {
			t.Errorf("%s: %v, want exit 2 naming the missing file", action, err)
		}
		if strings.Contains(out.String(), "deleted everything") {
			t.Errorf("%s reported success", action)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "spotter.db")); err == nil {
		t.Error("an empty database was created")
	}
}

func TestPrivacyToolReadsARelativeDatabasePathFromTheConfigFolder(t *testing.T) {
	configPath, _, _ := memberWithRegion(t)
	// Run from another folder: the relative path still finds the database.
	t.Chdir(t.TempDir())
	var out strings.Builder
	if err := run(context.Background(), []string{"privacy", "export", "-config", configPath, "180000000000000000"}, noEnv, &out, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), `"GB"`) {
		t.Errorf("export from another folder did not find the member:\n%s", out.String())
	}
}
