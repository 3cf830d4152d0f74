package discordtest

import "fmt"

// Violation is something the bot did that Discord would not accept or does
// not document: a request body that does not match the OpenAPI schema, a
// call to a route the stand-in does not know, or a gateway protocol error.
type Violation struct {
	// Kind is "schema", "route" or "gateway".
	Kind string
	// Method and Path locate a REST request; Path is relative to /api/vN.
	Method, Path string
	// Detail is the validator's or the stand-in's explanation.
	Detail string
}

// String formats the violation for a test failure.
func (v Violation) String() string {
	if v.Method == "" {
		return fmt.Sprintf("%s violation: %s", v.Kind, v.Detail)
	}
	return fmt.Sprintf("%s violation: %s %s: %s", v.Kind, v.Method, v.Path, v.Detail)
}

// TakeViolations returns the violations recorded so far and forgets them, so
// a test that provokes one on purpose can assert on it instead of failing at
// Close.
func (s *Server) TakeViolations() []Violation {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.violations
	s.violations = nil
	return out
}

func (s *Server) violate(v Violation) {
	s.mu.Lock()
	s.violations = append(s.violations, v)
	s.mu.Unlock()
}
