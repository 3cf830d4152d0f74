package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// MaxInteractionBody is the largest interaction body the HTTP endpoint
// reads; a bigger one is answered 413. Discord's payloads are a few KiB.
const MaxInteractionBody = 1 << 20

// MaxSignatureAge is how far a request's X-Signature-Timestamp may be from
// now, either way, before it is refused as a replay (401).
const MaxSignatureAge = 5 * time.Minute

// httpDeadline is how long the endpoint waits for a first response: Discord
// drops the request after 3 s. AutoDefer answers long before this.
const httpDeadline = 3 * time.Second

// errReplyGone means the HTTP request ended before the first response was
// ready, so Discord never saw it.
var errReplyGone = errors.New("the HTTP request ended before the first response (Discord's 3-second deadline)")

// checkMode fills in and checks the transport options.
func checkMode(opts *Options) error {
	switch opts.Mode {
	case "", ModeGateway:
		opts.Mode = ModeGateway
	case ModeHTTP:
		if len(opts.PublicKey) != ed25519.PublicKeySize {
			return fmt.Errorf("bot: http mode needs the application's %d-byte Ed25519 public key, got %d bytes", ed25519.PublicKeySize, len(opts.PublicKey))
		}
		if opts.GuildPollInterval <= 0 {
			opts.GuildPollInterval = 10 * time.Minute
		}
	default:
		return fmt.Errorf("bot: mode %q is not %q or %q", opts.Mode, ModeGateway, ModeHTTP)
	}
	return nil
}

// guildLister is the REST call that lists the servers the bot is in.
type guildLister interface {
	UserGuilds(limit int, beforeID, afterID string, withCounts bool, options ...discordgo.RequestOption) ([]*discordgo.UserGuild, error)
}

// startHTTP is Start without a gateway: it checks the token and learns the
// application id over REST, registers the commands with the same bulk
// overwrite, and starts the poll that notices servers the bot was removed
// from. Interactions arrive at InteractionsHandler, which the caller serves.
func (b *Bot) startHTTP(ctx context.Context) error {
	app, err := b.currentApplication(ctx)
	if err != nil {
		if ErrorStatus(err) == http.StatusUnauthorized {
			return fmt.Errorf("%w (401 from %s): reset it in the Developer Portal and update DISCORD_TOKEN", ErrTokenRejected, b.opts.APIURL)
		}
		return fmt.Errorf("reach discord at %s: %w", b.opts.APIURL, withoutDefaultURL(err))
	}
	b.appID = app.ID
	if err := b.syncCommands(app.ID); err != nil {
		return err
	}
	if b.opts.Guilds != nil {
		if err := b.pollGuilds(ctx); err != nil {
			return err
		}
		b.startGuildPoll()
	}
	b.connected.Store(true)
	b.log.Info("ready for HTTP interactions", "application", app.ID)
	return nil
}

// currentApplication is GET /oauth2/applications/@me: the application's
// id, which the gateway would give in READY.
func (b *Bot) currentApplication(ctx context.Context) (*discordgo.Application, error) {
	endpoint := discordgo.EndpointOAuth2Application("@me")
	body, err := b.session.RequestWithBucketID(http.MethodGet, endpoint, nil, endpoint, discordgo.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	var app discordgo.Application
	if err := json.Unmarshal(body, &app); err != nil || app.ID == "" {
		return nil, fmt.Errorf("read the current application: no id in %.100q", body)
	}
	return &app, nil
}

// pollGuilds lists every server the bot is in (GET /users/@me/guilds, 200 a
// page) and reports the complete list, as the gateway's READY does: servers
// missing from it start their grace period. A failed listing reports
// nothing, so an outage never looks like a removal.
func (b *Bot) pollGuilds(ctx context.Context) error {
	const page = 200
	var ids []string
	after := ""
	for {
		guilds, err := b.guildAPI.UserGuilds(page, "", after, false, discordgo.WithContext(ctx))
		if err != nil {
			return fmt.Errorf("list the bot's servers: %w", withoutDefaultURL(err))
		}
		for _, g := range guilds {
			ids = append(ids, g.ID)
		}
		if len(guilds) < page {
			break
		}
		after = guilds[len(guilds)-1].ID
	}
	if err := b.opts.Guilds.GuildsAtReady(ctx, ids); err != nil {
		return fmt.Errorf("record the bot's %d servers: %w", len(ids), err)
	}
	return nil
}

func (b *Bot) startGuildPoll() {
	ctx, cancel := context.WithCancel(b.base)
	b.stopPoll, b.pollDone = cancel, make(chan struct{})
	go func() {
		defer close(b.pollDone)
		tick := time.NewTicker(b.opts.GuildPollInterval)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				if b.opts.Leading != nil && !b.opts.Leading() {
					continue
				}
				if err := b.pollGuilds(ctx); err != nil && ctx.Err() == nil {
					b.log.Warn("checking which servers the bot is in failed; trying again later", "err", err)
				}
			}
		}
	}()
}

func (b *Bot) stopGuildPoll() {
	if b.stopPoll != nil {
		b.stopPoll()
		<-b.pollDone
	}
}

