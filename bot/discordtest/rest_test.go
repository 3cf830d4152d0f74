package discordtest

import (
	"net/http"
	"strings"
	"testing"
)

func TestAuthorizationAndVersions(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	base := strings.TrimSuffix(srv.APIURL(), "/api/v9")
	cases := []struct {
		name, path, auth string
		want             int
	}{
		{"bot token on v9", "/api/v9/users/@me", "Bot test-token", 200},
		{"bot token on v10", "/api/v10/users/@me", "Bot test-token", 200},
		{"token without the Bot prefix", "/api/v9/users/@me", "test-token", 401},
		{"wrong token", "/api/v9/users/@me", "Bot other", 401},
		{"no header", "/api/v9/users/@me", "", 401},
		{"interaction webhook needs no header", "/api/v9/webhooks/" + srv.ApplicationID() + "/unknown-token/messages/@original", "", 401},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequestWithContext(ctxT(t), "GET", base+tc.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tc.auth != "" {
				req.Header.Set("Authorization", tc.auth)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body := string(readBody(t, resp))
			if resp.StatusCode != tc.want {
				t.Fatalf("status %d (%s), want %d", resp.StatusCode, body, tc.want)
			}
			if tc.want == 401 && tc.auth != "" && !strings.Contains(body, `"401: Unauthorized"`) {
				t.Errorf("body %s, want Discord's 401 body", body)
			}
			if tc.auth == "" && tc.want == 401 && strings.Contains(tc.path, "/webhooks/") && !strings.Contains(body, `"code":50027`) {
				t.Errorf("body %s: an interaction webhook with an unknown token is 50027, not an auth failure", body)
			}
		})
	}
}
