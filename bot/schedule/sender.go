package schedule

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot"
)

// Discord is the part of the Discord session the sender uses, with
// discordgo's own signatures; bot.Discord and *discordgo.Session have it.
type Discord interface {
	UserChannelCreate(recipientID string, options ...discordgo.RequestOption) (*discordgo.Channel, error)
	ChannelMessageSendComplex(channelID string, data *discordgo.MessageSend, options ...discordgo.RequestOption) (*discordgo.Message, error)
	RequestWithBucketID(method, urlStr string, data any, bucketID string, options ...discordgo.RequestOption) ([]byte, error)
}

var (
	_ Discord = (*discordgo.Session)(nil)
	_ Discord = bot.Discord(nil)
)

// maxCachedChannels bounds the in-memory DM channel cache; past it the
// cache starts over and lookups fall back to SQLite, not to Discord.
const maxCachedChannels = 100_000

// Sender sends the scheduler's messages to Discord, paced under the global
// rate limit. Discord's per-route buckets are honoured by discordgo, which
// waits on them before the request reaches the pacer, so a wait for one
// route never spends a global turn. DM channel ids are cached in memory and
// in SQLite, so a repeat recipient costs one request.
type Sender struct {
	store DMChannels
	pacer *Pacer
	log   *slog.Logger

	mu       sync.Mutex
	discord  Discord
	channels map[string]string
}

func newSender(st DMChannels, pacer *Pacer, log *slog.Logger) *Sender {
	return &Sender{store: st, pacer: pacer, log: log, channels: map[string]string{}}
}

func (s *Sender) bind(d Discord) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.discord = d
}

func (s *Sender) port() (Discord, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.discord == nil {
		return nil, fmt.Errorf("send to discord: the scheduler has not started")
	}
	return s.discord, nil
}

// SendDM sends msg to the user's DM channel, opening it first if no channel
// id is known. nonce (from Job.Nonce) makes a re-send of the same message
// return the one already created; "" sends without one.
func (s *Sender) SendDM(ctx context.Context, userID string, msg *discordgo.MessageSend, nonce string) (*discordgo.Message, error) {
	channelID, err := s.dmChannel(ctx, userID)
	if err != nil {
		return nil, err
	}
	m, err := s.Send(ctx, channelID, msg, nonce)
	if bot.ErrorCode(err) != bot.CodeUnknownChannel {
		return m, err
	}
	// The remembered channel is gone: forget it and open a fresh one, once.
	if err := s.forget(ctx, userID); err != nil {
		return nil, err
	}
	if channelID, err = s.dmChannel(ctx, userID); err != nil {
		return nil, err
	}
	return s.Send(ctx, channelID, msg, nonce)
}

// Send posts msg in a channel, paced; see SendDM for nonce.
func (s *Sender) Send(ctx context.Context, channelID string, msg *discordgo.MessageSend, nonce string) (*discordgo.Message, error) {
	d, err := s.port()
	if err != nil {
		return nil, err
	}
	m, err := d.ChannelMessageSendComplex(channelID, msg, discordgo.WithContext(ctx), s.paced(nonce))
	if err != nil {
		return nil, fmt.Errorf("send message to channel %s: %w", channelID, err)
	}
	return m, nil
}

// RequestWithBucketID makes any other REST call for a job, such as pinning
// a scheduled post, paced like the sends. It has discordgo's signature, so
// code written for a session works with the sender too.
func (s *Sender) RequestWithBucketID(method, urlStr string, data any, bucketID string, options ...discordgo.RequestOption) ([]byte, error) {
	d, err := s.port()
	if err != nil {
		return nil, err
	}
	b, err := d.RequestWithBucketID(method, urlStr, data, bucketID, append(options, s.paced(""))...)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", method, urlStr, err)
	}
	return b, nil
}

// OpenDM makes sure the user's DM channel is known before their first DM.
// The id is only ever learnt from Discord's answer to opening a DM (or the
// copy of it in the store), never from an interaction's channel_id, which a
// forged "DM" interaction could set to a server channel, so that check-ins
// would then post publicly.
func (s *Sender) OpenDM(ctx context.Context, userID string) error {
	_, err := s.dmChannel(ctx, userID)
	return err
}

func (s *Sender) dmChannel(ctx context.Context, userID string) (string, error) {
	if id := s.cached(userID); id != "" {
		return id, nil
	}
	id, ok, err := s.store.DMChannel(ctx, userID)
	if err != nil {
		return "", err
	}
	if ok {
		s.cache(userID, id)
		return id, nil
	}
	d, err := s.port()
	if err != nil {
		return "", err
	}
	takeBack := lendSlot(ctx)
	ch, err := d.UserChannelCreate(userID, discordgo.WithContext(ctx), s.paced(""))
	takeBack()
	if err != nil {
		return "", fmt.Errorf("open DM channel: %w", err)
	}
	if err := s.store.SetDMChannel(ctx, userID, ch.ID); err != nil {
		return "", err
	}
	s.cache(userID, ch.ID)
	return ch.ID, nil
}

func (s *Sender) forget(ctx context.Context, userID string) error {
	s.mu.Lock()
	delete(s.channels, userID)
	s.mu.Unlock()
	return s.store.ForgetDMChannel(ctx, userID)
}

func (s *Sender) cached(userID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.channels[userID]
}

func (s *Sender) cache(userID, channelID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.channels) >= maxCachedChannels {
		clear(s.channels)
	}
	s.channels[userID] = channelID
}

// paced is a request option that sends the request through the pacer,
// adding nonce to its body when one is given. It wraps whatever client the
// session would have used, so URL rewriting and metrics still apply.
func (s *Sender) paced(nonce string) discordgo.RequestOption {
	return func(cfg *discordgo.RequestConfig) {
		base := cfg.Client
		if base == nil {
			base = http.DefaultClient
		}
		next := base.Transport
		if next == nil {
			next = http.DefaultTransport
		}
		client := *base
		client.Transport = &pacedTransport{pacer: s.pacer, next: next, nonce: nonce}
		cfg.Client = &client
	}
}
