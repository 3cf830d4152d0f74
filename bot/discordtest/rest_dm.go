package discordtest

import "net/http"

// createDM opens (or returns the existing) DM channel with recipient_id.
func (c *call) createDM() {
	var body struct {
		RecipientID *string `json:"recipient_id"`
	}
	if !c.decode(&body) {
		return
	}
	if body.RecipientID == nil || !isSnowflake(*body.RecipientID) {
		var f formErrors
		if body.RecipientID == nil {
			f.required("recipient_id")
		} else {
			f.add("recipient_id", "NUMBER_TYPE_COERCE", "Value \""+*body.RecipientID+"\" is not snowflake.")
		}
		c.fail(f.err())
		return
	}
	s := c.s
	s.mu.Lock()
	ch := s.dmChannelLocked(*body.RecipientID)
	w := s.channelWire(ch)
	s.mu.Unlock()
	c.respond(http.StatusOK, w)
}

// dmChannelLocked returns the user's DM channel, creating it on first use;
// call with s.mu held.
func (s *Server) dmChannelLocked(userID string) *channel {
	if id, ok := s.dmByUser[userID]; ok {
		return s.channels[id]
	}
	if _, ok := s.users[userID]; !ok {
		s.users[userID] = "user" + userID
	}
	ch := &channel{id: s.ids.next(), recipient: userID}
	s.channels[ch.id] = ch
	s.dmByUser[userID] = ch.id
	return ch
}

// CloseDMs makes the user refuse DMs from the bot: opening the DM channel
// still works, sending to it answers 403 with code 50007.
func (s *Server) CloseDMs(userID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dmClosed[userID] = true
}

// OpenDMs undoes CloseDMs.
func (s *Server) OpenDMs(userID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.dmClosed, userID)
}

// DMChannelID returns the user's DM channel id, or "" if none was opened.
func (s *Server) DMChannelID(userID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.dmByUser[userID]
}

// DMs returns the messages in the user's DM channel with the bot.
func (s *Server) DMs(userID string) []*Message {
	id := s.DMChannelID(userID)
	if id == "" {
		return nil
	}
	return s.Messages(id)
}
