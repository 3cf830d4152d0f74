package discordtest

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// nonceWindow is how long Discord remembers a nonce for enforce_nonce
// ("the past few minutes" in its docs).
const nonceWindow = 5 * time.Minute

// flags a message keeps from a create body; the rest are Discord's to set.
const keptFlags = flagSuppressEmbeds | flagEphemeral | 1<<12 | flagComponentsV2

// newMessageLocked stores a message built from a payload; call with s.mu held.
func (s *Server) newMessageLocked(ch *channel, authorID string, p *msgPayload, files []File, typ int, in *interaction) *message {
	m := &message{
		id:          s.ids.next(),
		channelID:   ch.id,
		guildID:     ch.guildID,
		authorID:    authorID,
		typ:         typ,
		content:     p.content(),
		embeds:      normalisedEmbeds(p.Embeds),
		components:  rawArray(p.Components),
		flags:       p.flags() & keptFlags,
		nonce:       compactJSON(p.Nonce),
		created:     time.Now(),
		interaction: in,
	}
	for _, f := range files {
		m.attachments = append(m.attachments, attachment{id: s.ids.next(), file: f})
	}
	ch.msgs = append(ch.msgs, m)
	s.messages[m.id] = m
	return m
}

// findNonceLocked returns the author's message in ch with the same nonce
// sent within nonceWindow; call with s.mu held.
func (s *Server) findNonceLocked(ch *channel, authorID string, nonce json.RawMessage, at time.Time) *message {
	n := compactJSON(nonce)
	if n == nil {
		return nil
	}
	for i := len(ch.msgs) - 1; i >= 0; i-- {
		m := ch.msgs[i]
		if at.Sub(m.created) > nonceWindow {
			return nil
		}
		if m.authorID == authorID && !m.deleted && bytes.Equal(m.nonce, n) {
			return m
		}
	}
	return nil
}

func compactJSON(raw json.RawMessage) json.RawMessage {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return nil
	}
	return b.Bytes()
}

// applyEditLocked applies an edit payload to m the way Discord does: only
// the fields sent change, null clears, attachments lists the uploads to keep
// and new files are added. Nothing changes when the result would break a
// limit or be empty. Call with s.mu held.
func (s *Server) applyEditLocked(m *message, p *msgPayload, body parsedBody, prefix string) *apiError {
	var f formErrors
	p.checkLimits(&f, prefix)
	if e := f.err(); e != nil {
		return e
	}
	next := *m
	if _, ok := p.present["content"]; ok {
		next.content = p.content()
	}
	if _, ok := p.present["embeds"]; ok {
		next.embeds = normalisedEmbeds(p.Embeds)
	}
	if _, ok := p.present["components"]; ok {
		next.components = rawArray(p.Components)
	}
	if _, ok := p.present["attachments"]; ok {
		keep := map[string]bool{}
		for _, a := range p.Attachments {
			keep[strings.Trim(string(a.ID), `"`)] = true
		}
		next.attachments = nil
		for _, a := range m.attachments {
			if keep[a.id] {
				next.attachments = append(next.attachments, a)
			}
		}
	}
	for _, file := range body.files {
		next.attachments = append(next.attachments, attachment{id: s.ids.next(), file: file})
	}
	if p.Flags != nil {
		next.flags = next.flags&^flagSuppressEmbeds | *p.Flags&flagSuppressEmbeds
	}
	if strings.TrimSpace(next.content) == "" && string(next.embeds) == "[]" && string(next.components) == "[]" && len(next.attachments) == 0 {
		return newAPIError(400, codeEmptyMessage)
	}
	next.loading = false
	next.flags &^= flagLoading
	next.edited = time.Now()
	*m = next
	return nil
}

// messageEventLocked renders a MESSAGE_CREATE or MESSAGE_UPDATE payload the
// bot is entitled to see, or nil for ephemeral messages; call with s.mu held.
func (s *Server) messageEventLocked(m *message, intents int64) json.RawMessage {
	if m.flags&flagEphemeral != 0 {
		return nil
	}
	w := s.messageWire(m)
	mentioned := strings.Contains(m.content, "<@"+s.opts.ApplicationID+">")
	if m.guildID != "" && intents&intentMessageContent == 0 && m.authorID != s.opts.ApplicationID && !mentioned {
		w.Content, w.Embeds, w.Components, w.Attachments = "", json.RawMessage("[]"), json.RawMessage("[]"), []wireAttachment{}
	}
	var ev any = w
	if m.guildID != "" {
		ev = struct {
			wireMessage
			Member wireMember `json:"member"`
		}{w, memberWire(nil, nil, DefaultMemberPermissions)}
	}
	b, _ := json.Marshal(ev) // wire structs always marshal.
	return b
}

// Gateway intents for message events.
const (
	intentGuildMessages  = 1 << 9
	intentDirectMessages = 1 << 12
	intentMessageContent = 1 << 15
)

func messageIntent(m *message) int64 {
	if m.guildID == "" {
		return intentDirectMessages
	}
	return intentGuildMessages
}

// emitMessage dispatches a message event after the state change; call
// without s.mu held.
func (s *Server) emitMessage(event string, m *message) {
	intents := s.gw.currentIntents()
	// m is read under the lock: a concurrent edit rewrites the whole struct.
	s.mu.Lock()
	data := s.messageEventLocked(m, intents)
	need := messageIntent(m)
	s.mu.Unlock()
	s.sig.broadcast()
	if data != nil {
		s.gw.dispatchIf(need, event, data)
	}
}

// emitDelete dispatches MESSAGE_DELETE; call without s.mu held.
func (s *Server) emitDelete(m *message) {
	s.sig.broadcast()
	s.mu.Lock()
	ephemeral := m.flags&flagEphemeral != 0
	d := map[string]string{"id": m.id, "channel_id": m.channelID}
	if m.guildID != "" {
		d["guild_id"] = m.guildID
	}
	need := messageIntent(m)
	s.mu.Unlock()
	if ephemeral {
		return
	}
	b, _ := json.Marshal(d) // a map of strings always marshals.
	s.gw.dispatchIf(need, "MESSAGE_DELETE", b)
}

func parseLimit(q string, def, max int) int {
	n, err := strconv.Atoi(q)
	if err != nil || n < 1 {
		return def
	}
	return min(n, max)
}
