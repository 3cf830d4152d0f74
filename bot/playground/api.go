package playground

import (
	"context"
	"embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter/bot/discordtest"
)

//go:embed web
var webFiles embed.FS

// maxRequest bounds a request body: an attachment option is the largest.
const maxRequest = 10 << 20

// Handler serves the page at / and its API under /api/.
func (p *Playground) Handler() http.Handler {
	mux := http.NewServeMux()
	web, _ := fs.Sub(webFiles, "web") // "web" is embedded above.
	mux.Handle("GET /", http.FileServerFS(web))
	mux.HandleFunc("GET /api/state", p.handleState)
	mux.HandleFunc("GET /api/messages", p.handleMessages)
	mux.HandleFunc("GET /api/attachments/{id}", p.handleAttachment)
	mux.HandleFunc("POST /api/command", p.handleCommand)
	mux.HandleFunc("POST /api/autocomplete", p.handleAutocomplete)
	mux.HandleFunc("POST /api/click", p.handleClick)
	mux.HandleFunc("POST /api/select", p.handleSelect)
	mux.HandleFunc("POST /api/modal", p.handleModal)
	mux.HandleFunc("POST /api/modal/dismiss", p.handleModalDismiss)
	mux.HandleFunc("POST /api/say", p.handleSay)
	mux.HandleFunc("POST /api/clock", p.handleClock)
	return mux
}

// apiError is an answer the page shows the user as it is.
type apiError struct {
	status int
	msg    string
}

func (e *apiError) Error() string { return e.msg }

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(v) // the page went away; nothing to do.
}

func writeError(w http.ResponseWriter, err error) {
	status := http.StatusInternalServerError
	var ae *apiError
	var mis *discordtest.Misuse
	switch {
	case errors.As(err, &ae):
		status = ae.status
	case errors.As(err, &mis):
		status = http.StatusBadRequest
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
}

func badRequest(format string, args ...any) error {
	return &apiError{status: http.StatusBadRequest, msg: fmt.Sprintf(format, args...)}
}

// who reads the acting person from the user parameter.
func who(id string) (Person, error) {
	if pp, ok := person(id); ok {
		return pp, nil
	}
	return Person{}, badRequest("no such person %q", id)
}

// decode reads a JSON request body into v.
func decode(r *http.Request, v any) error {
	if err := json.NewDecoder(http.MaxBytesReader(nil, r.Body, maxRequest)).Decode(v); err != nil {
		return badRequest("read the request: %v", err)
	}
	return nil
}

type channelInfo struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Messages int    `json:"messages"`
}

type commandInfo struct {
	// Name is the full name as typed: "checkin start".
	Name        string                                `json:"name"`
	Description string                                `json:"description"`
	Options     []*discordgo.ApplicationCommandOption `json:"options"`
	InDMs       bool                                  `json:"in_dms"`
	InServer    bool                                  `json:"in_server"`
}

// handleState is what the page needs besides messages: who is who, the
// channels and DMs, the commands, the clock and an open modal.
func (p *Playground) handleState(w http.ResponseWriter, r *http.Request) {
	me, err := who(r.URL.Query().Get("user"))
	if err != nil {
		writeError(w, err)
		return
	}
	var channels []channelInfo
	for _, c := range p.guild.Channels {
		channels = append(channels, channelInfo{ID: c.ID, Name: c.Name, Messages: len(p.host.ClientMessages(c.ID, me.ID))})
	}
	dm := p.host.OpenDM(me.ID)
	var roles []map[string]string
	for _, r := range p.guild.Roles {
		roles = append(roles, map[string]string{"id": r.ID, "name": r.Name})
	}
	state := map[string]any{
		"me":       me,
		"people":   People,
		"bot":      map[string]string{"id": p.host.ApplicationID(), "name": "Spotter"},
		"guild":    map[string]any{"id": GuildID, "name": p.guild.Name, "channels": channels, "roles": roles},
		"dm":       channelInfo{ID: dm, Name: "Spotter", Messages: len(p.host.ClientMessages(dm, me.ID))},
		"commands": p.commands(),
		"clock":    p.clock.Now().Format(time.RFC3339),
		"ahead":    formatAhead(p.clock.Offset()),
	}
	if data, ok := p.host.OpenModal(me.ID); ok {
		state["modal"] = data
	}
	writeJSON(w, state)
}

// formatAhead says how far the clock was jumped: "2d 3h".
func formatAhead(d time.Duration) string {
	if d <= 0 {
		return ""
	}
	days, hours := int(d/(24*time.Hour)), int(d%(24*time.Hour)/time.Hour)
	switch {
	case days > 0 && hours > 0:
		return fmt.Sprintf("%dd %dh", days, hours)
	case days > 0:
		return fmt.Sprintf("%dd", days)
	default:
		return fmt.Sprintf("%dh", hours)
	}
}

