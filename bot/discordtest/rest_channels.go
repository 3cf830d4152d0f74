package discordtest

import (
	"net/http"
	"slices"
)

// channelLocked returns the channel of the request, or answers 10003; call
// with s.mu held.
func (c *call) channelLocked() *channel {
	ch := c.s.channels[c.params["channel_id"]]
	if ch == nil {
		c.fail(newAPIError(http.StatusNotFound, codeUnknownChannel))
	}
	return ch
}

// messageLocked returns a message of the request's channel that the API can
// see (not deleted, not ephemeral), or answers 10008; call with s.mu held.
func (c *call) messageLocked(ch *channel) *message {
	m := c.s.messages[c.params["message_id"]]
	if m == nil || m.channelID != ch.id || m.deleted || m.flags&flagEphemeral != 0 {
		c.fail(newAPIError(http.StatusNotFound, codeUnknownMessage))
		return nil
	}
	return m
}

// channelMessageLocked returns the message /channels/{c}/messages/{m}
// names, answering 10003 or 10008 when there is none; call with s.mu held.
func (c *call) channelMessageLocked() *message {
	ch := c.channelLocked()
	if ch == nil {
		return nil
	}
	return c.messageLocked(ch)
}

// ownMessageLocked is channelMessageLocked for a message the bot may edit:
// another author's message is answered 50005. Call with s.mu held.
func (c *call) ownMessageLocked() *message {
	m := c.channelMessageLocked()
	if m != nil && m.authorID != c.s.opts.ApplicationID {
		c.fail(newAPIError(http.StatusForbidden, codeEditOthersMessage))
		return nil
	}
	return m
}

func (c *call) createMessage() {
	p, ok := c.parsePayload()
	if !ok {
		return
	}
	s := c.s
	s.mu.Lock()
	ch := c.channelLocked()
	if ch == nil {
		s.mu.Unlock()
		return
	}
	if ch.isDM() && s.dmClosed[ch.recipient] {
		s.mu.Unlock()
		c.fail(newAPIError(http.StatusForbidden, codeCannotDM))
		return
	}
	if e := newMessageError(p, c.body.files, ""); e != nil {
		s.mu.Unlock()
		c.fail(e)
		return
	}
	if p.EnforceNonce {
		if old := s.findNonceLocked(ch, s.opts.ApplicationID, p.Nonce, c.at); old != nil {
			w := s.messageWire(old)
			s.mu.Unlock()
			c.respond(http.StatusOK, w)
			return
		}
	}
	m := s.newMessageLocked(ch, s.opts.ApplicationID, p, c.body.files, 0, nil)
	w := s.messageWire(m)
	s.mu.Unlock()
	s.emitMessage("MESSAGE_CREATE", m)
	c.respond(http.StatusOK, w)
}

func (c *call) getMessage() { c.getFound(c.channelMessageLocked) }

// withChannel runs fn on the route's channel with s.mu held, or answers
// 10003 when there is no such channel.
func (c *call) withChannel(fn func(*channel)) {
	s := c.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if ch := c.channelLocked(); ch != nil {
		fn(ch)
	}
}

// listMessages answers GET /channels/{c}/messages newest first, with limit
// (1-100, default 50) and before/after message ids.
func (c *call) listMessages() {
	s := c.s
	q := c.r.URL.Query()
	limit := parseLimit(q.Get("limit"), 50, 100)
	c.withChannel(func(ch *channel) {
		out := []wireMessage{}
		for _, m := range slices.Backward(ch.msgs) {
			if len(out) == limit {
				break
			}
			if m.deleted || m.flags&flagEphemeral != 0 {
				continue
			}
			if b := q.Get("before"); b != "" && !snowflakeLess(m.id, b) {
				continue
			}
			if a := q.Get("after"); a != "" && !snowflakeLess(a, m.id) {
				continue
			}
			out = append(out, s.messageWire(m))
		}
		c.respond(http.StatusOK, out)
	})
}

func (c *call) editMessage() { c.editFound(c.ownMessageLocked, nil) }

func (c *call) deleteMessage() { c.deleteFound(c.channelMessageLocked) }

// snowflakeLess orders snowflake ids numerically.
func snowflakeLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}
