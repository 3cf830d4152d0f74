package discordtest

import (
	"bytes"
	"cmp"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// HTTP interactions: once SetInteractionsEndpoint has checked a bot's
// endpoint the way the Developer Portal does, every interaction is POSTed
// there, signed with the stand-in's Ed25519 key (PublicKey), instead of
// being dispatched on the gateway. The reply body is the first response and
// is applied exactly like a REST callback, with the same rules (deadline,
// allowed types, limits, schema); a reply Discord would reject is recorded
// as a violation of kind "http-interaction".

// httpInteractions is the stand-in's HTTP-interactions state.
type httpInteractions struct {
	once sync.Once
	priv ed25519.PrivateKey
	pub  ed25519.PublicKey

	mu       sync.Mutex
	endpoint string
	client   *http.Client
	// inFlight holds, by interaction token, a channel closed once the
	// reply to that interaction's POST has been applied.
	inFlight map[string]chan struct{}
	// status is the HTTP status of each interaction's POST, by id.
	status map[string]int
	// removed are guilds the bot was removed from (RemoveBotFromGuild).
	removed map[string]bool
}

func (h *httpInteractions) init() {
	h.once.Do(func() {
		pub, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			panic(fmt.Sprintf("discordtest: generate Ed25519 key: %v", err)) // crypto/rand never fails on supported platforms.
		}
		h.pub, h.priv = pub, priv
		h.inFlight = map[string]chan struct{}{}
		h.status = map[string]int{}
		h.removed = map[string]bool{}
	})
}

// PublicKey is the hex Ed25519 public key the stand-in signs HTTP
// interactions with: what the Developer Portal shows as the application's
// Public Key.
func (s *Server) PublicKey() string {
	s.hi.init()
	return hex.EncodeToString(s.hi.pub)
}

// SetInteractionsEndpoint checks url as the Developer Portal does when the
// Interactions Endpoint URL is saved: a signed PING must be answered 200
// with a JSON PONG, and a PING with a wrong signature must be refused with
// 401. Once it passes, interactions are POSTed to url instead of being
// dispatched on the gateway.
func (s *Server) SetInteractionsEndpoint(ctx context.Context, url string) error {
	s.hi.init()
	client := &http.Client{Timeout: s.opts.CallbackDeadline}
	ping := []byte(`{"id":"` + s.ids.next() + `","application_id":"` + s.opts.ApplicationID + `","type":1,"token":"ping.` + randomToken(16) + `","version":1}`)
	reply, err := s.post(ctx, client, url, EndpointRequest{Body: ping})
	if err != nil {
		return fmt.Errorf("validate interactions endpoint %s: %w", url, err)
	}
	var pong struct {
		Type *int `json:"type"`
	}
	if reply.Status != http.StatusOK || !reply.isJSON() || json.Unmarshal(reply.Body, &pong) != nil || pong.Type == nil || *pong.Type != 1 {
		return fmt.Errorf("validate interactions endpoint %s: a signed PING got %d %q %s, want 200 application/json {\"type\":1}", url, reply.Status, reply.ContentType, reply.Body)
	}
	reply, err = s.post(ctx, client, url, EndpointRequest{Body: ping, BadSignature: true})
	if err != nil {
		return fmt.Errorf("validate interactions endpoint %s: %w", url, err)
	}
	if reply.Status != http.StatusUnauthorized {
		return fmt.Errorf("validate interactions endpoint %s: a PING with a wrong signature got %d, want 401", url, reply.Status)
	}
	s.hi.mu.Lock()
	s.hi.endpoint, s.hi.client = url, client
	s.hi.mu.Unlock()
	return nil
}

// EndpointRequest is one request to the interactions endpoint, signed as
// Discord signs unless told otherwise, for tests of the endpoint's checks.
type EndpointRequest struct {
	// Method defaults to POST.
	Method string
	// Body is sent as is (application/json).
	Body []byte
	// Timestamp is the signed X-Signature-Timestamp; zero means now.
	Timestamp time.Time
	// BadSignature signs with another key; Unsigned sends no signature
	// headers at all.
	BadSignature, Unsigned bool
}

// EndpointReply is the endpoint's answer.
type EndpointReply struct {
	Status      int
	ContentType string
	Body        []byte
	// ReceivedAt is when the reply had arrived, before the stand-in
	// checked it.
	ReceivedAt time.Time
}