// commands flattens the registered slash commands into what the page lists
// when "/" is typed: one entry per subcommand, as Discord shows them.
func (p *Playground) commands() []commandInfo {
	var out []commandInfo
	for _, c := range append(p.host.Commands(""), p.host.Commands(GuildID)...) {
		if c.Type != 0 && c.Type != discordgo.ChatApplicationCommand {
			continue
		}
		inDMs := c.Contexts == nil || slices.Contains(*c.Contexts, discordgo.InteractionContextBotDM)
		inServer := c.Contexts == nil || slices.Contains(*c.Contexts, discordgo.InteractionContextGuild)
		var walk func(prefix string, desc string, opts []*discordgo.ApplicationCommandOption)
		walk = func(prefix, desc string, opts []*discordgo.ApplicationCommandOption) {
			leaf := true
			for _, o := range opts {
				if o.Type == discordgo.ApplicationCommandOptionSubCommand || o.Type == discordgo.ApplicationCommandOptionSubCommandGroup {
					leaf = false
					walk(prefix+" "+o.Name, o.Description, o.Options)
				}
			}
			if leaf {
				if opts == nil {
					opts = []*discordgo.ApplicationCommandOption{}
				}
				out = append(out, commandInfo{Name: prefix, Description: desc, Options: opts, InDMs: inDMs, InServer: inServer})
			}
		}
		walk(c.Name, c.Description, c.Options)
	}
	slices.SortFunc(out, func(a, b commandInfo) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// handleMessages lists the messages of a channel the person sees.
func (p *Playground) handleMessages(w http.ResponseWriter, r *http.Request) {
	me, err := who(r.URL.Query().Get("user"))
	if err != nil {
		writeError(w, err)
		return
	}
	out := []map[string]any{}
	for _, m := range p.host.ClientMessages(r.URL.Query().Get("channel"), me.ID) {
		var msg map[string]any
		if err := json.Unmarshal(m.Wire, &msg); err != nil {
			continue // the stand-in's own JSON; it always decodes.
		}
		msg["ephemeral"] = m.EphemeralFor != ""
		msg["loading"] = m.Loading
		p.mu.Lock()
		if u, ok := p.used[m.InteractionID]; ok {
			msg["used"] = u
		}
		shift, ok := p.shift[fmt.Sprint(msg["id"])]
		if !ok {
			shift = p.clock.Offset()
			p.shift[fmt.Sprint(msg["id"])] = shift
		}
		p.mu.Unlock()
		if ts, err := time.Parse(time.RFC3339Nano, fmt.Sprint(msg["timestamp"])); err == nil {
			msg["shown_at"] = ts.Add(shift).Format(time.RFC3339Nano)
		}
		if author, ok := msg["author"].(map[string]any); ok {
			if pp, ok := person(fmt.Sprint(author["id"])); ok {
				author["kind"], author["username"], author["global_name"] = pp.Kind, pp.Name, pp.Name
			}
		}
		out = append(out, msg)
	}
	writeJSON(w, map[string]any{"messages": out})
}

func (p *Playground) handleAttachment(w http.ResponseWriter, r *http.Request) {
	f, ok := p.host.Attachment(r.PathValue("id"))
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", f.ContentType)
	_, _ = w.Write(f.Data) // the page went away; nothing to do.
}

// action is what the page sends for every interaction.
type action struct {
	User     string            `json:"user"`
	Channel  string            `json:"channel"`
	Command  string            `json:"command"`
	Options  map[string]any    `json:"options"`
	Focused  string            `json:"focused"`
	Message  string            `json:"message"`
	CustomID string            `json:"custom_id"`
	Values   []string          `json:"values"`
	Fields   map[string]string `json:"fields"`
	Content  string            `json:"content"`
	Advance  string            `json:"advance"`
}

// upload is an attachment option as the page sends it.
type upload struct {
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Data        string `json:"data"` // base64
}

// options turns the page's option values into the stand-in's.
func options(in map[string]any) ([]discordtest.Option, error) {
	names := make([]string, 0, len(in))
	for name := range in {
		names = append(names, name)
	}
	slices.Sort(names)
	var out []discordtest.Option
	for _, name := range names {
		v := in[name]
		if obj, ok := v.(map[string]any); ok {
			raw, _ := json.Marshal(obj) // decoded from JSON a moment ago.
			var u upload
			if err := json.Unmarshal(raw, &u); err != nil {
				return nil, badRequest("option %s: %v", name, err)
			}
			data, err := base64.StdEncoding.DecodeString(u.Data)
			if err != nil {
				return nil, badRequest("option %s: the file is not base64: %v", name, err)
			}
			v = discordtest.File{Name: u.Name, ContentType: u.ContentType, Data: data}
		}
		out = append(out, discordtest.Opt(name, v))
	}
	return out, nil
}

// answer waits for the bot's first response to an interaction and tells
// the page whether a modal opened; an unanswered interaction is what
// Discord shows as "The application did not respond".
func (p *Playground) answer(ctx context.Context, w http.ResponseWriter, me Person, in *discordtest.Interaction) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	cb, err := in.Wait(ctx)
	if err != nil {
		writeError(w, &apiError{status: http.StatusGatewayTimeout, msg: "The application did not respond"})
		return
	}
	out := map[string]any{"ok": true, "type": int(cb.Type)}
	if cb.Type == discordgo.InteractionResponseModal {
		if data, ok := p.host.OpenModal(me.ID); ok {
			out["modal"] = data
		}
	}
	if cb.Type == discordgo.InteractionApplicationCommandAutocompleteResult && cb.Data != nil {
		choices := cb.Data.Choices
		if choices == nil {
			choices = []*discordgo.ApplicationCommandOptionChoice{}
		}
		out["choices"] = choices
	}
	writeJSON(w, out)
}

// act reads an action, runs f with the stand-in's helpers and answers with
// the bot's response; a helper's mistake is a 400 the page shows.
// readAction decodes a request's action and the person doing it; on a bad
// request it has already answered and ok is false.
func readAction(w http.ResponseWriter, r *http.Request) (a action, me Person, ok bool) {
	if err := decode(r, &a); err != nil {
		writeError(w, err)
		return a, me, false
	}
	me, err := who(a.User)
	if err != nil {
		writeError(w, err)
		return a, me, false
	}
	return a, me, true
}

func (p *Playground) act(w http.ResponseWriter, r *http.Request, f func(me Person, a action) (*discordtest.Interaction, error)) {
	a, me, ok := readAction(w, r)
	if !ok {
		return
	}
	var err error
	var in *discordtest.Interaction
	if err := discordtest.Try(func() { in, err = f(me, a) }); err != nil {
		writeError(w, err)
		return
	}
	if err != nil {
		writeError(w, err)
		return
	}
	p.answer(r.Context(), w, me, in)
}

func (p *Playground) handleCommand(w http.ResponseWriter, r *http.Request) {
	p.act(w, r, func(me Person, a action) (*discordtest.Interaction, error) {
		opts, err := options(a.Options)
		if err != nil {
			return nil, err
		}
		in := p.host.SlashCommand(p.actor(me, a.Channel), a.Command, opts...)
		p.mu.Lock()
		p.used[in.ID] = usedLabel{User: me.Name, Command: "/" + a.Command}
		p.mu.Unlock()
		return in, nil
	})
}

func (p *Playground) handleAutocomplete(w http.ResponseWriter, r *http.Request) {
	p.act(w, r, func(me Person, a action) (*discordtest.Interaction, error) {
		opts, err := options(a.Options)
		if err != nil {
			return nil, err
		}
		return p.host.Autocomplete(p.actor(me, a.Channel), a.Command, a.Focused, opts...), nil
	})
}

// message finds the message a component is on.
func (p *Playground) message(id string) (*discordtest.Message, error) {
	if m := p.host.Message(id); m != nil && !m.Deleted {
		return m, nil
	}
	return nil, badRequest("message %s is gone", id)
}

func (p *Playground) handleClick(w http.ResponseWriter, r *http.Request) {
	p.act(w, r, func(me Person, a action) (*discordtest.Interaction, error) {
		m, err := p.message(a.Message)
		if err != nil {
			return nil, err
		}
		return p.host.Click(p.actor(me, m.ChannelID), m, a.CustomID), nil
	})
}

func (p *Playground) handleSelect(w http.ResponseWriter, r *http.Request) {
	p.act(w, r, func(me Person, a action) (*discordtest.Interaction, error) {
		m, err := p.message(a.Message)
		if err != nil {
			return nil, err
		}
		return p.host.Select(p.actor(me, m.ChannelID), m, a.CustomID, a.Values...), nil
	})
}

func (p *Playground) handleModal(w http.ResponseWriter, r *http.Request) {
	p.act(w, r, func(me Person, a action) (*discordtest.Interaction, error) {
		return p.host.SubmitModal(p.actor(me, ""), a.CustomID, a.Fields), nil
	})
}

func (p *Playground) handleModalDismiss(w http.ResponseWriter, r *http.Request) {
	a, me, ok := readAction(w, r)
	if !ok {
		return
	}
	p.host.DismissModal(me.ID, a.CustomID)
	writeJSON(w, map[string]bool{"ok": true})
}

// handleSay posts what a person typed that is not a command; the bot does
// not read messages, but a channel should look lived in.
func (p *Playground) handleSay(w http.ResponseWriter, r *http.Request) {
	a, me, ok := readAction(w, r)
	if !ok {
		return
	}
	if strings.TrimSpace(a.Content) == "" {
		writeError(w, badRequest("say something"))
		return
	}
	err := discordtest.Try(func() { p.host.AddMessage(a.Channel, discordtest.Message{AuthorID: me.ID, Content: a.Content}) })
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, map[string]bool{"ok": true})
}

// handleClock jumps the clock forward by a Go duration ("24h").
func (p *Playground) handleClock(w http.ResponseWriter, r *http.Request) {
	var a action
	if err := decode(r, &a); err != nil {
		writeError(w, err)
		return
	}
	d, err := time.ParseDuration(a.Advance)
	if err != nil || d <= 0 || d > 400*24*time.Hour {
		writeError(w, badRequest("advance %q: want a duration such as \"1h\" or \"24h\", forward only", a.Advance))
		return
	}
	p.clock.Advance(d)
	writeJSON(w, map[string]string{"clock": p.clock.Now().Format(time.RFC3339), "ahead": formatAhead(p.clock.Offset())})
}
