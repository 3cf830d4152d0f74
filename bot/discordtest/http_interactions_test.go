package discordtest

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// endpoint is a hand-written HTTP interactions endpoint: it checks the
// signature with the stand-in's public key, answers PING, and answers
// everything else with reply.
func endpoint(t *testing.T, s *Server, checkSignature bool, reply string) string {
	t.Helper()
	key, err := hex.DecodeString(s.PublicKey())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		sig, _ := hex.DecodeString(r.Header.Get("X-Signature-Ed25519"))
		if checkSignature && (len(sig) != ed25519.SignatureSize || !ed25519.Verify(key, append([]byte(r.Header.Get("X-Signature-Timestamp")), body...), sig)) {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if strings.Contains(string(body), `"type":1,`) {
			io.WriteString(w, `{"type":1}`)
			return
		}
		io.WriteString(w, reply)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// registerHelp registers /help as a bot would, over REST.
func registerHelp(t *testing.T, s *Server) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPut, s.APIURL()+"/applications/"+s.ApplicationID()+"/commands", strings.NewReader(`[{"name":"help","description":"d"}]`))
	req.Header.Set("Authorization", "Bot "+s.Token())
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("register /help: %d", resp.StatusCode)
	}
}

func TestHTTPInteractionsAreSignedPostedAndTheirReplyIsTheCallback(t *testing.T) {
	t.Parallel()
	s := Start(t, Options{})
	registerHelp(t, s)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.SetInteractionsEndpoint(ctx, endpoint(t, s, true, `{"type":4,"data":{"content":"hi","flags":64}}`)); err != nil {
		t.Fatal(err)
	}
	in := s.SlashCommand(Actor{UserID: "1800000000000000001", GuildID: DefaultGuildID}, "help")
	cb, err := in.Wait(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if cb.Type != discordgo.InteractionResponseChannelMessageWithSource || cb.Data.Content != "hi" {
		t.Errorf("callback = %d %+v", cb.Type, cb.Data)
	}
	m, err := in.Original(ctx)
	if err != nil || m.Content != "hi" || m.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("@original = %+v, %v", m, err)
	}
	if in.HTTPStatus() != http.StatusOK {
		t.Errorf("HTTPStatus = %d", in.HTTPStatus())
	}
	// The same reply twice is a second acknowledgement.
	if e := s.acceptCallback(in.st, 4, []byte(`{"content":"again"}`), parsedBody{}, time.Now()); e == nil || e.Code != codeAlreadyAcked {
		t.Errorf("second first response = %v, want 40060", e)
	}
}

func TestHTTPInteractionRepliesFollowDiscordsRules(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"update on a slash command": `{"type":7,"data":{"content":"x"}}`,
		"empty message":             `{"type":4,"data":{}}`,
		"not a response":            `[]`,
	}
	for name, reply := range cases {
		t.Run(name, func(t *testing.T) {
			s := Start(t, Options{})
			registerHelp(t, s)
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			if err := s.SetInteractionsEndpoint(ctx, endpoint(t, s, true, reply)); err != nil {
				t.Fatal(err)
			}
			s.SlashCommand(Actor{UserID: "1800000000000000001", GuildID: DefaultGuildID}, "help")
			var found bool
			for deadline := time.Now().Add(5 * time.Second); !found && time.Now().Before(deadline); time.Sleep(time.Millisecond) {
				for _, v := range s.TakeViolations() {
					found = found || v.Kind == "http-interaction" // recorded last, after any schema violation
				}
			}
			if !found {
				t.Errorf("reply %s accepted", reply)
			}
		})
	}
}

func TestTheEndpointIsCheckedLikeTheDeveloperPortalDoes(t *testing.T) {
	t.Parallel()
	s := Start(t, Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := s.SetInteractionsEndpoint(ctx, endpoint(t, s, false, `{}`))
	if err == nil || !strings.Contains(err.Error(), "401") {
		t.Errorf("an endpoint that skips the signature check was accepted: %v", err)
	}
}

func TestCurrentUserGuildsAndRemoval(t *testing.T) {
	t.Parallel()
	s := Start(t, Options{})
	get := func() string {
		req, _ := http.NewRequest(http.MethodGet, s.APIURL()+"/users/@me/guilds?limit=200", nil)
		req.Header.Set("Authorization", "Bot "+s.Token())
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	if got := get(); !strings.Contains(got, DefaultGuildID) {
		t.Fatalf("guilds = %s", got)
	}
	s.RemoveBotFromGuild(DefaultGuildID)
	if got := strings.TrimSpace(get()); got != "[]" {
		t.Errorf("after removal guilds = %s", got)
	}
}