func (r *EndpointReply) isJSON() bool {
	mt, _, err := mime.ParseMediaType(r.ContentType)
	return err == nil && mt == "application/json"
}

// PostToEndpoint sends req to the endpoint SetInteractionsEndpoint checked
// and returns the answer; nothing is recorded as a callback.
func (s *Server) PostToEndpoint(ctx context.Context, req EndpointRequest) (*EndpointReply, error) {
	s.hi.init()
	s.hi.mu.Lock()
	url, client := s.hi.endpoint, s.hi.client
	s.hi.mu.Unlock()
	if url == "" {
		return nil, errors.New("no interactions endpoint: call SetInteractionsEndpoint first")
	}
	return s.post(ctx, client, url, req)
}

func (s *Server) post(ctx context.Context, client *http.Client, url string, req EndpointRequest) (*EndpointReply, error) {
	method := req.Method
	if method == "" {
		method = http.MethodPost
	}
	ts := req.Timestamp
	if ts.IsZero() {
		ts = time.Now()
	}
	r, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(req.Body))
	if err != nil {
		return nil, fmt.Errorf("build request: %w", err)
	}
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("User-Agent", "Discord-Interactions/1.0 (+https://discord.com)")
	if !req.Unsigned {
		stamp := strconv.FormatInt(ts.Unix(), 10)
		key := s.hi.priv
		if req.BadSignature {
			_, key, _ = ed25519.GenerateKey(rand.Reader) // crypto/rand never fails on supported platforms.
		}
		sig := ed25519.Sign(key, append([]byte(stamp), req.Body...))
		r.Header.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
		r.Header.Set("X-Signature-Timestamp", stamp)
	}
	resp, err := client.Do(r)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", method, url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return nil, fmt.Errorf("read the reply from %s: %w", url, err)
	}
	return &EndpointReply{Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), Body: body, ReceivedAt: time.Now()}, nil
}

// deliver sends a new interaction to the bot: over HTTP when an endpoint
// is set, else on the gateway. Call without s.mu held.
func (s *Server) deliver(st *interaction, raw json.RawMessage) error {
	s.hi.init()
	s.hi.mu.Lock()
	url, client := s.hi.endpoint, s.hi.client
	if url == "" {
		s.hi.mu.Unlock()
		return s.gw.dispatch("INTERACTION_CREATE", raw)
	}
	applied := make(chan struct{})
	s.hi.inFlight[st.token] = applied
	s.hi.mu.Unlock()
	s.mu.Lock()
	closed := s.closed
	if !closed {
		s.wg.Add(1)
	}
	s.mu.Unlock()
	if closed {
		return errors.New("the stand-in is closed")
	}
	go func() {
		defer s.wg.Done()
		defer close(applied)
		s.answerOverHTTP(st, client, url, raw)
	}()
	return nil
}

