package discordtest

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"time"
)

// call is one REST request on its way through the stand-in.
type call struct {
	s       *Server
	w       http.ResponseWriter
	r       *http.Request
	route   *route
	params  map[string]string
	body    parsedBody
	at      time.Time
	status  int
	written bool
}

// serveAPI runs a request through Discord's checks in Discord's order:
// route, authorisation, injected faults, global limit, route bucket, body,
// schema, handler. Every request is recorded.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request, path string) {
	c := &call{s: s, w: w, r: r, at: time.Now()}
	rec := Request{At: c.at, Method: r.Method, Path: path, Query: r.URL.RawQuery}
	defer func() {
		rec.Status = c.status
		rec.Files = c.body.files
		s.record(rec)
	}()

	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		c.fail(newAPIError(http.StatusRequestEntityTooLarge, 40005))
		return
	}
	rec.Body = raw
	rt, params, pathKnown := s.router.find(r.Method, path)
	if rt == nil {
		if pathKnown {
			c.fail(newAPIError(http.StatusMethodNotAllowed, codeGeneral))
			return
		}
		s.violate(Violation{Kind: "route", Method: r.Method, Path: path, Detail: "the stand-in does not implement this route (answered 404); add it to bot/discordtest if the bot needs it"})
		c.fail(newAPIError(http.StatusNotFound, codeGeneral))
		return
	}
	c.route, c.params = rt, params

	if !s.authorised(r, rt.interaction) {
		c.fail(newAPIError(http.StatusUnauthorized, codeGeneral))
		return
	}
	if e := s.takeFailure(r.Method, path); e != nil {
		c.fail(e)
		return
	}
	if !rt.interaction {
		if ok, wait := s.limiter.allowGlobal(c.at); !ok {
			c.rateLimitedGlobal(wait)
			return
		}
	}
	major := c.majorKey()
	rec.Bucket = rt.bucketName() + "|" + major
	state, ok := s.limiter.take(rt.bucketName(), major, c.at)
	state.setHeaders(w.Header())
	if !ok {
		c.rateLimitedRoute(state.resetAfter)
		return
	}

	body, perr := parseBody(r, raw)
	if perr != nil {
		c.fail(perr)
		return
	}
	c.body = body
	if body.payload != nil {
		rec.Body = body.payload
		if err := s.spec.validate(r.Method, rt.path, body.payload); err != nil {
			s.violate(Violation{Kind: "schema", Method: r.Method, Path: path, Detail: err.Error()})
		}
	}
	if rt.interaction {
		s.settleHTTPReply(params["webhook_token"])
	}
	rt.handle(c)
	if !c.written {
		c.noContent()
	}
}

// authorised checks the Authorization header. Interaction endpoints are
// authorised by the token in their path, but a wrong bot token is still
// refused there.
func (s *Server) authorised(r *http.Request, interaction bool) bool {
	h := r.Header.Get("Authorization")
	if h == "" {
		return interaction
	}
	return h == "Bot "+s.opts.Token
}

func (c *call) majorKey() string {
	vals := make([]string, 0, len(c.route.major))
	for _, k := range c.route.major {
		vals = append(vals, c.params[k])
	}
	return strings.Join(vals, "/")
}

func (c *call) rateLimitedGlobal(wait time.Duration) {
	h := c.w.Header()
	h.Set("Retry-After", retryAfterHeader(wait))
	h.Set("X-RateLimit-Global", "true")
	h.Set("X-RateLimit-Scope", "global")
	c.respond(http.StatusTooManyRequests, newRateLimitBody(wait, true))
}

func (c *call) rateLimitedRoute(wait time.Duration) {
	h := c.w.Header()
	h.Set("Retry-After", retryAfterHeader(wait))
	h.Set("X-RateLimit-Scope", "user")
	c.respond(http.StatusTooManyRequests, newRateLimitBody(wait, false))
}

func (c *call) respond(status int, v any) {
	c.status, c.written = status, true
	writeJSON(c.w, status, v)
}

func (c *call) fail(e *apiError) { c.respond(e.status, e) }

func (c *call) noContent() {
	c.status, c.written = http.StatusNoContent, true
	c.w.WriteHeader(http.StatusNoContent)
}

// decode unmarshals the JSON payload into v, answering 400 when it does not
// fit; it reports whether the handler may go on.
func (c *call) decode(v any) bool {
	if len(c.body.payload) == 0 {
		var f formErrors
		f.add("", "BASE_TYPE_REQUIRED", "This field is required")
		c.fail(f.err())
		return false
	}
	if err := json.Unmarshal(c.body.payload, v); err != nil {
		var f formErrors
		f.add("", "MODEL_TYPE_CONVERT", err.Error())
		c.fail(f.err())
		return false
	}
	return true
}
