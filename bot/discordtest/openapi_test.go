package discordtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// specForTest returns the parsed spec, skipping when the shared reference
// tree is not beside this checkout.
func specForTest(t *testing.T) *apiSpec {
	t.Helper()
	path := locateSpec(workingDir())
	if path == "" {
		t.Skipf("%s not found from %s; the schema checks it backs are skipped too", specRelPath, workingDir())
	}
	spec, err := specs.get(path)
	if err != nil {
		t.Fatalf("load spec: %v", err)
	}
	return spec
}

func TestSpecValidatorAcceptsAndRejectsBodies(t *testing.T) {
	t.Parallel()
	spec := specForTest(t)
	cases := []struct {
		name, method, path, body string
		valid                    bool
	}{
		{"message with content", "POST", "/channels/{channel_id}/messages", `{"content":"hi","embeds":null,"tts":false,"components":null,"sticker_ids":null}`, true},
		{"content is a number", "POST", "/channels/{channel_id}/messages", `{"content":5}`, false},
		{"embed title too long", "POST", "/channels/{channel_id}/messages", `{"embeds":[{"title":"` + strings.Repeat("t", 257) + `"}]}`, false},
		{"deferred callback", "POST", "/interactions/{interaction_id}/{interaction_token}/callback", `{"type":5,"data":{"flags":64}}`, true},
		{"callback type unknown", "POST", "/interactions/{interaction_id}/{interaction_token}/callback", `{"type":77}`, false},
		{"permissions as discordgo sends them", "PUT", "/applications/{application_id}/commands", `[{"name":"tips","description":"d","default_member_permissions":"8192","options":null}]`, true},
		{"permissions not a number", "PUT", "/applications/{application_id}/commands", `[{"name":"tips","description":"d","default_member_permissions":"lots"}]`, false},
		{"route without a body schema", "GET", "/gateway", `{}`, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := spec.validate(tc.method, tc.path, []byte(tc.body))
			if (err == nil) != tc.valid {
				t.Errorf("validate = %v, want valid=%v", err, tc.valid)
			}
		})
	}
}

func TestInvalidBodyIsRecordedAsViolation(t *testing.T) {
	t.Parallel()
	specForTest(t)
	srv := Start(t, Options{})

	resp := raw(t, srv, "POST", "/channels/"+DefaultChannelID+"/messages", map[string]any{"content": "ok", "tts": "yes"})

	if resp.StatusCode != 200 {
		t.Fatalf("status %d: the stand-in only records schema problems, it does not reject them", resp.StatusCode)
	}
	v := srv.TakeViolations()
	if len(v) != 1 || v[0].Kind != "schema" || v[0].Method != "POST" || !strings.Contains(v[0].Path, "/messages") {
		t.Fatalf("violations %v, want one schema violation for the POST", v)
	}
	if !strings.Contains(v[0].Detail, "tts") {
		t.Errorf("violation detail %q does not name the field", v[0].Detail)
	}
}

func TestUnknownRouteIs404AndRecorded(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})

	resp := raw(t, srv, "GET", "/guilds/"+DefaultGuildID+"/audit-logs", nil)

	if resp.StatusCode != 404 || !strings.Contains(string(readBody(t, resp)), `"404: Not Found"`) {
		t.Errorf("status %d, want 404 with Discord's body", resp.StatusCode)
	}
	if v := srv.TakeViolations(); len(v) != 1 || v[0].Kind != "route" {
		t.Errorf("violations %v, want one route violation", v)
	}
	if reqs := srv.Requests(); len(reqs) != 1 || reqs[0].Status != 404 {
		t.Errorf("requests %v, want the 404 recorded", reqs)
	}
}

func TestLocateSpecWalksUpAndBeside(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	specFile := filepath.Join(root, specRelPath)
	if err := os.MkdirAll(filepath.Dir(specFile), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(specFile, []byte(`{}`), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, start string }{
		{"ancestor holds shared/", filepath.Join(root, "main", "bot", "discordtest")},
		{"shared/ beside the checkout", filepath.Join(root, "main")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := locateSpec(tc.start); got != specFile {
				t.Errorf("locateSpec(%s) = %q, want %q", tc.start, got, specFile)
			}
		})
	}
	// A sibling tree without a spec must not pick up this one. (Whether a
	// real spec exists further up, say in /tmp/shared, depends on the
	// machine, so only this tree's file is ruled out.)
	if got := locateSpec(t.TempDir()); got == specFile {
		t.Errorf("found the sibling tree's spec %q where there is none", got)
	}
}
