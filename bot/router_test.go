package bot

import (
	"context"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

func respondWith(text string) Handler {
	return func(context.Context, *Request) (*Response, error) { return Ephemeral(text), nil }
}

func serve(t *testing.T, r *Router, i *discordgo.Interaction) (*Response, *Request, error) {
	t.Helper()
	req := &Request{Interaction: i}
	resp, err := r.Serve(context.Background(), req)
	return resp, req, err
}

func TestRouterRoutesEveryKindOfInteraction(t *testing.T) {
	r := NewRouter()
	r.Command("help", respondWith("help"))
	r.Command("checkin start", respondWith("start"))
	r.Component("checkin:answer", respondWith("answer"))
	r.Component("checkin", respondWith("checkin-any"))
	r.Modal("tip:edit", respondWith("modal"))
	r.Autocomplete("sore-back", "question", respondWith("auto"))
	r.MessageCommand("Save as form tip", respondWith("save"))

	autocomplete := slashCommand("sore-back", "", &discordgo.ApplicationCommandInteractionDataOption{Name: "question", Type: discordgo.ApplicationCommandOptionString, Value: "ic", Focused: true})
	autocomplete.Type = discordgo.InteractionApplicationCommandAutocomplete
	messageCommand := slashCommand("Save as form tip", "")
	data := messageCommand.Data.(discordgo.ApplicationCommandInteractionData)
	data.CommandType = discordgo.MessageApplicationCommand
	messageCommand.Data = data
	modal := &discordgo.Interaction{Type: discordgo.InteractionModalSubmit, Data: discordgo.ModalSubmitInteractionData{CustomID: "tip:edit:77"}}

	cases := []struct {
		name      string
		i         *discordgo.Interaction
		want      string
		wantRoute string
		wantArgs  []string
	}{
		{"command", slashCommand("help", ""), "help", "help", nil},
		{"subcommand", slashCommand("checkin", "start"), "start", "checkin start", nil},
		{"component longest prefix", click("checkin:answer:12:7"), "answer", "checkin:answer", []string{"12", "7"}},
		{"component shorter prefix", click("checkin:snooze:12"), "checkin-any", "checkin", []string{"snooze", "12"}},
		{"modal", modal, "modal", "tip:edit", []string{"77"}},
		{"autocomplete", autocomplete, "auto", "sore-back/question", nil},
		{"message command", messageCommand, "save", "Save as form tip", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, req, err := serve(t, r, tc.i)
			if err != nil {
				t.Fatal(err)
			}
			if resp.Content != tc.want || req.Route != tc.wantRoute {
				t.Errorf("got %q via %q, want %q via %q", resp.Content, req.Route, tc.want, tc.wantRoute)
			}
			if tc.wantArgs != nil && strings.Join(req.CustomIDArgs(), ",") != strings.Join(tc.wantArgs, ",") {
				t.Errorf("custom_id args = %v, want %v", req.CustomIDArgs(), tc.wantArgs)
			}
		})
	}
}

func TestRouterDoesNotMatchPartialSegments(t *testing.T) {
	r := NewRouter()
	r.Component("share", respondWith("share"))
	_, _, err := serve(t, r, click("shared:1"))
	if ue, ok := AsUserError(err); !ok || !strings.Contains(ue.Message, "no longer supported") {
		t.Fatalf("a custom_id that only shares letters with a prefix was routed: %v", err)
	}
}

func TestRouterPanicsOnDuplicateRoutes(t *testing.T) {
	cases := map[string]func(r *Router){
		"command":   func(r *Router) { r.Command("help", respondWith("")); r.Command("help", respondWith("")) },
		"component": func(r *Router) { r.Component("a", respondWith("")); r.Component("a", respondWith("")) },
		"definition": func(r *Router) {
			r.Define(&discordgo.ApplicationCommand{Name: "x"}, &discordgo.ApplicationCommand{Name: "x"})
		},
	}
	for name, register := range cases {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("duplicate registration did not panic")
				}
			}()
			register(NewRouter())
		})
	}
}

func TestRouterCheckFindsMismatchedNames(t *testing.T) {
	r := NewRouter()
	r.Define(&discordgo.ApplicationCommand{Name: "checkin", Description: "d", Options: []*discordgo.ApplicationCommandOption{
		{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "start", Description: "d"},
		{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "stop", Description: "d"},
	}})
	r.Command("checkin start", respondWith(""))
	r.Command("checkin stpo", respondWith(""))
	err := r.Check()
	if err == nil {
		t.Fatal("Check passed with a typo")
	}
	for _, want := range []string{`"checkin stop" has no handler`, `"checkin stpo" has no command definition`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Check error %q lacks %q", err, want)
		}
	}
	r.Command("checkin stop", respondWith(""))
	delete(r.commands, "checkin stpo")
	if err := r.Check(); err != nil {
		t.Errorf("consistent router: %v", err)
	}
}

