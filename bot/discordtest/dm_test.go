package discordtest

import (
	"errors"
	"testing"

	"github.com/bwmarrin/discordgo"
)

func TestDMChannelIsReusedAndMessagesArrive(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := newSession(t, srv)
	const user = "1600000000000000001"

	first, err := dg.UserChannelCreate(user)
	if err != nil {
		t.Fatal(err)
	}
	again, err := dg.UserChannelCreate(user)
	if err != nil {
		t.Fatal(err)
	}
	if first.ID != again.ID || first.Type != discordgo.ChannelTypeDM || first.Recipients[0].ID != user {
		t.Errorf("channels %s and %s (type %d): want the same DM channel with the user", first.ID, again.ID, first.Type)
	}
	if _, err := dg.ChannelMessageSend(first.ID, "How is your back today (0-10)?"); err != nil {
		t.Fatal(err)
	}
	if dms := srv.DMs(user); len(dms) != 1 || dms[0].Content != "How is your back today (0-10)?" || srv.DMChannelID(user) != first.ID {
		t.Errorf("DMs = %v", dms)
	}
}

func TestClosedDMsAnswer50007(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := newSession(t, srv)
	const user = "1600000000000000002"
	srv.CloseDMs(user)

	ch, err := dg.UserChannelCreate(user)
	if err != nil {
		t.Fatalf("opening the DM channel must still work: %v", err)
	}
	_, err = dg.ChannelMessageSend(ch.ID, "check-in")

	var re *discordgo.RESTError
	if !errors.As(err, &re) || re.Response.StatusCode != 403 || re.Message.Code != discordgo.ErrCodeCannotSendMessagesToThisUser {
		t.Fatalf("send to closed DMs: %v, want 403 code 50007", err)
	}
	if len(srv.DMs(user)) != 0 {
		t.Error("a refused DM was stored")
	}
}
