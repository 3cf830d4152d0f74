package bot

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

func member(perms int64, roles ...string) *Request {
	return &Request{Interaction: &discordgo.Interaction{
		GuildID: "1",
		Member:  &discordgo.Member{User: &discordgo.User{ID: "42"}, Permissions: perms, Roles: roles},
	}}
}

func TestIsModerator(t *testing.T) {
	cases := []struct {
		name  string
		req   *Request
		roles []string
		want  bool
	}{
		{"pin messages", member(PermissionPinMessages), nil, true},
		{"manage messages", member(discordgo.PermissionManageMessages), nil, true},
		{"administrator", member(discordgo.PermissionAdministrator), nil, true},
		{"plain member", member(discordgo.PermissionSendMessages | discordgo.PermissionViewChannel), nil, false},
		{"named moderator role", member(discordgo.PermissionSendMessages, "777"), []string{"777"}, true},
		{"other role", member(discordgo.PermissionSendMessages, "778"), []string{"777"}, false},
		{"dm", &Request{Interaction: &discordgo.Interaction{User: &discordgo.User{ID: "42"}}}, nil, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := IsModerator(tc.req, tc.roles); got != tc.want {
				t.Errorf("IsModerator = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestRequireModeratorRefusesPlainMembers(t *testing.T) {
	h := RequireModerator(func(context.Context, string) ([]string, error) { return []string{"777"}, nil })(respondWith("posted"))
	_, err := h(context.Background(), member(discordgo.PermissionSendMessages))
	if ue, ok := AsUserError(err); !ok || !strings.Contains(ue.Message, "Pin Messages") {
		t.Fatalf("plain member: %v", err)
	}
	resp, err := h(context.Background(), member(0, "777"))
	if err != nil || resp.Content != "posted" {
		t.Fatalf("moderator by role: %v, %v", resp, err)
	}
}

func TestMissingAppPermissionsNamesWhatToGrant(t *testing.T) {
	req := member(0)
	req.AppPermissions = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages
	got := MissingAppPermissions(req, discordgo.PermissionSendMessages|PermissionPinMessages|discordgo.PermissionEmbedLinks)
	if strings.Join(got, ",") != "Embed Links,Pin Messages" {
		t.Errorf("missing = %v", got)
	}
	req.AppPermissions = discordgo.PermissionAdministrator
	if got := MissingAppPermissions(req, RequiredPermissions); got != nil {
		t.Errorf("administrator lacks %v", got)
	}
}

func TestREADMEInviteURLHasTheRequiredPermissions(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want := "permissions=" + strconv.FormatInt(RequiredPermissions, 10)
	if !strings.Contains(string(readme), want) {
		t.Errorf("README's invite URL should carry %s", want)
	}
}
