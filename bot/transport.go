package bot

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// apiTransport sends every request discordgo makes to Discord's REST API to
// the configured base URL instead (discordgo's endpoints are fixed when the
// package loads), and counts Discord's error answers by status and code.
type apiTransport struct {
	base    *url.URL
	next    http.RoundTripper
	onError func(status, code int)
}

func newAPITransport(apiURL string, next http.RoundTripper, onError func(status, code int)) (*apiTransport, error) {
	u, err := url.Parse(strings.TrimRight(apiURL, "/"))
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("api url %q: not an absolute URL", apiURL)
	}
	if next == nil {
		next = http.DefaultTransport
	}
	return &apiTransport{base: u, next: next, onError: onError}, nil
}

func (t *apiTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if rest, ok := strings.CutPrefix(req.URL.String(), discordgo.EndpointAPI); ok {
		target, err := url.Parse(t.base.String() + "/" + rest)
		if err != nil {
			return nil, fmt.Errorf("rewrite %s: %w", req.URL.Path, err)
		}
		req = req.Clone(req.Context())
		req.URL = target
		req.Host = target.Host
	}
	resp, err := t.next.RoundTrip(req)
	if err != nil || resp.StatusCode < 400 || t.onError == nil {
		return resp, err
	}
	t.onError(resp.StatusCode, peekErrorCode(resp))
	return resp, nil
}

// peekErrorCode reads Discord's JSON error code from resp and puts the body
// back for discordgo to read.
func peekErrorCode(resp *http.Response) int {
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	if err != nil {
		return 0
	}
	var payload struct {
		Code int `json:"code"`
	}
	if json.Unmarshal(body, &payload) != nil {
		return 0
	}
	return payload.Code
}
