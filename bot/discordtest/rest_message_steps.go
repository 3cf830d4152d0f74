package discordtest

import "net/http"

// finder looks up the message a route names; call with s.mu held. When there
// is no such message it has answered the request (10003, 10008, 10015,
// 50027 ...) and returns nil.
type finder func() *message

// parsePayload decodes the request's message payload, answering the form
// error when it does not parse; it reports whether the handler may go on.
func (c *call) parsePayload() (*msgPayload, bool) {
	p, e := parseMsgPayload(c.body.payload, "")
	if e != nil {
		c.fail(e)
		return nil, false
	}
	return p, true
}

// newMessageError returns Discord's answer to a payload that would create a
// message with files: a form error for a broken limit, 50006 for a message
// that would show nothing, or nil when the message may be created.
func newMessageError(p *msgPayload, files []File, prefix string) *apiError {
	var f formErrors
	p.checkLimits(&f, prefix)
	if e := f.err(); e != nil {
		return e
	}
	if p.isEmpty(len(files)) {
		return newAPIError(http.StatusBadRequest, codeEmptyMessage)
	}
	return nil
}

// withMessage runs fn on the message find names, both with s.mu held, and
// answers fn's error if it returns one. It returns the message once fn has
// succeeded, or nil when the request has been answered.
func (c *call) withMessage(find finder, fn func(*message) *apiError) *message {
	s := c.s
	s.mu.Lock()
	m := find()
	if m == nil {
		s.mu.Unlock()
		return nil
	}
	if e := fn(m); e != nil {
		s.mu.Unlock()
		c.fail(e)
		return nil
	}
	s.mu.Unlock()
	return m
}

// getFound answers with the message find names.
func (c *call) getFound(find finder) {
	var w wireMessage
	if c.withMessage(find, func(m *message) *apiError {
		w = c.s.messageWire(m)
		return nil
	}) != nil {
		c.respond(http.StatusOK, w)
	}
}

// editFound applies the request's edit payload to the message find names,
// runs edited (when not nil) on it while s.mu is still held, dispatches
// MESSAGE_UPDATE and answers with the edited message.
func (c *call) editFound(find finder, edited func(*message)) {
	p, ok := c.parsePayload()
	if !ok {
		return
	}
	s := c.s
	var w wireMessage
	m := c.withMessage(find, func(m *message) *apiError {
		if e := s.applyEditLocked(m, p, c.body, ""); e != nil {
			return e
		}
		if edited != nil {
			edited(m)
		}
		w = s.messageWire(m)
		return nil
	})
	if m == nil {
		return
	}
	s.emitMessage("MESSAGE_UPDATE", m)
	c.respond(http.StatusOK, w)
}

// deleteFound deletes (and unpins) the message find names, dispatches
// MESSAGE_DELETE and answers 204.
func (c *call) deleteFound(find finder) {
	m := c.withMessage(find, func(m *message) *apiError {
		m.deleted, m.pinned = true, false
		return nil
	})
	if m == nil {
		return
	}
	c.s.emitDelete(m)
	c.noContent()
}
