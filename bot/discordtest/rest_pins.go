package discordtest

import (
	"fmt"
	"net/http"
	"slices"
	"time"
)

// pinsLocked returns the channel's pinned messages, most recently pinned
// first, as Discord lists them; call with s.mu held.
func pinsLocked(ch *channel) []*message {
	var out []*message
	for _, m := range ch.msgs {
		if m.pinned && !m.deleted {
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, func(a, b *message) int { return b.pinnedAt.Compare(a.pinnedAt) })
	return out
}

// pin serves PUT on both pin paths: unknown channel 10003, unknown message
// 10008, already pinned is a no-op 204, a full channel is 400 30003.
func (c *call) pin() {
	s := c.s
	already := false
	m := c.withMessage(c.channelMessageLocked, func(m *message) *apiError {
		if m.pinned {
			already = true
			return nil
		}
		if len(pinsLocked(s.channels[m.channelID])) >= s.opts.MaxPins {
			e := newAPIError(http.StatusBadRequest, codeMaxPins)
			e.Message = fmt.Sprintf("Maximum number of pins reached (%d)", s.opts.MaxPins)
			return e
		}
		m.pinned, m.pinnedAt = true, time.Now()
		return nil
	})
	if m == nil {
		return
	}
	if !already {
		s.emitMessage("MESSAGE_UPDATE", m)
	}
	c.noContent()
}

func (c *call) unpin() {
	changed := false
	m := c.withMessage(c.channelMessageLocked, func(m *message) *apiError {
		changed = m.pinned
		m.pinned = false
		return nil
	})
	if m == nil {
		return
	}
	if changed {
		c.s.emitMessage("MESSAGE_UPDATE", m)
	}
	c.noContent()
}

// listPinsOld serves the deprecated GET /channels/{c}/pins: a plain array.
func (c *call) listPinsOld() {
	c.withChannel(func(ch *channel) {
		out := []wireMessage{}
		for _, m := range pinsLocked(ch) {
			out = append(out, c.s.messageWire(m))
		}
		c.respond(http.StatusOK, out)
	})
}

// listPins serves GET /channels/{c}/messages/pins: pages of
// {pinned_at, message} with has_more, limited by limit (1-50, default 50)
// and before (an ISO 8601 pin time).
func (c *call) listPins() {
	s := c.s
	q := c.r.URL.Query()
	limit := parseLimit(q.Get("limit"), 50, 50)
	var before time.Time
	if b := q.Get("before"); b != "" {
		t, err := time.Parse(time.RFC3339Nano, b)
		if err != nil {
			var f formErrors
			f.add("before", "DATE_TYPE_PARSE", "Could not parse "+b+". Should be ISO8601.")
			c.fail(f.err())
			return
		}
		before = t
	}
	type item struct {
		PinnedAt string      `json:"pinned_at"`
		Message  wireMessage `json:"message"`
	}
	c.withChannel(func(ch *channel) {
		items := []item{}
		hasMore := false
		for _, m := range pinsLocked(ch) {
			if !before.IsZero() && !m.pinnedAt.Before(before) {
				continue
			}
			if len(items) == limit {
				hasMore = true
				break
			}
			items = append(items, item{PinnedAt: timestamp(m.pinnedAt), Message: s.messageWire(m)})
		}
		c.respond(http.StatusOK, map[string]any{"items": items, "has_more": hasMore})
	})
}

// Pins returns the channel's pinned messages, most recently pinned first.
func (s *Server) Pins(channelID string) []*Message {
	return s.channelSnapshots(channelID, pinsLocked)
}

// FillPins pins filler messages (authored by a member, content "filler pin
// N") until the channel holds MaxPins pins, so the bot's next pin answers
// 400 30003.
func (s *Server) FillPins(channelID string) {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := s.channels[channelID]
	if ch == nil {
		s.fatalf("FillPins: unknown channel %s", channelID)
	}
	const fillerAuthor = "1000000000000000999"
	s.users[fillerAuthor] = "pin-filler"
	for n := len(pinsLocked(ch)); n < s.opts.MaxPins; n++ {
		content := fmt.Sprintf("filler pin %d", n+1)
		m := s.newMessageLocked(ch, fillerAuthor, &msgPayload{Content: &content}, nil, 0, nil)
		m.pinned, m.pinnedAt = true, m.created
	}
	s.sig.broadcast()
}
