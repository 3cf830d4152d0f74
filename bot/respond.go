package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// ack tracks what has been sent for one interaction, so the response goes
// out as the right call: a callback when nothing was sent yet, an edit or a
// followup after a defer.
type ack struct {
	discord     Discord
	interaction *discordgo.Interaction
	// first carries the first response: a REST callback on the gateway,
	// the HTTP reply in HTTP mode.
	first firstResponder
	// retryUntil is the last moment a failed first callback is worth
	// retrying: Discord's deadline, less time for the retry to arrive.
	retryUntil time.Time

	mu                sync.Mutex
	deferred          bool
	deferredEphemeral bool
	answered          bool
}

// deferReply sends a deferred acknowledgement: "thinking..." for commands
// and modals, a silent deferred update for component clicks.
func (a *ack) deferReply(_ context.Context, ephemeral bool) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.deferLocked(ephemeral)
}

// deferLocked is deferReply with a.mu held.
func (a *ack) deferLocked(ephemeral bool) error {
	if a.deferred || a.answered {
		return nil
	}
	resp := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
	if a.interaction.Type == discordgo.InteractionMessageComponent {
		resp.Type = discordgo.InteractionResponseDeferredMessageUpdate
	} else if ephemeral {
		resp.Data = &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}
	}
	if err := a.first.respond(resp); err != nil {
		return fmt.Errorf("defer interaction: %w", err)
	}
	a.deferred = true
	a.deferredEphemeral = ephemeral || a.interaction.Type == discordgo.InteractionMessageComponent
	return nil
}

// send delivers resp in whatever way the interaction's state allows.
func (a *ack) send(resp *Response) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.deferred && len(resp.Files) > 0 && !a.first.carriesFiles() {
		// The first response cannot upload here: acknowledge, then attach
		// the files to the edit that fills the placeholder in.
		if err := a.deferLocked(resp.Ephemeral); err != nil {
			return fmt.Errorf("respond to interaction with files: %w", err)
		}
	}
	if !a.deferred {
		err := a.first.respond(resp.interactionResponse())
		if err != nil && ErrorStatus(err) >= 500 && time.Now().Before(a.retryUntil) {
			// A 5xx is Discord's hiccup, not a verdict on the answer: one
			// more try while the interaction is still alive.
			err = a.first.respond(resp.interactionResponse())
		}
		if err == nil || ErrorCode(err) != CodeAlreadyAcknowledged {
			a.answered = err == nil
			if err != nil {
				return fmt.Errorf("respond to interaction: %w", err)
			}
			return nil
		}
		// Someone acknowledged it already (a defer racing this answer): fill
		// in the reply instead, assuming the placeholder has its visibility.
		a.deferred = true
		a.deferredEphemeral = resp.Ephemeral
	}
	err := a.sendAfterDefer(resp)
	a.answered = err == nil
	return err
}

func (a *ack) sendAfterDefer(resp *Response) error {
	switch resp.Kind {
	case KindChoices, KindModal:
		return errors.New("cannot send autocomplete choices or a modal after deferring")
	case KindUpdate:
		if _, err := a.discord.InteractionResponseEdit(a.interaction, resp.webhookEdit()); err != nil {
			return fmt.Errorf("edit deferred update: %w", err)
		}
		return nil
	}
	if a.interaction.Type == discordgo.InteractionMessageComponent {
		// The defer was an update of the clicked message; a new message is a followup.
		if _, err := a.discord.FollowupMessageCreate(a.interaction, true, resp.followup()); err != nil {
			return fmt.Errorf("send followup after deferred click: %w", err)
		}
		return nil
	}
	if resp.Ephemeral == a.deferredEphemeral {
		if _, err := a.discord.InteractionResponseEdit(a.interaction, resp.webhookEdit()); err != nil {
			return fmt.Errorf("fill in deferred reply: %w", err)
		}
		return nil
	}
	// The placeholder's visibility is wrong for this answer and cannot be
	// changed: remove it and send the answer as a followup with the right one.
	if err := a.discord.InteractionResponseDelete(a.interaction); err != nil {
		return fmt.Errorf("remove deferred placeholder: %w", err)
	}
	if _, err := a.discord.FollowupMessageCreate(a.interaction, true, resp.followup()); err != nil {
		return fmt.Errorf("send followup with changed visibility: %w", err)
	}
	return nil
}

// respondInteraction sends the first callback for an interaction.
// Autocomplete answers are sent by hand: discordgo's `choices` field is
// omitempty, so an empty list would go out without the key, and Discord
// answers that with 400 ("Loading options failed" for the member).
func respondInteraction(d Discord, i *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	if resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		return d.InteractionRespond(i, resp)
	}
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	if resp.Data != nil && resp.Data.Choices != nil {
		choices = resp.Data.Choices
	}
	body := autocompleteCallback{Type: resp.Type}
	body.Data.Choices = choices
	endpoint := discordgo.EndpointInteractionResponse(i.ID, i.Token)
	if _, err := d.RequestWithBucketID(http.MethodPost, endpoint, body, endpoint); err != nil {
		return fmt.Errorf("send autocomplete choices: %w", err)
	}
	return nil
}

// autocompleteCallback is a type-8 callback whose choices are always sent.
type autocompleteCallback struct {
	Type discordgo.InteractionResponseType `json:"type"`
	Data struct {
		Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
	} `json:"data"`
}