func TestRequestReadsSubcommandOptions(t *testing.T) {
	i := slashCommand("checkin", "start",
		&discordgo.ApplicationCommandInteractionDataOption{Name: "pain", Type: discordgo.ApplicationCommandOptionInteger, Value: float64(4)},
		&discordgo.ApplicationCommandInteractionDataOption{Name: "time", Type: discordgo.ApplicationCommandOptionString, Value: "08:30"},
	)
	req := &Request{Interaction: i}
	if pain, ok := req.IntOption("pain"); !ok || pain != 4 {
		t.Errorf("pain = %d, %v", pain, ok)
	}
	if at, ok := req.StringOption("time"); !ok || at != "08:30" {
		t.Errorf("time = %q, %v", at, ok)
	}
	if _, ok := req.StringOption("pain"); ok {
		t.Error("an integer option read as a string")
	}
	if req.UserID() != "42" || !req.InGuild() {
		t.Errorf("user %q in guild %v", req.UserID(), req.InGuild())
	}
}

func TestRouterMiddlewareWrapsEveryRouteInOrder(t *testing.T) {
	r := NewRouter()
	var order []string
	mark := func(name string) Middleware {
		return func(next Handler) Handler {
			return func(ctx context.Context, req *Request) (*Response, error) {
				order = append(order, name)
				return next(ctx, req)
			}
		}
	}
	r.Use(mark("outer"), mark("inner"))
	r.Command("help", respondWith("help"))
	r.Component("btn", respondWith("btn"))
	serve(t, r, slashCommand("help", ""))
	serve(t, r, click("btn:1"))
	if got := strings.Join(order, ","); got != "outer,inner,outer,inner" {
		t.Errorf("middleware ran as %s", got)
	}
}

func TestRouterRefusesAComponentNotOnTheClickedMessage(t *testing.T) {
	r := NewRouter()
	ran := false
	r.Component("library", func(context.Context, *Request) (*Response, error) {
		ran = true
		return Update("page 2"), nil
	})
	for name, msg := range map[string]*discordgo.Message{
		"no message":           nil,
		"message without it":   {ID: "700", Components: []discordgo.MessageComponent{&discordgo.ActionsRow{Components: []discordgo.MessageComponent{&discordgo.Button{CustomID: "share:1", Label: "x"}}}}},
		"message with nothing": {ID: "700"},
	} {
		i := click("library:42:2")
		i.Message = msg
		_, err := r.Serve(context.Background(), &Request{Interaction: i})
		if ue, ok := AsUserError(err); !ok || !strings.Contains(ue.Message, "not on this message") {
			t.Errorf("%s: err = %v, want the click refused", name, err)
		}
	}
	if ran {
		t.Error("the handler ran for a custom_id that is not on the message")
	}
}

func TestComponentOnMessageFindsTheExactCustomIDAtAnyDepth(t *testing.T) {
	row := func(cs ...discordgo.MessageComponent) *discordgo.ActionsRow {
		return &discordgo.ActionsRow{Components: cs}
	}
	nested := []discordgo.MessageComponent{&discordgo.Container{Components: []discordgo.MessageComponent{
		discordgo.TextDisplay{Content: "a card"},
		&discordgo.Section{Components: []discordgo.MessageComponent{discordgo.TextDisplay{Content: "x"}},
			Accessory: &discordgo.Button{CustomID: "redflag:start", Label: "Check"}},
		row(&discordgo.Button{CustomID: "sore-back:share:7", Label: "Share"}),
	}}}
	for _, tc := range []struct {
		name       string
		components []discordgo.MessageComponent
		customID   string
		want       bool
	}{
		{"in a row", []discordgo.MessageComponent{row(&discordgo.Button{CustomID: "library:42:2", Label: "Next"})}, "library:42:2", true},
		{"a section's accessory in a container", nested, "redflag:start", true},
		{"a row in a container", nested, "sore-back:share:7", true},
		{"a select menu", []discordgo.MessageComponent{row(discordgo.SelectMenu{CustomID: "pick:<1>&", Options: []discordgo.SelectMenuOption{{Label: "a", Value: "a"}}})}, "pick:<1>&", true},
		{"a prefix of one", []discordgo.MessageComponent{row(&discordgo.Button{CustomID: "library:42:2", Label: "Next"})}, "library:42", false},
		{"longer than one", []discordgo.MessageComponent{row(&discordgo.Button{CustomID: "library:42", Label: "Next"})}, "library:42:2", false},
		{"only in a label", []discordgo.MessageComponent{row(&discordgo.Button{CustomID: "other", Label: `"custom_id":"library:42:2"`})}, "library:42:2", false},
		{"only as a link's url", []discordgo.MessageComponent{row(&discordgo.Button{Style: discordgo.LinkButton, URL: "https://x.test/library:42:2", Label: "x"})}, "library:42:2", false},
	} {
		i := click(tc.customID)
		i.Message = &discordgo.Message{ID: "700", Components: tc.components}
		if got := componentOnMessage(&Request{Interaction: i}); got != tc.want {
			t.Errorf("%s: componentOnMessage = %v, want %v", tc.name, got, tc.want)
		}
	}
}
