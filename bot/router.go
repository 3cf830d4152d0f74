package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// Handler answers one interaction. It returns the response to send, or an
// error: a *UserError is shown to the member, anything else is logged and
// answered with a short apology.
type Handler func(ctx context.Context, req *Request) (*Response, error)

// Middleware wraps a Handler with a cross-cutting concern.
type Middleware func(next Handler) Handler

// Chain wraps h in mws, the first middleware outermost.
func Chain(h Handler, mws ...Middleware) Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

// Router maps every kind of interaction to its handler: slash commands and
// subcommands by path, message context-menu commands by name, components and
// modals by custom_id prefix, autocomplete by command path and option. It
// also holds the command definitions registered with Discord at start-up.
// Registering the same route twice panics, so a clash shows at start-up.
type Router struct {
	definitions     []*discordgo.ApplicationCommand
	commands        map[string]Handler
	messageCommands map[string]Handler
	autocomplete    map[string]Handler
	components      map[string]Handler
	modals          map[string]Handler
	middleware      []Middleware
	ids             commandIDs
	memberHandlers  []MemberHandler
}

// NewRouter returns an empty Router.
func NewRouter() *Router {
	return &Router{
		commands:        map[string]Handler{},
		messageCommands: map[string]Handler{},
		autocomplete:    map[string]Handler{},
		components:      map[string]Handler{},
		modals:          map[string]Handler{},
	}
}

// Use adds middleware that wraps every route's handler, first added outermost.
func (r *Router) Use(mws ...Middleware) { r.middleware = append(r.middleware, mws...) }

// Define adds command definitions to register with Discord.
func (r *Router) Define(defs ...*discordgo.ApplicationCommand) {
	for _, d := range defs {
		for _, have := range r.definitions {
			if have.Name == d.Name && have.Type == d.Type {
				panic(fmt.Sprintf("bot: command %q defined twice", d.Name))
			}
		}
		r.definitions = append(r.definitions, d)
	}
}

// Definitions returns every command definition, in the order defined.
func (r *Router) Definitions() []*discordgo.ApplicationCommand {
	return append([]*discordgo.ApplicationCommand(nil), r.definitions...)
}

// Command routes a slash command or subcommand path, e.g. "help" or
// "checkin start".
func (r *Router) Command(path string, h Handler) { register(r.commands, "command", path, h) }

// MessageCommand routes a message context-menu command by its name.
func (r *Router) MessageCommand(name string, h Handler) {
	register(r.messageCommands, "message command", name, h)
}

// Autocomplete routes autocomplete requests for one option of a command path.
func (r *Router) Autocomplete(path, option string, h Handler) {
	register(r.autocomplete, "autocomplete", path+"/"+option, h)
}

// Component routes clicks on buttons and select menus whose custom_id is
// prefix or starts with prefix + ":".
func (r *Router) Component(prefix string, h Handler) {
	register(r.components, "component", prefix, h)
}

// Modal routes modal submits whose custom_id is prefix or starts with prefix + ":".
func (r *Router) Modal(prefix string, h Handler) { register(r.modals, "modal", prefix, h) }

func register(m map[string]Handler, kind, key string, h Handler) {
	if key == "" || h == nil {
		panic(fmt.Sprintf("bot: %s route needs a name and a handler", kind))
	}
	if _, dup := m[key]; dup {
		panic(fmt.Sprintf("bot: %s %q registered twice", kind, key))
	}
	m[key] = h
}

