package schedule

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
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
		{"multipart upload without payload_json", "multipart/form-data; boundary=x", "--x--"},
		{"plain text", "text/plain", "hi"},
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

// A message with a file (a coach's weekly chart) is multipart: its
// payload_json carries the nonce, and the file arrives untouched.
func TestAddNonceReachesTheJSONOfAMessageWithAFile(t *testing.T) {
	t.Parallel()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if err := mw.WriteField("payload_json", `{"content":"Weekly update"}`); err != nil {
		t.Fatal(err)
	}
	chart := []byte("\x89PNG chart bytes")
	fw, err := mw.CreateFormFile("files[0]", "chart.png")
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(chart)
	mw.Close()
	req, err := http.NewRequest(http.MethodPost, "https://discord.com/api/v9/channels/1/messages", &body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	out, err := addNonce(req, "spj1z")
	if err != nil {
		t.Fatal(err)
	}
	form, err := multipart.NewReader(out.Body, mw.Boundary()).ReadForm(1 << 20)
	if err != nil {
		t.Fatalf("the body is no longer multipart: %v", err)
	}
	var payload map[string]any
	if err := json.Unmarshal([]byte(form.Value["payload_json"][0]), &payload); err != nil {
		t.Fatal(err)
	}
	if payload["nonce"] != "spj1z" || payload["enforce_nonce"] != true || payload["content"] != "Weekly update" {
		t.Errorf("payload_json %v: want the message plus nonce and enforce_nonce", payload)
	}
	files := form.File["files[0]"]
	if len(files) != 1 || files[0].Filename != "chart.png" {
		t.Fatalf("files %v: want chart.png", form.File)
	}
	f, err := files[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := io.ReadAll(f); !bytes.Equal(got, chart) {
		t.Errorf("the file changed on the way: %q", got)
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
