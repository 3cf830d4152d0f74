package schedule

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
)

// addNonce returns a copy of req whose JSON body also carries nonce and
// enforce_nonce: true, which discordgo v0.29.0's MessageSend cannot express.
// With enforce_nonce, Discord answers a second create with the same nonce
// (within a few minutes) with the message it already made.
func addNonce(req *http.Request, nonce string) (*http.Request, error) {
	mediaType, _, err := mime.ParseMediaType(req.Header.Get("Content-Type"))
	if err != nil || mediaType != "application/json" || req.Body == nil {
		return nil, fmt.Errorf("add nonce to %s %s: only JSON bodies can carry one", req.Method, req.URL.Path)
	}
	raw, err := io.ReadAll(req.Body)
	if err != nil {
		return nil, fmt.Errorf("add nonce: read body: %w", err)
	}
	if err := req.Body.Close(); err != nil {
		return nil, fmt.Errorf("add nonce: close body: %w", err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, fmt.Errorf("add nonce: body is not a JSON object: %w", err)
	}
	quoted, err := json.Marshal(nonce)
	if err != nil {
		return nil, fmt.Errorf("add nonce: %w", err)
	}
	fields["nonce"] = quoted
	fields["enforce_nonce"] = json.RawMessage("true")
	body, err := json.Marshal(fields)
	if err != nil {
		return nil, fmt.Errorf("add nonce: %w", err)
	}
	out := req.Clone(req.Context())
	out.Body = io.NopCloser(bytes.NewReader(body))
	out.ContentLength = int64(len(body))
	out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	return out, nil
}