// Check reports definitions without a handler and handlers without a
// definition, so a typo in a name fails at start-up instead of at a click.
func (r *Router) Check() error {
	defined := map[string]bool{}
	definedMessage := map[string]bool{}
	for _, d := range r.definitions {
		if d.Type == discordgo.MessageApplicationCommand {
			definedMessage[d.Name] = true
			continue
		}
		for _, p := range leafPaths(d.Name, d.Options) {
			defined[p] = true
		}
	}
	var problems []string
	for p := range defined {
		if _, ok := r.commands[p]; !ok {
			problems = append(problems, fmt.Sprintf("command %q has no handler", p))
		}
	}
	for p := range r.commands {
		if !defined[p] {
			problems = append(problems, fmt.Sprintf("handler for %q has no command definition", p))
		}
	}
	for n := range definedMessage {
		if _, ok := r.messageCommands[n]; !ok {
			problems = append(problems, fmt.Sprintf("message command %q has no handler", n))
		}
	}
	for n := range r.messageCommands {
		if !definedMessage[n] {
			problems = append(problems, fmt.Sprintf("handler for message command %q has no definition", n))
		}
	}
	for key := range r.autocomplete {
		path, _, _ := strings.Cut(key, "/")
		if !defined[path] {
			problems = append(problems, fmt.Sprintf("autocomplete %q is for an undefined command", key))
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return fmt.Errorf("router: %s", strings.Join(problems, "; "))
	}
	return nil
}

func leafPaths(prefix string, opts []*discordgo.ApplicationCommandOption) []string {
	var paths []string
	for _, o := range opts {
		switch o.Type {
		case discordgo.ApplicationCommandOptionSubCommand:
			paths = append(paths, prefix+" "+o.Name)
		case discordgo.ApplicationCommandOptionSubCommandGroup:
			paths = append(paths, leafPaths(prefix+" "+o.Name, o.Options)...)
		}
	}
	if len(paths) == 0 {
		return []string{prefix}
	}
	return paths
}

// errNoRoute is returned for an interaction nothing is registered for, such
// as a button from a message older than the feature that made it.
var errNoRoute = &UserError{Message: "That button or command is no longer supported. Run the command again to get a fresh one."}

// errNotOnMessage answers a component interaction whose custom_id is not on
// the message it claims to come from.
var errNotOnMessage = &UserError{Message: "That button or menu is not on this message (any more). Run the command again to get a fresh one."}

// componentOnMessage reports whether the clicked custom_id is one of the
// components of the message Discord says was clicked. A modified client
// can send any custom_id; checking it against the message stops a click
// forged onto someone else's message, or one made up entirely.
func componentOnMessage(req *Request) bool {
	if req.Message == nil {
		return false
	}
	// Search the components as JSON, so every kind of container (action
	// rows, sections, containers) is searched the same way. encoding/json
	// writes compact JSON in which every quote inside a string is escaped,
	// so `"custom_id":` followed by the encoded id can only be a custom_id
	// key holding exactly that id, at any depth. Searching the bytes
	// instead of decoding them into a tree saves that decode before the
	// ack of every click.
	raw, err := json.Marshal(req.Message.Components)
	if err != nil {
		return false
	}
	want, err := json.Marshal(req.MessageComponentData().CustomID)
	if err != nil {
		return false
	}
	return bytes.Contains(raw, append([]byte(`"custom_id":`), want...))
}

// Serve finds the handler for req, records the matched route in req.Route,
// and runs it.
func (r *Router) Serve(ctx context.Context, req *Request) (*Response, error) {
	h, route := r.match(req)
	if h == nil {
		return nil, errNoRoute
	}
	req.Route = route
	if req.Type == discordgo.InteractionMessageComponent && !componentOnMessage(req) {
		return nil, errNotOnMessage
	}
	if err := r.checkOptions(req); err != nil {
		return nil, err
	}
	return Chain(h, r.middleware...)(ctx, req)
}

// RouteOf returns the key req would be routed by, or "" if none matches.
func (r *Router) RouteOf(req *Request) string {
	_, route := r.match(req)
	return route
}

func (r *Router) match(req *Request) (Handler, string) {
	switch req.Type {
	case discordgo.InteractionApplicationCommand:
		data := req.ApplicationCommandData()
		if data.CommandType == discordgo.MessageApplicationCommand {
			return r.messageCommands[data.Name], data.Name
		}
		path := req.CommandPath()
		return r.commands[path], path
	case discordgo.InteractionApplicationCommandAutocomplete:
		if o, ok := req.Focused(); ok {
			key := req.CommandPath() + "/" + o.Name
			return r.autocomplete[key], key
		}
	case discordgo.InteractionMessageComponent:
		return matchPrefix(r.components, req.MessageComponentData().CustomID)
	case discordgo.InteractionModalSubmit:
		return matchPrefix(r.modals, req.ModalSubmitData().CustomID)
	}
	return nil, ""
}

// matchPrefix finds the longest registered prefix of customID made of whole
// ":"-separated segments.
func matchPrefix(m map[string]Handler, customID string) (Handler, string) {
	key := customID
	for {
		if h, ok := m[key]; ok {
			return h, key
		}
		i := strings.LastIndexByte(key, ':')
		if i < 0 {
			return nil, ""
		}
		key = key[:i]
	}
}
