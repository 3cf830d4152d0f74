package discordtest

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Server is a running Discord stand-in. All methods are safe for concurrent
// use; the ones that take no context never block.
type Server struct {
	t       testing.TB
	opts    Options
	baseURL string
	httpSrv *http.Server
	spec    *apiSpec
	ids     snowflakes
	sig     *signal
	limiter *rateLimiter
	gw      *gateway
	router  *router
	wg      sync.WaitGroup
	once    sync.Once

	mu           sync.Mutex
	closed       bool
	users        map[string]string // user id -> username
	channels     map[string]*channel
	dmByUser     map[string]string // user id -> DM channel id
	dmClosed     map[string]bool
	messages     map[string]*message
	interactions map[string]*interaction // by id
	byToken      map[string]*interaction
	modals       []*openModal
	optionFiles  map[string]File                            // attachment options of commands, by id
	commands     map[string][]*discordgo.ApplicationCommand // guild id ("" global) -> definitions
	requests     []Request
	rateLimited  int
	failRules    []*failRule
	violations   []Violation
	members      roster
	hi           httpInteractions
}

// Start starts a stand-in on 127.0.0.1 (a random port) and closes it when the
// test ends; Close then fails the test for every schema or protocol violation
// recorded (see TakeViolations).
func Start(t testing.TB, opts Options) *Server {
	t.Helper()
	o := opts.withDefaults()
	var spec *apiSpec
	if !o.NoSchemaChecks {
		spec = loadSpec(t, o.OpenAPIPath)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("discordtest: listen: %v", err)
	}
	s := &Server{
		t:            t,
		opts:         o,
		baseURL:      "http://" + ln.Addr().String(),
		sig:          newSignal(),
		limiter:      newRateLimiter(o.GlobalRateLimit, o.RouteLimits),
		users:        map[string]string{o.ApplicationID: o.BotUsername},
		channels:     map[string]*channel{},
		dmByUser:     map[string]string{},
		dmClosed:     map[string]bool{},
		messages:     map[string]*message{},
		interactions: map[string]*interaction{},
		byToken:      map[string]*interaction{},
		commands:     map[string][]*discordgo.ApplicationCommand{},
		optionFiles:  map[string]File{},
	}
	if err := s.addGuilds(o.Guilds); err != nil {
		_ = ln.Close()
		t.Fatalf("discordtest: %v", err)
	}
	s.gw = newGateway(s)
	s.router = newRouter(apiRoutes())
	s.spec = spec
	s.httpSrv = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		if err := s.httpSrv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("discordtest: serve: %v", err)
		}
	}()
	t.Cleanup(s.Close)
	return s
}

func (s *Server) addGuilds(guilds []Guild) error {
	for _, g := range guilds {
		if !isSnowflake(g.ID) {
			return fmt.Errorf("guild id %q is not a snowflake", g.ID)
		}
		for _, c := range g.Channels {
			if !isSnowflake(c.ID) {
				return fmt.Errorf("channel id %q is not a snowflake", c.ID)
			}
			if _, dup := s.channels[c.ID]; dup {
				return fmt.Errorf("channel id %s is used twice", c.ID)
			}
			s.channels[c.ID] = &channel{id: c.ID, guildID: g.ID, name: c.Name}
		}
	}
	return nil
}

// APIURL is the REST base the bot's RoundTripper must rewrite
// https://discord.com/api/v9 to, for example http://127.0.0.1:PORT/api/v9.
func (s *Server) APIURL() string { return s.baseURL + "/api/v9" }

// Token is the bot token the stand-in accepts (without the "Bot " prefix).
func (s *Server) Token() string { return s.opts.Token }

// ApplicationID is the application's id, which is also the bot user's id.
func (s *Server) ApplicationID() string { return s.opts.ApplicationID }

// Close stops the stand-in, drops gateway connections, waits for its
// goroutines and reports recorded violations with t.Errorf. It is safe to
// call more than once.
func (s *Server) Close() {
	s.once.Do(func() {
		s.mu.Lock()
		s.closed = true
		s.mu.Unlock()
		_ = s.httpSrv.Close() // Close only reports the listener's close error, which is of no use here.
		s.gw.closeAll()
		s.wg.Wait()
		s.sig.broadcast()
		for _, v := range s.TakeViolations() {
			s.t.Errorf("discordtest: %s", v)
		}
	})
}

// ServeHTTP routes the gateway, attachment downloads and the REST API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case p == "/gateway" || p == "/gateway/":
		s.gw.serve(w, r)
	case strings.HasPrefix(p, "/api/v9/"):
		s.serveAPI(w, r, strings.TrimPrefix(p, "/api/v9"))
	case strings.HasPrefix(p, "/api/v10/"):
		s.serveAPI(w, r, strings.TrimPrefix(p, "/api/v10"))
	case strings.HasPrefix(p, "/attachments/"):
		s.serveAttachment(w, r)
	default:
		writeJSON(w, http.StatusNotFound, newAPIError(http.StatusNotFound, codeGeneral))
	}
}

// fatalf fails the test from a helper a test called.
func (s *Server) fatalf(format string, args ...any) {
	s.t.Helper()
	s.t.Fatalf("discordtest: "+format, args...)
}
