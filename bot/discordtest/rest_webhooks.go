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

// webhookMessageLocked returns the message a webhook message route names,
// answering as webhookLocked and targetLocked do when there is none; call
// with s.mu held.
func (c *call) webhookMessageLocked() *message {
	st := c.webhookLocked()
	if st == nil {
		return nil
	}
	return c.targetLocked(st)
}

// createFollowup serves POST /webhooks/{app}/{token}. After a deferred
// (type 5) callback whose placeholder is still loading, the first followup
// fills the placeholder instead of creating a message, as Discord does.
func (c *call) createFollowup() {
	p, ok := c.parsePayload()
	if !ok {
		return
	}
	s := c.s
	s.mu.Lock()
	st := c.webhookLocked()
	if st == nil {
		s.mu.Unlock()
		return
	}
	if e := newMessageError(p, c.body.files, ""); e != nil {
		s.mu.Unlock()
		c.fail(e)
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

func (c *call) getWebhookMessage() { c.getFound(c.webhookMessageLocked) }

// editWebhookMessage serves PATCH of @original or a followup; edits of
// @original are kept for Interaction.WaitEdit.
func (c *call) editWebhookMessage() {
	var st *interaction
	find := func() *message {
		st = c.webhookLocked()
		if st == nil {
			return nil
		}
		return c.targetLocked(st)
	}
	c.editFound(find, func(m *message) {
		if m == st.original {
			st.edits = append(st.edits, m.snapshot())
		}
	})
}

func (c *call) deleteWebhookMessage() { c.deleteFound(c.webhookMessageLocked) }
