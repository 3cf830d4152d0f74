package discordtest

import (
	"net/http"
	"time"
)

// webhookLocked resolves the interaction behind /webhooks/{app}/{token},
// answering as Discord does: another webhook id is 10015, an unknown or
// expired (15 min) token 50027, a token whose interaction was never
// acknowledged 10015 before the deadline and 10062 after it. Call with s.mu
// held.
func (c *call) webhookLocked() *interaction {
	s := c.s
	if c.params["webhook_id"] != s.opts.ApplicationID {
		c.fail(newAPIError(http.StatusNotFound, codeUnknownWebhook))
		return nil
	}
	st := s.byToken[c.params["webhook_token"]]
	at := time.Now()
	if st == nil || at.Sub(st.dispatchedAt) > tokenLifetime {
		c.fail(newAPIError(http.StatusUnauthorized, codeInvalidWebhookTok))
		return nil
	}
	if st.cb == nil {
		if at.Sub(st.dispatchedAt) > s.opts.CallbackDeadline {
			c.fail(newAPIError(http.StatusNotFound, codeUnknownInteraction))
		} else {
			c.fail(newAPIError(http.StatusNotFound, codeUnknownWebhook))
		}
		return nil
	}
	return st
}

// targetLocked returns the message a webhook message route names: @original
// or a followup of this interaction. Call with s.mu held.
func (c *call) targetLocked(st *interaction) *message {
	id, ok := c.params["message_id"]
	var m *message
	if !ok {
		m = st.original
	} else {
		for _, f := range st.followups {
			if f.id == id {
				m = f
			}
		}
		if st.original != nil && st.original.id == id {
			m = st.original
		}
	}
	if m == nil || m.deleted {
		c.fail(newAPIError(http.StatusNotFound, codeUnknownMessage))
		return nil
	}
	return m
}

// createFollowup serves POST /webhooks/{app}/{token}. After a deferred
// (type 5) callback whose placeholder is still loading, the first followup
// fills the placeholder instead of creating a message, as Discord does.
func (c *call) createFollowup() {
	p, e := parseMsgPayload(c.body.payload, "")
	if e != nil {
		c.fail(e)
		return
	}
	s := c.s
	s.mu.Lock()
	st := c.webhookLocked()
	if st == nil {
		s.mu.Unlock()
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
	var m *message
	event := "MESSAGE_CREATE"
	if o := st.original; o != nil && o.loading {
		if e := s.applyEditLocked(o, p, c.body, ""); e != nil {
			s.mu.Unlock()
			c.fail(e)
			return
		}
		st.edits = append(st.edits, o.snapshot())
		m, event = o, "MESSAGE_UPDATE"
	} else {
		m = s.newMessageLocked(s.channels[st.actor.ChannelID], s.opts.ApplicationID, p, c.body.files, msgTypeDefault, st)
		st.followups = append(st.followups, m)
	}
	w := s.messageWire(m)
	s.mu.Unlock()
	s.emitMessage(event, m)
	if c.r.URL.Query().Get("wait") == "true" {
		c.respond(http.StatusOK, w)
		return
	}
	c.noContent()
}

func (c *call) getWebhookMessage() {
	s := c.s
	s.mu.Lock()
	defer s.mu.Unlock()
	st := c.webhookLocked()
	if st == nil {
		return
	}
	if m := c.targetLocked(st); m != nil {
		c.respond(http.StatusOK, s.messageWire(m))
	}
}

// editWebhookMessage serves PATCH of @original or a followup; edits of
// @original are kept for Interaction.WaitEdit.
func (c *call) editWebhookMessage() {
	p, e := parseMsgPayload(c.body.payload, "")
	if e != nil {
		c.fail(e)
		return
	}
	s := c.s
	s.mu.Lock()
	st := c.webhookLocked()
	var m *message
	if st != nil {
		m = c.targetLocked(st)
	}
	if m == nil {
		s.mu.Unlock()
		return
	}
	if e := s.applyEditLocked(m, p, c.body, ""); e != nil {
		s.mu.Unlock()
		c.fail(e)
		return
	}
	if m == st.original {
		st.edits = append(st.edits, m.snapshot())
	}
	w := s.messageWire(m)
	s.mu.Unlock()
	s.emitMessage("MESSAGE_UPDATE", m)
	c.respond(http.StatusOK, w)
}

func (c *call) deleteWebhookMessage() {
	s := c.s
	s.mu.Lock()
	st := c.webhookLocked()
	var m *message
	if st != nil {
		m = c.targetLocked(st)
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
