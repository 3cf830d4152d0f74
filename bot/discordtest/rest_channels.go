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

func (c *call) createMessage() {
	p, e := parseMsgPayload(c.body.payload, "")
	if e != nil {
		c.fail(e)
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
	var f formErrors
	p.checkLimits(&f, "")
	if e := f.err(); e != nil {
		s.mu.Unlock()
		c.fail(e)
		return
	}
	if p.isEmpty(len(c.body.files)) {
		s.mu.Unlock()
		c.fail(newAPIError(http.StatusBadRequest, codeEmptyMessage))
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

func (c *call) getMessage() {
	s := c.s
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := c.channelLocked()
	if ch == nil {
		return
	}
	if m := c.messageLocked(ch); m != nil {
		c.respond(http.StatusOK, s.messageWire(m))
	}
}

// listMessages answers GET /channels/{c}/messages newest first, with limit
// (1-100, default 50) and before/after message ids.
func (c *call) listMessages() {
	s := c.s
	q := c.r.URL.Query()
	limit := parseLimit(q.Get("limit"), 50, 100)
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := c.channelLocked()
	if ch == nil {
		return
	}
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
}

func (c *call) editMessage() {
	p, e := parseMsgPayload(c.body.payload, "")
	if e != nil {
		c.fail(e)
		return
	}
	s := c.s
	s.mu.Lock()
	ch := c.channelLocked()
	var m *message
	if ch != nil {
		m = c.messageLocked(ch)
	}
	if m == nil {
		s.mu.Unlock()
		return
	}
	if m.authorID != s.opts.ApplicationID {
		s.mu.Unlock()
		c.fail(newAPIError(http.StatusForbidden, codeEditOthersMessage))
		return
	}
	if e := s.applyEditLocked(m, p, c.body, ""); e != nil {
		s.mu.Unlock()
		c.fail(e)
		return
	}
	w := s.messageWire(m)
	s.mu.Unlock()
	s.emitMessage("MESSAGE_UPDATE", m)
	c.respond(http.StatusOK, w)
}

func (c *call) deleteMessage() {
	s := c.s
	s.mu.Lock()
	ch := c.channelLocked()
	var m *message
	if ch != nil {
		m = c.messageLocked(ch)
	}
	if m == nil {
		s.mu.Unlock()
		return
	}
	m.deleted, m.pinned = true, false
	s.mu.Unlock()
	s.emitDelete(m)
	c.noContent()
}

// snowflakeLess orders snowflake ids numerically.
func snowflakeLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}