// InteractionsHandler serves Discord's HTTP interactions (mount it at
// http.interactions_path): POST only (405), bodies up to
// MaxInteractionBody (413), a valid Ed25519 signature by the application's
// public key (401) over a timestamp within MaxSignatureAge (401, a replay),
// PING answered with PONG, and every other interaction answered in the reply
// body, a defer first if the handler is slow. No panic reaches the server:
// it is logged and answered 500.
func (b *Bot) InteractionsHandler() http.Handler { return http.HandlerFunc(b.serveInteraction) }

func (b *Bot) serveInteraction(w http.ResponseWriter, r *http.Request) {
	received := time.Now()
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("interaction endpoint panicked", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			writeStatus(w, http.StatusInternalServerError, "internal error")
		}
	}()
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeStatus(w, http.StatusMethodNotAllowed, "method not allowed: Discord POSTs interactions")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxInteractionBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeStatus(w, http.StatusRequestEntityTooLarge, "request body too large")
			return
		}
		writeStatus(w, http.StatusBadRequest, "could not read the request body")
		return
	}
	if !b.signedRecently(r, body, received) {
		writeStatus(w, http.StatusUnauthorized, "invalid request signature")
		return
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		b.log.Warn("a signed interaction could not be read", "err", err)
		writeStatus(w, http.StatusBadRequest, "not an interaction")
		return
	}
	if i.Type == discordgo.InteractionPing {
		writeReply(w, []byte(`{"type":1}`))
		return
	}
	b.answerOverHTTP(w, r, &i, parseExtras(&i, body), received)
}

// signedRecently checks the Ed25519 signature of timestamp+body and that
// the timestamp is recent, so a captured request cannot be replayed later.
func (b *Bot) signedRecently(r *http.Request, body []byte, now time.Time) bool {
	r.Body = io.NopCloser(bytes.NewReader(body))
	if !discordgo.VerifyInteraction(r, b.opts.PublicKey) {
		return false
	}
	ts, err := strconv.ParseInt(r.Header.Get("X-Signature-Timestamp"), 10, 64)
	if err != nil {
		return false
	}
	age := now.Sub(time.Unix(ts, 0))
	if age > MaxSignatureAge || age < -MaxSignatureAge {
		b.log.Warn("refused an interaction with a stale signature timestamp (a replay, or a clock far off)", "age", age.Round(time.Second))
		return false
	}
	return true
}

// answerOverHTTP runs the shared dispatcher on its own goroutine and writes
// the first response it produces as the reply body. The dispatcher goes on
// after that (filling a deferred reply over REST) without this request.
func (b *Bot) answerOverHTTP(w http.ResponseWriter, r *http.Request, i *discordgo.Interaction, extras payloadExtras, received time.Time) {
	reply := &httpReply{first: make(chan []byte), written: make(chan error), gone: make(chan struct{})}
	defer reply.close()
	handled := make(chan struct{})
	go func() {
		defer close(handled)
		defer func() {
			if p := recover(); p != nil {
				b.log.Error("interaction dispatch panicked", "interaction", i.ID, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			}
		}()
		b.handle(i, extras, received, reply)
	}()
	deadline := time.NewTimer(time.Until(received.Add(httpDeadline)))
	defer deadline.Stop()
	select {
	case body := <-reply.first:
		reply.written <- writeReply(w, body)
	case <-handled:
		// Over without a first response: it panicked, or could not build one.
		writeStatus(w, http.StatusInternalServerError, "internal error")
	case <-deadline.C:
		b.log.Warn("no first response within Discord's deadline", "interaction", i.ID)
		writeStatus(w, http.StatusServiceUnavailable, "no response in time")
	case <-r.Context().Done():
	}
}

// httpReply is HTTP mode's first response: the body of the reply to
// Discord's POST. respond hands the encoded response to the request's
// goroutine and waits until it is written.
type httpReply struct {
	first   chan []byte
	written chan error
	gone    chan struct{}
	once    sync.Once
}

func (h *httpReply) respond(resp *discordgo.InteractionResponse) error {
	body, err := encodeFirstResponse(resp)
	if err != nil {
		return err
	}
	select {
	case h.first <- body:
		if err := <-h.written; err != nil {
			return fmt.Errorf("write the HTTP reply: %w", err)
		}
		return nil
	case <-h.gone:
		return errReplyGone
	}
}

// carriesFiles is false: an HTTP reply is JSON, so an answer with files is
// deferred and the files go with the REST edit.
func (*httpReply) carriesFiles() bool { return false }

// close makes every later respond fail: the request is over.
func (h *httpReply) close() { h.once.Do(func() { close(h.gone) }) }

// encodeFirstResponse encodes a callback body. Autocomplete choices always
// carry their key (see respondInteraction): discordgo's omitempty would drop
// an empty list.
func encodeFirstResponse(resp *discordgo.InteractionResponse) ([]byte, error) {
	var v any = resp
	if resp.Type == discordgo.InteractionApplicationCommandAutocompleteResult {
		ac := autocompleteCallback{Type: resp.Type}
		ac.Data.Choices = []*discordgo.ApplicationCommandOptionChoice{}
		if resp.Data != nil && resp.Data.Choices != nil {
			ac.Data.Choices = resp.Data.Choices
		}
		v = ac
	}
	body, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode the first response: %w", err)
	}
	return body, nil
}

func writeReply(w http.ResponseWriter, body []byte) error {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	_, err := w.Write(body)
	return err
}

func writeStatus(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": msg}) // Discord ignores the body of a refusal.
}
