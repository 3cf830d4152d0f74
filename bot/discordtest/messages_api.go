package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// Messages returns the channel's messages that still exist, oldest first,
// including ephemeral ones (FlagsEphemeral set) and deferred placeholders.
func (s *Server) Messages(channelID string) []*Message {
	return s.channelSnapshots(channelID, func(ch *channel) []*message {
		var live []*message
		for _, m := range ch.msgs {
			if !m.deleted {
				live = append(live, m)
			}
		}
		return live
	})
}

// channelSnapshots returns snapshots of the messages pick chooses from the
// channel (pick runs with s.mu held), or nil for an unknown channel.
func (s *Server) channelSnapshots(channelID string, pick func(*channel) []*message) []*Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := s.channels[channelID]
	if ch == nil {
		return nil
	}
	var out []*Message
	for _, m := range pick(ch) {
		out = append(out, m.snapshot())
	}
	return out
}

// Message returns the message with the given id as it is now (Deleted set
// if it was deleted), or nil if there never was one.
func (s *Server) Message(id string) *Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m := s.messages[id]; m != nil {
		return m.snapshot()
	}
	return nil
}

// WaitMessage waits for a message, in any channel, that matches: one already
// present counts, as does one created or edited later. Deleted messages do
// not match.
func (s *Server) WaitMessage(ctx context.Context, match func(*Message) bool) (*Message, error) {
	var found *Message
	err := s.sig.waitFor(ctx, func() bool {
		s.mu.Lock()
		all := make([]*message, 0, len(s.messages))
		for _, m := range s.messages {
			if !m.deleted {
				all = append(all, m)
			}
		}
		slices.SortFunc(all, func(a, b *message) int {
			if snowflakeLess(a.id, b.id) {
				return -1
			}
			return 1
		})
		snaps := make([]*Message, len(all))
		for i, m := range all {
			snaps[i] = m.snapshot()
		}
		s.mu.Unlock()
		for _, m := range snaps {
			if match(m) {
				found = m
				return true
			}
		}
		return false
	})
	if err != nil {
		return nil, fmt.Errorf("wait for a matching message: %w", err)
	}
	return found, nil
}

// defaultMemberID authors seeded messages that name no author.
const defaultMemberID = "1000000000000000100"

// AddMessage seeds a message in a guild or DM channel as if a member had
// sent it (AuthorID defaults to a fixed member) and dispatches
// MESSAGE_CREATE when the bot's intents ask for it. It returns the stored
// message, whose ID context-menu commands and Click can use.
func (s *Server) AddMessage(channelID string, m Message) *Message {
	s.t.Helper()
	if m.AuthorID == "" {
		m.AuthorID = defaultMemberID
	}
	embeds, err := json.Marshal(m.Embeds)
	if err != nil {
		s.fatalf("AddMessage: marshal embeds: %v", err)
	}
	var rawEmbeds, rawComps []json.RawMessage
	_ = json.Unmarshal(embeds, &rawEmbeds) // just marshalled.
	for _, c := range m.Components {
		b, err := c.MarshalJSON()
		if err != nil {
			s.fatalf("AddMessage: marshal component: %v", err)
		}
		rawComps = append(rawComps, b)
	}
	flags := int64(m.Flags)
	p := &msgPayload{Content: &m.Content, Embeds: rawEmbeds, Components: rawComps, Flags: &flags}
	s.mu.Lock()
	ch := s.channels[channelID]
	if ch == nil {
		s.mu.Unlock()
		s.fatalf("AddMessage: unknown channel %s", channelID)
	}
	if _, ok := s.users[m.AuthorID]; !ok {
		s.users[m.AuthorID] = "user" + m.AuthorID
	}
	stored := s.newMessageLocked(ch, m.AuthorID, p, m.Files, 0, nil)
	stored.flags = flags
	if !m.CreatedAt.IsZero() {
		stored.created = m.CreatedAt
	}
	if m.Pinned {
		stored.pinned, stored.pinnedAt = true, time.Now()
	}
	snap := stored.snapshot()
	s.mu.Unlock()
	s.emitMessage("MESSAGE_CREATE", stored)
	return snap
}
