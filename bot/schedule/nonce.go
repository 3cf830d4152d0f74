package schedule

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
)

// addNonce returns a copy of req whose message also carries nonce and
// enforce_nonce: true, which discordgo v0.29.0's MessageSend cannot express.
// With enforce_nonce, Discord answers a second create with the same nonce
// (within a few minutes) with the message it already made. The message is
// the JSON body, or, for a message with files, the multipart body's
// payload_json part.
func addNonce(req *http.Request, nonce string) (*http.Request, error) {
	mediaType, params, err := mime.ParseMediaType(req.Header.Get("Content-Type"))
	if err != nil || req.Body == nil {
		return nil, fmt.Errorf("add nonce to %s %s: no JSON or multipart body to carry it", req.Method, req.URL.Path)
	}
	raw, err := io.ReadAll(req.Body)
	if err != nil {
		return nil, fmt.Errorf("add nonce: read body: %w", err)
	}
	if err := req.Body.Close(); err != nil {
		return nil, fmt.Errorf("add nonce: close body: %w", err)
	}
	var body []byte
	switch mediaType {
	case "application/json":
		body, err = withNonce(raw, nonce)
	case "multipart/form-data":
		body, err = multipartWithNonce(raw, params["boundary"], nonce)
	default:
		err = fmt.Errorf("a %s body cannot carry one", mediaType)
	}
	if err != nil {
		return nil, fmt.Errorf("add nonce to %s %s: %w", req.Method, req.URL.Path, err)
	}
	out := req.Clone(req.Context())
	out.Body = io.NopCloser(bytes.NewReader(body))
	out.ContentLength = int64(len(body))
	out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	return out, nil
}

// withNonce adds nonce and enforce_nonce to a JSON object.
func withNonce(message []byte, nonce string) ([]byte, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(message, &fields); err != nil {
		return nil, fmt.Errorf("body is not a JSON object: %w", err)
	}
	quoted, err := json.Marshal(nonce)
	if err != nil {
		return nil, err
	}
	fields["nonce"] = quoted
	fields["enforce_nonce"] = json.RawMessage("true")
	return json.Marshal(fields)
}

// multipartWithNonce copies a multipart body part by part, with the same
// boundary, adding the nonce to its payload_json part.
func multipartWithNonce(raw []byte, boundary, nonce string) ([]byte, error) {
	if boundary == "" {
		return nil, errors.New("multipart body without a boundary")
	}
	in := multipart.NewReader(bytes.NewReader(raw), boundary)
	var buf bytes.Buffer
	out := multipart.NewWriter(&buf)
	if err := out.SetBoundary(boundary); err != nil {
		return nil, err
	}
	found := false
	for {
		part, err := in.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read multipart body: %w", err)
		}
		content, err := io.ReadAll(part)
		if err != nil {
			return nil, fmt.Errorf("read multipart part: %w", err)
		}
		if part.FormName() == "payload_json" {
			if content, err = withNonce(content, nonce); err != nil {
				return nil, fmt.Errorf("payload_json: %w", err)
			}
			found = true
		}
		w, err := out.CreatePart(part.Header)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(content); err != nil {
			return nil, err
		}
	}
	if !found {
		return nil, errors.New("multipart body without payload_json")
	}
	if err := out.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
