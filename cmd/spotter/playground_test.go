package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/spotter-bot/spotter/bot/playground"
)

// runningPlayground is `spotter playground` started by run() in the
// background until the test ends.
type runningPlayground struct {
	url    string // http://127.0.0.1:PORT/
	stdout *syncBuffer
	logs   *syncBuffer
}

var playgroundURLLine = regexp.MustCompile(`(?m)^http://127\.0\.0\.1:\d+/$`)

// startPlayground runs the real subcommand with extra flags and waits for
// the line with its URL.
func startPlayground(t testing.TB, flags ...string) *runningPlayground {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	rp := &runningPlayground{stdout: &syncBuffer{}, logs: &syncBuffer{}}
	exited := make(chan error, 1)
	args := append([]string{"playground", "-addr", "127.0.0.1:0"}, flags...)
	go func() { exited <- run(ctx, args, envWith("", ""), rp.stdout, rp.logs) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("spotter playground returned %v\nlogs:\n%s", err, rp.logs)
			}
		case <-time.After(15 * time.Second):
			t.Error("spotter playground did not return after its context was cancelled")
		}
	})
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if line := playgroundURLLine.FindString(rp.stdout.String()); line != "" {
			rp.url = line
			return rp
		}
		select {
		case err := <-exited:
			t.Fatalf("spotter playground exited before it was ready: %v\nlogs:\n%s", err, rp.logs)
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("spotter playground printed no URL line within 30 s; stdout %q\nlogs:\n%s", rp.stdout, rp.logs)
	return nil
}

// call sends a request to the playground's API and decodes the JSON answer.
func (rp *runningPlayground) call(t testing.TB, method, path string, body any) (int, map[string]any) {
	t.Helper()
	var in io.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		in = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, strings.TrimSuffix(rp.url, "/")+path, in)
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		t.Fatalf("%s %s: answer is not JSON: %v", method, path, err)
	}
	return res.StatusCode, out
}

var pgMember = playground.People[0]

func TestPlaygroundServesThePageAndAnswersASlashCommand(t *testing.T) {
	t.Parallel()
	rp := startPlayground(t)
	if strings.Count(rp.stdout.String(), "\n") != 1 {
		t.Errorf("stdout should be the URL line only, got %q", rp.stdout)
	}

	page := fetch(t, rp.url)
	for _, want := range []string{"<title>Spotter playground</title>", "app.js", "style.css"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if js := fetch(t, rp.url+"app.js"); !strings.Contains(js, "/api/command") {
		t.Error("app.js is not served from the embedded files")
	}

	status, st := rp.call(t, "GET", "/api/state?user="+pgMember.ID, nil)
	if status != http.StatusOK {
		t.Fatalf("state: %d %v", status, st)
	}
	raw, _ := json.Marshal(st)
	for _, want := range []string{`"name":"general"`, `"name":"form-tips"`, `"name":"sore-back"`, `"name":"checkin start"`, `"kind":"moderator"`, `"kind":"coach"`} {
		if !bytes.Contains(raw, []byte(want)) {
			t.Errorf("state lacks %s: %s", want, raw)
		}
	}

	status, out := rp.call(t, "POST", "/api/command", map[string]any{
		"user": pgMember.ID, "channel": playground.GeneralID, "command": "sore-back",
		"options": map[string]any{"question": "lower back is cooked after deadlifts"},
	})
	if status != http.StatusOK || out["ok"] != true {
		t.Fatalf("/sore-back: %d %v", status, out)
	}
	reply := waitForMessage(t, rp, playground.GeneralID, pgMember.ID, func(m map[string]any) bool {
		return m["used"] != nil && len(asList(m["embeds"])) > 0
	})
	if used := reply["used"].(map[string]any); used["command"] != "/sore-back" || used["user"] != pgMember.Name {
		t.Errorf("reply is labelled %v, want %s used /sore-back", used, pgMember.Name)
	}
	comps, _ := json.Marshal(reply["components"])
	if !bytes.Contains(comps, []byte(`"label":"Red-flag check"`)) {
		t.Errorf("reply lacks the Red-flag check button: %s", comps)
	}

	// A helper's mistake is a 400 the page shows, and the playground lives on.
	status, out = rp.call(t, "POST", "/api/command", map[string]any{"user": pgMember.ID, "channel": playground.GeneralID, "command": "no-such-command"})
	if status != http.StatusBadRequest || !strings.Contains(out["error"].(string), "no registered command") {
		t.Errorf("unknown command: %d %v, want 400 naming the problem", status, out)
	}

	status, out = rp.call(t, "POST", "/api/clock", map[string]any{"advance": "24h"})
	if status != http.StatusOK || out["ahead"] != "1d" {
		t.Errorf("jumping a day: %d %v", status, out)
	}
	if status, _ := rp.call(t, "POST", "/api/clock", map[string]any{"advance": "-1h"}); status != http.StatusBadRequest {
		t.Errorf("jumping back: %d, want 400", status)
	}
}

// waitForMessage polls a channel as the page does until match finds a message.
func waitForMessage(t *testing.T, rp *runningPlayground, channel, user string, match func(map[string]any) bool) map[string]any {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var last map[string]any
	for time.Now().Before(deadline) {
		_, last = rp.call(t, "GET", "/api/messages?channel="+channel+"&user="+user, nil)
		for _, m := range asList(last["messages"]) {
			if msg, ok := m.(map[string]any); ok && match(msg) {
				return msg
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no matching message in channel %s: %v", channel, last)
	return nil
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func TestPlaygroundRefusesANonLoopbackAddress(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:8090", ":8090", "192.168.1.10:8090", "[::]:8090", "example.com:80"} {
		err := run(context.Background(), []string{"playground", "-addr", addr}, envWith("", ""), io.Discard, io.Discard)
		var ue *usageError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), "loopback") {
			t.Errorf("-addr %s: got %v, want a usage error about loopback addresses", addr, err)
		}
	}
}

func TestPlaygroundRemovesItsTemporaryDatabaseButKeepsDB(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	kept := filepath.Join(t.TempDir(), "kept.db")
	for _, flags := range [][]string{nil, {"-db", kept}} {
		stdout := &syncBuffer{}
		done := make(chan error, 1)
		ctx, stop := context.WithCancel(context.Background())
		go func() {
			done <- run(ctx, append([]string{"playground", "-addr", "127.0.0.1:0"}, flags...), envWith("", ""), stdout, io.Discard)
		}()
		for i := 0; i < 1500 && !playgroundURLLine.MatchString(stdout.String()); i++ {
			time.Sleep(20 * time.Millisecond)
		}
		if entries, _ := os.ReadDir(tmp); flags == nil && len(entries) != 1 {
			t.Errorf("while running, the temporary folder holds %d entries, want the playground's folder", len(entries))
		}
		stop()
		if err := <-done; err != nil {
			t.Fatalf("playground %v: %v", flags, err)
		}
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("the temporary database folder was left behind: %v", entries)
	}
	if _, err := os.Stat(kept); err != nil {
		t.Errorf("-db %s was not kept: %v", kept, err)
	}
}
