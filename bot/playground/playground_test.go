package playground

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestCheckLoopback(t *testing.T) {
	for addr, ok := range map[string]bool{
		"127.0.0.1:8090": true, "127.0.0.1:0": true, "127.1.2.3:80": true, "[::1]:8090": true, "localhost:8090": true,
		"0.0.0.0:8090": false, ":8090": false, "[::]:8090": false, "10.0.0.5:8090": false, "example.com:80": false, "127.0.0.1": false,
	} {
		if err := CheckLoopback(addr); (err == nil) != ok {
			t.Errorf("CheckLoopback(%q) = %v, want ok=%v", addr, err, ok)
		}
	}
	if _, err := Listen("0.0.0.0:0"); err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Errorf("Listen on every interface: %v, want a refusal naming loopback", err)
	}
}

func TestFormatAhead(t *testing.T) {
	for d, want := range map[time.Duration]string{0: "", time.Hour: "1h", 24 * time.Hour: "1d", 27 * time.Hour: "1d 3h", 14 * 24 * time.Hour: "14d"} {
		if got := formatAhead(d); got != want {
			t.Errorf("formatAhead(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestClockOnlyJumpsForward(t *testing.T) {
	var c Clock
	before := c.Now()
	c.Advance(24 * time.Hour)
	c.Advance(-48 * time.Hour)
	if got := c.Now().Sub(before); got < 24*time.Hour || got > 25*time.Hour {
		t.Errorf("after +24h and -48h the clock moved %v, want 24h", got)
	}
}

// Without a bot the page and the state still serve: the stand-in is up.
func TestHandlerServesTheEmbeddedPage(t *testing.T) {
	p, err := Start(Options{Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	srv := httptest.NewServer(p.Handler())
	defer srv.Close()
	for path, want := range map[string]string{
		"/":                               "<title>Spotter playground</title>",
		"/style.css":                      "--blurple",
		"/app.js":                         "Only you can see this",
		"/markdown.js":                    "function markdown",
		"/api/state?user=" + People[1].ID: `"kind":"moderator"`,
		"/api/messages?channel=" + GeneralID + "&user=" + People[0].ID: `"messages":[]`,
	} {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.Contains(string(body), want) {
			t.Errorf("GET %s: %d, body lacks %q", path, res.StatusCode, want)
		}
	}
	res, err := http.Get(srv.URL + "/api/state?user=42")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusBadRequest {
		t.Errorf("state for an unknown person: %d, want 400", res.StatusCode)
	}
}
