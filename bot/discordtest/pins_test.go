package discordtest

import (
	"encoding/json"
	"testing"

	"github.com/bwmarrin/discordgo"
)

func TestPinsOnBothPaths(t *testing.T) {
	t.Parallel()
	srv := Start(t, Options{})
	dg := newSession(t, srv)
	oldTip := srv.AddMessage(DefaultTipsChannel, Message{Content: "Neutral spine."})
	newTip := srv.AddMessage(DefaultTipsChannel, Message{Content: "Hips and shoulders rise together."})

	if err := dg.ChannelMessagePin(DefaultTipsChannel, oldTip.ID); err != nil {
		t.Fatalf("pin on the deprecated path: %v", err)
	}
	resp := raw(t, srv, "PUT", "/channels/"+DefaultTipsChannel+"/messages/pins/"+newTip.ID, nil)
	if resp.StatusCode != 204 {
		t.Fatalf("pin on the new path: status %d", resp.StatusCode)
	}

	pinned, err := dg.ChannelMessagesPinned(DefaultTipsChannel)
	if err != nil || len(pinned) != 2 || pinned[0].ID != newTip.ID {
		t.Fatalf("old listing: %d pins (%v), want 2, latest first", len(pinned), err)
	}
	var page struct {
		Items []struct {
			PinnedAt string            `json:"pinned_at"`
			Message  discordgo.Message `json:"message"`
		} `json:"items"`
		HasMore bool `json:"has_more"`
	}
	listing := raw(t, srv, "GET", "/channels/"+DefaultTipsChannel+"/messages/pins?limit=1", nil)
	if err := json.Unmarshal(readBody(t, listing), &page); err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 1 || !page.HasMore || page.Items[0].Message.ID != newTip.ID || page.Items[0].PinnedAt == "" {
		t.Errorf("new listing page %+v, want the latest pin and has_more", page)
	}
	if err := dg.ChannelMessageUnpin(DefaultTipsChannel, oldTip.ID); err != nil {
		t.Fatal(err)
	}
	if pins := srv.Pins(DefaultTipsChannel); len(pins) != 1 || pins[0].ID != newTip.ID {
		t.Errorf("after unpin: %v", pins)
	}
}

func TestPinErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name     string
		channel  string
		message  func(*Server) string
		fill     bool
		wantCode int
	}{
		{"already pinned is a no-op", DefaultTipsChannel, func(s *Server) string {
			return s.AddMessage(DefaultTipsChannel, Message{Content: "x", Pinned: true}).ID
		}, false, 0},
		{"full channel", DefaultTipsChannel, func(s *Server) string { return s.AddMessage(DefaultTipsChannel, Message{Content: "x"}).ID }, true, discordgo.ErrCodeMaximumPinsReached},
		{"unknown message", DefaultTipsChannel, func(*Server) string { return "1700000000000000001" }, false, discordgo.ErrCodeUnknownMessage},
		{"unknown channel", "1700000000000000002", func(*Server) string { return "1700000000000000001" }, false, discordgo.ErrCodeUnknownChannel},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := Start(t, Options{MaxPins: 5})
			dg := newSession(t, srv)
			id := tc.message(srv)
			if tc.fill {
				srv.FillPins(tc.channel)
			}
			before := len(srv.Pins(tc.channel))

			err := dg.ChannelMessagePin(tc.channel, id)

			if tc.wantCode == 0 {
				if err != nil {
					t.Fatalf("pin: %v", err)
				}
			} else if code := restCode(t, err); code != tc.wantCode {
				t.Fatalf("code %d, want %d", code, tc.wantCode)
			}
			if after := len(srv.Pins(tc.channel)); after != before {
				t.Errorf("pins went from %d to %d", before, after)
			}
		})
	}
}
