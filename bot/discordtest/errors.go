package discordtest

import (
	"fmt"
	"net/http"
	"strings"
)

// Discord JSON error codes the stand-in answers with.
const (
	codeGeneral            = 0
	codeUnknownChannel     = 10003
	codeUnknownMessage     = 10008
	codeUnknownUser        = 10013
	codeUnknownWebhook     = 10015
	codeUnknownInteraction = 10062
	codeUnknownCommand     = 10063
	codeMaxPins            = 30003
	codeAlreadyAcked       = 40060
	codeEditOthersMessage  = 50005
	codeEmptyMessage       = 50006
	codeCannotDM           = 50007
	codeMissingPermissions = 50013
	codeInvalidWebhookTok  = 50027
	codeInvalidFormBody    = 50035
)

// knownMessages are Discord's messages for the codes FailNext and the
// handlers use.
var knownMessages = map[int]string{
	codeUnknownChannel:     "Unknown Channel",
	codeUnknownGuild:       "Unknown Guild",
	codeUnknownMember:      "Unknown Member",
	codeUnknownMessage:     "Unknown Message",
	codeUnknownUser:        "Unknown User",
	codeUnknownWebhook:     "Unknown Webhook",
	codeUnknownInteraction: "Unknown interaction",
	codeUnknownCommand:     "Unknown application command",
	codeMaxPins:            "Maximum number of pins reached (250)",
	codeAlreadyAcked:       "Interaction has already been acknowledged.",
	codeEditOthersMessage:  "Cannot edit a message authored by another user",
	codeEmptyMessage:       "Cannot send an empty message",
	codeCannotDM:           "Cannot send messages to this user",
	50001:                  "Missing Access",
	codeMissingPermissions: "Missing Permissions",
	codeInvalidWebhookTok:  "Invalid Webhook Token",
	codeInvalidFormBody:    "Invalid Form Body",
	40005:                  "Request entity too large",
	130000:                 "API resource is currently overloaded. Try again a little later.",
}

// messageFor returns Discord's message for code, or the generic HTTP one
// ("500: Internal Server Error") for code 0 and unknown codes.
func messageFor(status, code int) string {
	if m, ok := knownMessages[code]; ok && code != 0 {
		return m
	}
	return fmt.Sprintf("%d: %s", status, http.StatusText(status))
}

// apiError is Discord's JSON error body.
type apiError struct {
	status  int
	Message string         `json:"message"`
	Code    int            `json:"code"`
	Errors  map[string]any `json:"errors,omitempty"`
}

func newAPIError(status, code int) *apiError {
	return &apiError{status: status, Code: code, Message: messageFor(status, code)}
}

func (e *apiError) Error() string { return fmt.Sprintf("%d %d %s", e.status, e.Code, e.Message) }

// formErrors collects field errors in Discord's nested shape:
// {"embeds": {"0": {"title": {"_errors": [{"code": ..., "message": ...}]}}}}.
type formErrors struct {
	root map[string]any
}

// add records an error at the dotted path (for example "data.embeds.0.title").
func (f *formErrors) add(path, code, message string) {
	if f.root == nil {
		f.root = map[string]any{}
	}
	node := f.root
	if path != "" {
		for _, part := range strings.Split(path, ".") {
			next, ok := node[part].(map[string]any)
			if !ok {
				next = map[string]any{}
				node[part] = next
			}
			node = next
		}
	}
	list, _ := node["_errors"].([]any)
	node["_errors"] = append(list, map[string]string{"code": code, "message": message})
}

func (f *formErrors) empty() bool { return len(f.root) == 0 }

// err returns the 400 Invalid Form Body error, or nil when nothing was added.
func (f *formErrors) err() *apiError {
	if f.empty() {
		return nil
	}
	e := newAPIError(http.StatusBadRequest, codeInvalidFormBody)
	e.Errors = f.root
	return e
}

func join(prefix, field string) string {
	if prefix == "" {
		return field
	}
	return prefix + "." + field
}

// checkLen adds Discord's length error when s is outside [min, max] code
// points.
func (f *formErrors) checkLen(path, s string, min, max int) {
	n := runeLen(s)
	switch {
	case n > max && min == 0:
		f.add(path, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", max))
	case n < min || n > max:
		f.add(path, "BASE_TYPE_BAD_LENGTH", fmt.Sprintf("Must be between %d and %d in length.", min, max))
	}
}

// checkCount is checkLen for arrays.
func (f *formErrors) checkCount(path string, n, min, max int) {
	switch {
	case n > max && min == 0:
		f.add(path, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", max))
	case n < min || n > max:
		f.add(path, "BASE_TYPE_BAD_LENGTH", fmt.Sprintf("Must be between %d and %d in length.", min, max))
	}
}

func (f *formErrors) required(path string) {
	f.add(path, "BASE_TYPE_REQUIRED", "This field is required")
}

func runeLen(s string) int { return len([]rune(s)) }
