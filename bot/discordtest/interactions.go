package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Interaction is an interaction the stand-in dispatched, and the handle to
// what the bot did with it.
type Interaction struct {
	ID, Token    string
	Type         discordgo.InteractionType
	DispatchedAt time.Time
	// Payload is the INTERACTION_CREATE data exactly as dispatched.
	Payload json.RawMessage

	s  *Server
	st *interaction
}

// Callback is the bot's first response to an interaction.
type Callback struct {
	Type  discordgo.InteractionResponseType
	Data  *discordgo.InteractionResponseData
	Files []File
	// Latency is the time from dispatch to the callback's arrival.
	Latency time.Duration
}

// interaction is the stand-in's record of one interaction.
type interaction struct {
	id, token    string
	typ          discordgo.InteractionType
	commandType  discordgo.ApplicationCommandType
	actor        Actor
	dispatchedAt time.Time
	// source is the message a component was on.
	source *message
	cb     *storedCallback
	// original is @original: the response message, or source after a
	// type 6 or 7 callback.
	original  *message
	edits     []*Message
	followups []*message
}

type storedCallback struct {
	typ     discordgo.InteractionResponseType
	data    json.RawMessage
	files   []File
	latency time.Duration
}

// openModal is a modal the bot showed a user, which SubmitModal can submit.
type openModal struct {
	customID string
	userID   string
	from     *interaction
	data     json.RawMessage
	used     bool
}

func (c *storedCallback) decode() *Callback {
	out := &Callback{Type: c.typ, Files: c.files, Latency: c.latency}
	if len(c.data) == 0 || string(c.data) == "null" {
		return out
	}
	// discordgo cannot unmarshal the MessageComponent interface, so the
	// components are decoded one by one and the rest in one go.
	var fields map[string]json.RawMessage
	_ = json.Unmarshal(c.data, &fields) // validated as an object on arrival
	var comps []json.RawMessage
	_ = json.Unmarshal(fields["components"], &comps)
	delete(fields, "components")
	rest, _ := json.Marshal(fields) // re-marshalling decoded JSON cannot fail
	var d discordgo.InteractionResponseData
	_ = json.Unmarshal(rest, &d) // fields of unexpected types are left zero
	for _, raw := range comps {
		if mc, err := discordgo.MessageComponentFromJSON(raw); err == nil {
			d.Components = append(d.Components, mc)
		}
	}
	out.Data = &d
	return out
}

// Wait returns the interaction's first callback, or an error when none
// arrived within the callback deadline (the user then sees "The application
// did not respond") or ctx ended first.
func (i *Interaction) Wait(ctx context.Context) (*Callback, error) {
	deadline := i.DispatchedAt.Add(i.s.opts.CallbackDeadline)
	dctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	var cb *storedCallback
	check := func() bool {
		i.s.mu.Lock()
		defer i.s.mu.Unlock()
		cb = i.st.cb
		return cb != nil
	}
	if err := i.s.sig.waitFor(dctx, check); err != nil && !check() {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("wait for callback to interaction %s: %w", i.ID, ctx.Err())
		}
		return nil, fmt.Errorf("interaction %s got no callback within %v of dispatch", i.ID, i.s.opts.CallbackDeadline)
	}
	return cb.decode(), nil
}

// Original returns @original as it is now, after any edits. It waits for the
// callback and, after a deferred (type 5) callback, for the first edit or
// followup that fills the "thinking" placeholder.
func (i *Interaction) Original(ctx context.Context) (*Message, error) {
	cb, err := i.Wait(ctx)
	if err != nil {
		return nil, err
	}
	if cb.Type == discordgo.InteractionApplicationCommandAutocompleteResult || cb.Type == discordgo.InteractionResponseModal {
		return nil, fmt.Errorf("interaction %s was answered with callback type %d, which has no message", i.ID, cb.Type)
	}
	var out *Message
	err = i.s.sig.waitFor(ctx, func() bool {
		i.s.mu.Lock()
		defer i.s.mu.Unlock()
		if o := i.st.original; o != nil && !o.loading {
			out = o.snapshot()
			return true
		}
		return false
	})
	if err != nil {
		return nil, fmt.Errorf("wait for original response to interaction %s: %w", i.ID, err)
	}
	return out, nil
}

// WaitEdit waits for the n-th edit (1-based) of @original and returns the
// message as that edit left it. Edits are PATCHes of @original, and the
// first followup after a deferred response, which fills the placeholder.
func (i *Interaction) WaitEdit(ctx context.Context, n int) (*Message, error) {
	if n < 1 {
		return nil, fmt.Errorf("edit number %d: edits count from 1", n)
	}
	var out *Message
	err := i.s.sig.waitFor(ctx, func() bool {
		i.s.mu.Lock()
		defer i.s.mu.Unlock()
		if len(i.st.edits) >= n {
			out = i.st.edits[n-1]
			return true
		}
		return false
	})
	if err != nil {
		return nil, fmt.Errorf("wait for edit %d of interaction %s: %w", n, i.ID, err)
	}
	return out, nil
}

// Followups returns the followup messages sent so far, as they are now.
func (i *Interaction) Followups() []*Message {
	i.s.mu.Lock()
	defer i.s.mu.Unlock()
	out := make([]*Message, 0, len(i.st.followups))
	for _, m := range i.st.followups {
		out = append(out, m.snapshot())
	}
	return out
}

// WaitFollowups waits until at least n followups were sent and returns them.
func (i *Interaction) WaitFollowups(ctx context.Context, n int) ([]*Message, error) {
	err := i.s.sig.waitFor(ctx, func() bool {
		i.s.mu.Lock()
		defer i.s.mu.Unlock()
		return len(i.st.followups) >= n
	})
	if err != nil {
		return nil, fmt.Errorf("wait for %d followups to interaction %s: %w", n, i.ID, err)
	}
	return i.Followups(), nil
}
