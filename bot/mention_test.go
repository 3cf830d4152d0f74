package bot

import (
	"testing"

	"github.com/bwmarrin/discordgo"
)

func TestMentionIsClickableOnceTheIDIsKnown(t *testing.T) {
	r := NewRouter()
	if got := r.Mention("checkin stop"); got != "/checkin stop" {
		t.Errorf("before the sync Mention = %q, want plain /checkin stop", got)
	}
	r.rememberCommandIDs([]*discordgo.ApplicationCommand{
		{ID: "111", Name: "checkin", Type: discordgo.ChatApplicationCommand},
		{ID: "222", Name: "red-flag-check"},
		{ID: "333", Name: "Save as form tip", Type: discordgo.MessageApplicationCommand},
	})
	tests := []struct{ path, want string }{
		{"checkin stop", "</checkin stop:111>"},
		{"red-flag-check", "</red-flag-check:222>"},
		{"Save as form tip", "/Save as form tip"},
		{"privacy show", "/privacy show"},
	}
	for _, tt := range tests {
		if got := r.Mention(tt.path); got != tt.want {
			t.Errorf("Mention(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
	r.rememberCommandIDs(nil)
	if got := r.Mention("checkin stop"); got != "/checkin stop" {
		t.Errorf("after forgetting Mention = %q", got)
	}
}
