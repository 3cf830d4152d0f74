package schedule

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// fakeDiscord stands in for Discord in tests without a network: it passes
// every call's request options over a real http.Request, so pacing and the
// nonce go through the same code as in production, then behaves like
// Discord: one DM channel per user, nonce + enforce_nonce deduplication,
// 50007 for closed DMs, and injected failures.
type fakeDiscord struct {
	mu       sync.Mutex
	nextID   int
	channels map[string]string // user -> DM channel
	users    map[string]string // DM channel -> user
	closed   map[string]bool   // users who do not accept DMs
	opens    int
	sent     []fakeMessage
	requests []time.Time
	// other lists the raw REST calls ("PUT /channels/..."), in order.
	other    []string
	failures []error
	// onSend, if set, runs after each message is created.
	onSend func(fakeMessage)
	// openDelay is how long opening a DM channel takes; opens queue one
	// behind the other, as on a per-route bucket.
	openDelay time.Duration
	// opening is a one-slot lock; a channel, because synctest only lets
	// time pass while goroutines wait on channels, not on mutexes.
	opening chan struct{}
}

// fakeNonceMemory is how long the fake, like Discord, remembers a nonce.
const fakeNonceMemory = 5 * time.Minute

type fakeMessage struct {
	ID, ChannelID, UserID, Content, Nonce string
	At                                    time.Time
}

func newFakeDiscord() *fakeDiscord {
	return &fakeDiscord{channels: map[string]string{}, users: map[string]string{}, closed: map[string]bool{}, opening: make(chan struct{}, 1)}
}

var _ Discord = (*fakeDiscord)(nil)

// failNext makes the next message sends fail with errs, in order.
func (f *fakeDiscord) failNext(errs ...error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failures = append(f.failures, errs...)
}

func (f *fakeDiscord) closeDMs(userID string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closed[userID] = true
}

func (f *fakeDiscord) UserChannelCreate(userID string, opts ...discordgo.RequestOption) (*discordgo.Channel, error) {
	f.opening <- struct{}{}
	time.Sleep(f.openDelay)
	<-f.opening
	if _, err := f.through(opts, map[string]string{"recipient_id": userID}); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.opens++
	id, ok := f.channels[userID]
	if !ok {
		f.nextID++
		id = fmt.Sprintf("dm%d", f.nextID)
		f.channels[userID] = id
		f.users[id] = userID
	}
	return &discordgo.Channel{ID: id, Type: discordgo.ChannelTypeDM}, nil
}

func (f *fakeDiscord) ChannelMessageSendComplex(channelID string, data *discordgo.MessageSend, opts ...discordgo.RequestOption) (*discordgo.Message, error) {
	body, err := f.through(opts, data)
	if err != nil {
		return nil, err
	}
	var wire struct {
		Nonce        string `json:"nonce"`
		EnforceNonce bool   `json:"enforce_nonce"`
	}
	if err := json.Unmarshal(body, &wire); err != nil {
		return nil, err
	}
	f.mu.Lock()
	if len(f.failures) > 0 {
		err := f.failures[0]
		f.failures = f.failures[1:]
		f.mu.Unlock()
		return nil, err
	}
	user, ok := f.users[channelID]
	if !ok {
		f.mu.Unlock()
		return nil, restError(http.StatusNotFound, 10003)
	}
	if f.closed[user] {
		f.mu.Unlock()
		return nil, restError(http.StatusForbidden, 50007)
	}
	if wire.EnforceNonce {
		for _, m := range f.sent {
			// Discord remembers a nonce for a few minutes only.
			if m.ChannelID == channelID && m.Nonce == wire.Nonce && time.Since(m.At) <= fakeNonceMemory {
				f.mu.Unlock()
				return &discordgo.Message{ID: m.ID, ChannelID: channelID, Content: m.Content}, nil
			}
		}
	}
	f.nextID++
	m := fakeMessage{ID: fmt.Sprintf("m%d", f.nextID), ChannelID: channelID, UserID: user, Content: data.Content, Nonce: wire.Nonce, At: time.Now()}
	f.sent = append(f.sent, m)
	onSend := f.onSend
	f.mu.Unlock()
	if onSend != nil {
		onSend(m)
	}
	return &discordgo.Message{ID: m.ID, ChannelID: channelID, Content: m.Content}, nil
}

func (f *fakeDiscord) RequestWithBucketID(method, urlStr string, data any, _ string, opts ...discordgo.RequestOption) ([]byte, error) {
	if _, err := f.through(opts, data); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.other = append(f.other, method+" "+urlStr)
	return nil, nil
}

func (f *fakeDiscord) otherCalls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.other...)
}

// through runs the request options over an HTTP request carrying body and
// returns the body as it would reach Discord.
func (f *fakeDiscord) through(opts []discordgo.RequestOption, body any) ([]byte, error) {
	raw, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodPost, "https://discord.com/api/v9/fake", bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	var seen []byte
	cfg := &discordgo.RequestConfig{Request: req, Client: &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		seen = b
		f.mu.Lock()
		f.requests = append(f.requests, time.Now())
		f.mu.Unlock()
		return &http.Response{StatusCode: http.StatusOK, Body: io.NopCloser(bytes.NewReader(nil)), Request: r}, nil
	})}}
	for _, o := range opts {
		o(cfg)
	}
	resp, err := cfg.Client.Do(cfg.Request)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return seen, nil
}

func (f *fakeDiscord) messages() []fakeMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]fakeMessage(nil), f.sent...)
}

func (f *fakeDiscord) messagesTo(userID string) []fakeMessage {
	var out []fakeMessage
	for _, m := range f.messages() {
		if m.UserID == userID {
			out = append(out, m)
		}
	}
	return out
}

func (f *fakeDiscord) channelOpens() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.opens
}

func (f *fakeDiscord) requestTimes() []time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Time(nil), f.requests...)
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// restError is Discord's answer with an HTTP status and JSON error code.
func restError(status, code int) error {
	return &discordgo.RESTError{
		Response: &http.Response{StatusCode: status, Status: http.StatusText(status)},
		Message:  &discordgo.APIErrorMessage{Code: code, Message: http.StatusText(status)},
	}
}
