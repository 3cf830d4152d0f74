package bot

import (
	"context"
	"log/slog"
	"slices"
	"testing"
	"time"

	"github.com/spotter-bot/spotter/bot/discordtest"
)

// startMemberBot starts a bot whose router records member events.
func startMemberBot(t *testing.T, srv *discordtest.Server, intent bool) <-chan MemberEvent {
	t.Helper()
	events := make(chan MemberEvent, 8)
	r := helpRouter(respondWith("hello"))
	r.OnMember(func(_ context.Context, ev MemberEvent) error {
		events <- ev
		return nil
	})
	b, err := New(Options{Token: srv.Token(), APIURL: srv.APIURL(), Router: r, MembersIntent: intent,
		Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Shutdown(context.Background()) })
	if err := b.Start(testCtx(t)); err != nil {
		t.Fatal(err)
	}
	return events
}

func TestMemberEventsReachTheRouterWithTheIntent(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	events := startMemberBot(t, srv, true)
	const user = "1600000000000000007"

	srv.SetMemberRoles(discordtest.DefaultGuildID, user, discordtest.DefaultModRoleID)
	if ev := nextMemberEvent(t, events); ev.Left || ev.UserID != user || ev.GuildID != discordtest.DefaultGuildID ||
		!slices.Equal(ev.Roles, []string{discordtest.DefaultModRoleID}) {
		t.Errorf("role change = %+v", ev)
	}
	srv.RemoveMember(discordtest.DefaultGuildID, user)
	if ev := nextMemberEvent(t, events); !ev.Left || ev.UserID != user {
		t.Errorf("leaving = %+v", ev)
	}
}

func TestNoMemberEventsWithoutTheIntent(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	events := startMemberBot(t, srv, false)
	srv.SetMemberRoles(discordtest.DefaultGuildID, "1600000000000000007", discordtest.DefaultModRoleID)
	select {
	case ev := <-events:
		t.Errorf("a bot without the intent heard %+v", ev)
	case <-time.After(300 * time.Millisecond):
	}
}

func nextMemberEvent(t *testing.T, events <-chan MemberEvent) MemberEvent {
	t.Helper()
	select {
	case ev := <-events:
		return ev
	case <-time.After(5 * time.Second):
		t.Fatal("no member event arrived")
		return MemberEvent{}
	}
}