// answerOverHTTP POSTs the interaction and applies the reply body as its
// first response. Discord waits CallbackDeadline for the reply.
func (s *Server) answerOverHTTP(st *interaction, client *http.Client, url string, raw json.RawMessage) {
	const path = "/interactions/{interaction_id}/{interaction_token}/callback"
	fail := func(format string, args ...any) {
		s.violate(Violation{Kind: "http-interaction", Method: http.MethodPost, Path: url,
			Detail: fmt.Sprintf("interaction %s: ", st.id) + fmt.Sprintf(format, args...)})
	}
	reply, err := s.post(context.Background(), client, url, EndpointRequest{Body: raw})
	s.hi.mu.Lock()
	if reply != nil {
		s.hi.status[st.id] = reply.Status
	}
	s.hi.mu.Unlock()
	switch {
	case err != nil:
		fail("no reply (the member sees \"The application did not respond\"): %v", err)
		return
	case reply.Status != http.StatusOK:
		fail("answered %d %s (the member sees \"The application did not respond\")", reply.Status, bytes.TrimSpace(reply.Body))
		return
	case !reply.isJSON():
		fail("reply Content-Type is %q, want application/json", reply.ContentType)
		return
	}
	var body struct {
		Type *int            `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(reply.Body, &body); err != nil || body.Type == nil {
		fail("reply %s is not an interaction response", reply.Body)
		return
	}
	if err := s.spec.validate(http.MethodPost, path, reply.Body); err != nil {
		s.violate(Violation{Kind: "schema", Method: http.MethodPost, Path: path, Detail: "HTTP interaction reply: " + err.Error()})
	}
	if e := s.acceptCallback(st, discordgo.InteractionResponseType(*body.Type), body.Data, parsedBody{payload: reply.Body}, reply.ReceivedAt); e != nil {
		detail, _ := json.Marshal(e)
		fail("reply refused as a callback would be: %d %s", e.status, detail)
	}
}

// settleHTTPReply waits until the reply to an interaction's POST has been
// applied, so a webhook call the bot makes right after replying (a defer
// filled in at once) finds the response Discord already has.
func (s *Server) settleHTTPReply(token string) {
	if token == "" {
		return
	}
	s.hi.init()
	s.hi.mu.Lock()
	applied := s.hi.inFlight[token]
	s.hi.mu.Unlock()
	if applied == nil {
		return
	}
	select {
	case <-applied:
	case <-time.After(s.opts.CallbackDeadline):
	}
}

// HTTPStatus is the status the bot's endpoint answered this interaction's
// POST with: 0 while it is in flight, or when it went over the gateway.
func (i *Interaction) HTTPStatus() int {
	i.s.hi.init()
	i.s.hi.mu.Lock()
	defer i.s.hi.mu.Unlock()
	return i.s.hi.status[i.ID]
}

// RemoveBotFromGuild removes the bot from a guild, as a server admin
// kicking it does: GET /users/@me/guilds stops listing it and, when a
// gateway session is connected, GUILD_DELETE (without unavailable) is sent.
func (s *Server) RemoveBotFromGuild(guildID string) {
	s.t.Helper()
	if s.guild(guildID) == nil {
		s.fatalf("RemoveBotFromGuild: %s is not one of Options.Guilds", guildID)
	}
	s.hi.init()
	s.hi.mu.Lock()
	s.hi.removed[guildID] = true
	s.hi.mu.Unlock()
	if s.Connected() {
		s.Dispatch("GUILD_DELETE", map[string]any{"id": guildID})
	}
}

// getCurrentUserGuilds serves GET /users/@me/guilds: the configured guilds
// the bot was not removed from, by id, with limit (1-200, default 200),
// after and before.
func (c *call) getCurrentUserGuilds() {
	s := c.s
	s.hi.init()
	q := c.r.URL.Query()
	limit := parseLimit(q.Get("limit"), 200, 200)
	after, before := q.Get("after"), q.Get("before")
	type partialGuild struct {
		ID          string   `json:"id"`
		Name        string   `json:"name"`
		Icon        *string  `json:"icon"`
		Owner       bool     `json:"owner"`
		Permissions string   `json:"permissions"`
		Features    []string `json:"features"`
	}
	out := []partialGuild{}
	s.hi.mu.Lock()
	defer s.hi.mu.Unlock()
	for _, g := range s.opts.Guilds {
		if s.hi.removed[g.ID] || (after != "" && !snowflakeLess(after, g.ID)) || (before != "" && !snowflakeLess(g.ID, before)) {
			continue
		}
		out = append(out, partialGuild{ID: g.ID, Name: g.Name, Permissions: permString(DefaultAppPermissions), Features: []string{}})
	}
	slices.SortFunc(out, func(a, b partialGuild) int { return compareSnowflakes(a.ID, b.ID) })
	if len(out) > limit {
		out = out[:limit]
	}
	c.respond(http.StatusOK, out)
}

// getCurrentApplication serves GET /oauth2/applications/@me, which a bot
// without a gateway asks for its application id.
func (c *call) getCurrentApplication() {
	s := c.s
	c.respond(http.StatusOK, map[string]any{
		"id": s.opts.ApplicationID, "name": s.opts.BotUsername, "icon": nil, "description": "",
		"bot_public": true, "bot_require_code_grant": false, "verify_key": s.PublicKey(),
		"flags": 0, "bot": s.botWire(),
	})
}

func compareSnowflakes(a, b string) int {
	if c := cmp.Compare(len(a), len(b)); c != 0 {
		return c
	}
	return cmp.Compare(a, b)
}
