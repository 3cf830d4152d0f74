package discordtest

import (
	"net/http"
	"strings"
)

func (s *Server) gatewayURL() string {
	return strings.Replace(s.baseURL, "http://", "ws://", 1) + "/gateway"
}

func (c *call) getGateway() {
	c.respond(http.StatusOK, map[string]string{"url": c.s.gatewayURL()})
}

func (c *call) getCurrentUser() {
	u := c.s.botWire()
	c.respond(http.StatusOK, map[string]any{
		"id": u.ID, "username": u.Username, "discriminator": "0", "global_name": nil, "avatar": nil,
		"bot": true, "verified": true, "mfa_enabled": false, "flags": 0, "public_flags": 0, "locale": "en-US",
	})
}

// getUser answers for users the stand-in has seen (actors, DM recipients).
func (c *call) getUser() {
	s := c.s
	s.mu.Lock()
	_, known := s.users[c.params["user_id"]]
	u := s.userWire(c.params["user_id"])
	s.mu.Unlock()
	if !known {
		c.fail(newAPIError(http.StatusNotFound, codeUnknownUser))
		return
	}
	c.respond(http.StatusOK, u)
}

func (c *call) getChannel() {
	s := c.s
	s.mu.Lock()
	ch := s.channels[c.params["channel_id"]]
	var w wireChannel
	if ch != nil {
		w = s.channelWire(ch)
	}
	s.mu.Unlock()
	if ch == nil {
		c.fail(newAPIError(http.StatusNotFound, codeUnknownChannel))
		return
	}
	c.respond(http.StatusOK, w)
}

// serveAttachment serves uploads at the URLs messages and interactions give,
// like Discord's CDN: no authorisation.
func (s *Server) serveAttachment(w http.ResponseWriter, r *http.Request) {
	parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/attachments/"), "/")
	if len(parts) < 2 {
		http.NotFound(w, r)
		return
	}
	s.mu.Lock()
	f, ok := s.findAttachment(parts[1])
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", f.ContentType)
	_, _ = w.Write(f.Data) // the client hung up; nothing to do.
}

// findAttachment looks an upload up by id; call with s.mu held.
func (s *Server) findAttachment(id string) (File, bool) {
	for _, m := range s.messages {
		for _, a := range m.attachments {
			if a.id == id {
				return a.file, true
			}
		}
	}
	if f, ok := s.optionFiles[id]; ok {
		return f, true
	}
	return File{}, false
}
