package bot

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/bwmarrin/discordgo"
)

func TestAPITransportSendsDiscordCallsToTheConfiguredBaseAndCountsErrors(t *testing.T) {
	var gotPath, gotQuery string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotPath, gotQuery = r.URL.Path, r.URL.RawQuery
		w.WriteHeader(http.StatusForbidden)
		io.WriteString(w, `{"message":"Cannot send messages to this user","code":50007}`)
	}))
	defer srv.Close()
	var status, code int
	tr, err := newAPITransport(srv.URL+"/proxy/api/v9/", nil, func(s, c int) { status, code = s, c })
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, discordgo.EndpointAPI+"channels/123/messages?wait=true", nil)
	resp, err := tr.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	if gotPath != "/proxy/api/v9/channels/123/messages" || gotQuery != "wait=true" {
		t.Errorf("request reached %s?%s", gotPath, gotQuery)
	}
	if status != http.StatusForbidden || code != 50007 {
		t.Errorf("counted status %d code %d", status, code)
	}
	if string(body) != `{"message":"Cannot send messages to this user","code":50007}` {
		t.Errorf("discordgo would read %q: the body must be put back", body)
	}
}

func TestAPITransportRejectsARelativeBase(t *testing.T) {
	if _, err := newAPITransport("discord.com/api", nil, nil); err == nil {
		t.Error("accepted a base URL without a scheme")
	}
}
