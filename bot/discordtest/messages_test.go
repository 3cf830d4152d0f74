package discordtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

func TestMultipartMessageKeepsTheFile(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := newSession(t, srv)
	png := []byte("\x89PNG fake image bytes")

	sent, err := dg.ChannelMessageSendComplex(DefaultTipsChannel, &discordgo.MessageSend{
		Content: "Bar path diagram",
		Files:   []*discordgo.File{{Name: "bar-path.png", ContentType: "image/png", Reader: bytes.NewReader(png)}},
	})
	if err != nil {
		t.Fatal(err)
	}

	if len(sent.Attachments) != 1 || sent.Attachments[0].Filename != "bar-path.png" || sent.Attachments[0].Size != len(png) {
		t.Fatalf("returned attachments %+v", sent.Attachments)
	}
	stored := srv.Message(sent.ID)
	if len(stored.Files) != 1 || !bytes.Equal(stored.Files[0].Data, png) || stored.Files[0].ContentType != "image/png" {
		t.Errorf("stored files %+v", stored.Files)
	}
	resp, err := dg.Client.Get(sent.Attachments[0].URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if got := readBody(t, resp); !bytes.Equal(got, png) {
		t.Errorf("attachment URL served %q", got)
	}
	if reqs := srv.Requests(); len(reqs[0].Files) != 1 || !json.Valid(reqs[0].Body) {
		t.Errorf("recorded request: body %s files %d, want payload_json and the file", reqs[0].Body, len(reqs[0].Files))
	}
}

func TestEnforcedNonceReturnsTheFirstMessage(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := newSession(t, srv)
	send := func(nonce string, enforce bool) *discordgo.Message {
		body := map[string]any{"content": "Check-in reminder", "nonce": nonce, "enforce_nonce": enforce}
		b, err := dg.RequestWithBucketID("POST", discordgo.EndpointChannelMessages(DefaultChannelID), body, "")
		if err != nil {
			t.Fatal(err)
		}
		var m discordgo.Message
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		return &m
	}

	first := send("checkin-42", true)
	retry := send("checkin-42", true)
	other := send("checkin-43", true)
	unenforced := send("checkin-42", false)

	if retry.ID != first.ID {
		t.Errorf("retry with the same nonce created %s, want the first message %s back", retry.ID, first.ID)
	}
	if other.ID == first.ID || unenforced.ID == first.ID {
		t.Error("a different nonce, or no enforce_nonce, must create a new message")
	}
	if n := len(srv.Messages(DefaultChannelID)); n != 3 {
		t.Errorf("%d messages, want 3", n)
	}
}

func TestEditingAndDeletingMessages(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := newSession(t, srv)
	own, err := dg.ChannelMessageSend(DefaultChannelID, "draft")
	if err != nil {
		t.Fatal(err)
	}
	theirs := srv.AddMessage(DefaultChannelID, Message{Content: "my back hurts"})

	edited, err := dg.ChannelMessageEdit(DefaultChannelID, own.ID, "final")
	if err != nil || edited.Content != "final" || edited.EditedTimestamp == nil {
		t.Fatalf("edit own message: %+v, %v", edited, err)
	}
	_, err = dg.ChannelMessageEdit(DefaultChannelID, theirs.ID, "hijacked")
	if code := restCode(t, err); code != discordgo.ErrCodeCannotEditFromAnotherUser {
		t.Errorf("edit a member's message: code %d, want 50005", code)
	}
	if err := dg.ChannelMessageDelete(DefaultChannelID, own.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := dg.ChannelMessage(DefaultChannelID, own.ID); restCode(t, err) != discordgo.ErrCodeUnknownMessage {
		t.Errorf("GET of a deleted message: %v, want 10008", err)
	}
	if m := srv.Message(own.ID); m == nil || !m.Deleted {
		t.Errorf("Message(%s) = %+v, want it marked deleted", own.ID, m)
	}
	if msgs := srv.Messages(DefaultChannelID); len(msgs) != 1 || msgs[0].ID != theirs.ID {
		t.Errorf("Messages = %v, want only the member's", msgs)
	}
}

func TestFailNextInjectsDiscordErrors(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := newSession(t, srv)
	dg.MaxRestRetries = 0
	srv.FailNext("POST", "/channels/"+DefaultChannelID+"/messages", 403, discordgo.ErrCodeMissingPermissions, 1)
	srv.FailNext("", "/channels/"+DefaultTipsChannel, 502, 0, 1)

	_, denied := dg.ChannelMessageSend(DefaultChannelID, "tip")
	_, ok := dg.ChannelMessageSend(DefaultChannelID, "tip")
	_, gateway := dg.ChannelMessageSend(DefaultTipsChannel, "tip")

	if code := restCode(t, denied); code != discordgo.ErrCodeMissingPermissions {
		t.Errorf("first send: code %d, want 50013", code)
	}
	if ok != nil {
		t.Errorf("second send: %v, want success after the one injected failure", ok)
	}
	if gateway == nil || srv.Requests()[2].Status != 502 {
		t.Errorf("502: %v, want the injected Bad Gateway", gateway)
	}
}

func TestWaitMessageSeesLaterMessages(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := newSession(t, srv)
	sent := make(chan error, 1)
	go func() {
		ch, err := dg.UserChannelCreate("1600000000000000003")
		if err == nil {
			_, err = dg.ChannelMessageSend(ch.ID, "Time for your pain check-in.")
		}
		sent <- err
	}()

	m, err := srv.WaitMessage(ctxT(t), func(m *Message) bool { return m.Content == "Time for your pain check-in." })

	if err != nil {
		t.Fatal(err)
	}
	if err := next(t, sent); err != nil {
		t.Fatal(err)
	}
	if m.ChannelID != srv.DMChannelID("1600000000000000003") || m.AuthorID != srv.ApplicationID() {
		t.Errorf("found %+v, want the bot's DM", m)
	}
}

func TestWaitUntilWakesOnEachChangeAndDMsShowTheMessage(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := newSession(t, srv)
	const user = "1600000000000000004"
	changed := srv.Changed()
	sent := make(chan error, 1)
	go func() {
		ch, err := dg.UserChannelCreate(user)
		if err == nil {
			_, err = dg.ChannelMessageSend(ch.ID, "Snoozed for an hour.")
		}
		sent <- err
	}()

	checks := 0
	err := srv.WaitUntil(ctxT(t), func() bool {
		checks++
		dms := srv.DMs(user)
		return len(dms) == 1 && dms[0].Content == "Snoozed for an hour."
	})

	if err != nil {
		t.Fatal(err)
	}
	if err := next(t, sent); err != nil {
		t.Fatal(err)
	}
	if checks < 2 {
		t.Errorf("the condition was checked %d times, want once at first and again after a change", checks)
	}
	select {
	case <-changed:
	default:
		t.Error("the channel from Changed is still open after the stand-in changed")
	}
	ctx, cancel := context.WithTimeout(ctxT(t), 50*time.Millisecond)
	defer cancel()
	if err := srv.WaitUntil(ctx, func() bool { return false }); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("WaitUntil on a condition that never holds returned %v, want the context's error", err)
	}
}

// Edits, pins and deletes of one message arrive on parallel connections, as
// they do from a bot with several handlers running; the race detector checks
// that the stand-in reads a message only under its lock.
func TestConcurrentChangesToOneMessageAreSafe(t *testing.T) {
	t.Parallel()
	wide := RouteLimit{Limit: 1000, Window: time.Second}
	srv := Start(t, Options{RouteLimits: map[string]RouteLimit{
		"PATCH /channels/{channel_id}/messages/{message_id}": wide,
		"PUT /channels/{channel_id}/pins/{message_id}":       wide,
		"DELETE /channels/{channel_id}/pins/{message_id}":    wide,
	}})
	dg := openSession(t, srv)
	sent, err := dg.ChannelMessageSend(DefaultTipsChannel, "Brace before the pull")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for worker := range 4 {
		wg.Go(func() {
			for i := range 10 {
				if _, err := dg.ChannelMessageEdit(DefaultTipsChannel, sent.ID, fmt.Sprintf("edit %d.%d", worker, i)); err != nil {
					t.Errorf("edit: %v", err)
				}
				if err := dg.ChannelMessagePin(DefaultTipsChannel, sent.ID); err != nil {
					t.Errorf("pin: %v", err)
				}
				if err := dg.ChannelMessageUnpin(DefaultTipsChannel, sent.ID); err != nil {
					t.Errorf("unpin: %v", err)
				}
			}
		})
	}
	wg.Wait()
	if err := dg.ChannelMessageDelete(DefaultTipsChannel, sent.ID); err != nil {
		t.Fatal(err)
	}
	if got := srv.Message(sent.ID); got == nil || !got.Deleted || !strings.HasPrefix(got.Content, "edit ") {
		t.Errorf("after the edits and the delete the message is %+v", got)
	}
}
