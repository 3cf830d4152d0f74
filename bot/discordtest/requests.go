package discordtest

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

// Request is one REST request the stand-in received.
type Request struct {
	At     time.Time
	Method string
	// Path is relative to /api/vN, without the query.
	Path  string
	Query string
	// Body is the JSON body; for multipart requests it is payload_json and
	// the uploads are in Files.
	Body   []byte
	Files  []File
	Status int
	// Bucket is the rate-limit bucket: route name and major parameter.
	Bucket string
}

// Requests returns every REST request so far, in order of arrival.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// RateLimited is the number of 429 responses served.
func (s *Server) RateLimited() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rateLimited
}

type failRule struct {
	method, prefix string
	status, code   int
	left           int
}

// FailNext makes the next n requests whose method is method ("" for any) and
// whose path (relative to /api/vN, for example "/channels/123/messages")
// starts with pathPrefix fail with status and a Discord-shaped body carrying
// code, such as 500/0, 502/0, 503/0 or 403/50013 Missing Permissions. Failed
// requests are not counted against rate limits.
func (s *Server) FailNext(method, pathPrefix string, status, code int, n int) {
	pathPrefix = strings.TrimPrefix(strings.TrimPrefix(pathPrefix, "/api/v9"), "/api/v10")
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failRules = append(s.failRules, &failRule{method: method, prefix: pathPrefix, status: status, code: code, left: n})
}

// takeFailure returns the injected error for this request, if any.
func (s *Server) takeFailure(method, path string) *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range s.failRules {
		if r.left > 0 && (r.method == "" || strings.EqualFold(r.method, method)) && strings.HasPrefix(path, r.prefix) {
			r.left--
			return newAPIError(r.status, r.code)
		}
	}
	return nil
}

func (s *Server) record(r Request) {
	s.mu.Lock()
	s.requests = append(s.requests, r)
	if r.Status == http.StatusTooManyRequests {
		s.rateLimited++
	}
	s.mu.Unlock()
	s.sig.broadcast()
}
