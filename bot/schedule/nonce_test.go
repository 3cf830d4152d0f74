package schedule

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestAddNonceMakesDiscordDeduplicate(t *testing.T) {
	t.Parallel()
	req, err := http.NewRequest(http.MethodPost, "https://discord.com/api/v9/channels/1/messages", strings.NewReader(`{"content":"How is your back?","tts":false}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	out, err := addNonce(req, "spj1z")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(out.Body)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	if got["nonce"] != "spj1z" || got["enforce_nonce"] != true || got["content"] != "How is your back?" {
		t.Errorf("body %s: want the message plus nonce and enforce_nonce", body)
	}
	if out.ContentLength != int64(len(body)) {
		t.Errorf("Content-Length %d for a %d-byte body", out.ContentLength, len(body))
	}
}

func TestAddNonceRefusesBodiesItCannotExtend(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, contentType, body string
	}{
		{"multipart upload", "multipart/form-data; boundary=x", "--x--"},
		{"not an object", "application/json", `["content"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodPost, "https://discord.com/api/v9/channels/1/messages", strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", tt.contentType)
			if _, err := addNonce(req, "n"); err == nil {
				t.Error("a message that cannot carry its nonce would be sent without one")
			}
		})
	}
}

func TestJobNonceFitsDiscordAndIsStablePerJob(t *testing.T) {
	t.Parallel()
	a, b := Job{ID: 1<<62 + 12345}, Job{ID: 1<<62 + 12346}
	if len(a.Nonce()) > 25 {
		t.Errorf("nonce %q is longer than Discord's 25 characters", a.Nonce())
	}
	if a.Nonce() != (Job{ID: a.ID, Attempt: 3}).Nonce() || a.Nonce() == b.Nonce() {
		t.Error("the nonce must be the same on every attempt of a job and differ between jobs")
	}
}
