package bot

import (
	"errors"
	"fmt"
)

// UserError is an expected failure whose Message is safe and useful to show
// the member (ephemerally). Err, if any, is the underlying cause, for logs.
type UserError struct {
	Message string
	Err     error
	// Kind names the failure for the logs, which never carry Message: it
	// can quote what the member typed. Userf sets it to its format string;
	// leave it empty and the logs say "unclassified".
	Kind string
}

// LogKind is what the logs say about the error: its Kind, never its Message.
func (e *UserError) LogKind() string {
	if e.Kind == "" {
		return "unclassified"
	}
	return e.Kind
}

func (e *UserError) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *UserError) Unwrap() error { return e.Err }

// Userf returns a UserError with a formatted message for the member.
// Its Kind is the format itself: stable, and without the arguments, which
// may be what the member typed.
func Userf(format string, args ...any) error {
	return &UserError{Message: fmt.Sprintf(format, args...), Kind: format}
}

// AsUserError reports whether err carries a message meant for the member.
func AsUserError(err error) (*UserError, bool) {
	var ue *UserError
	if errors.As(err, &ue) {
		return ue, true
	}
	return nil, false
}

// apology is all a member sees of an unexpected error; the details go to the log.
const apology = "Sorry, something went wrong on my side. It has been logged; please try again in a minute."

// notRecorded answers a handler that failed because the database did (it
// is locked, full or read-only): whatever the member asked was not saved.
const notRecorded = "Nothing was recorded: my database is not answering right now. Please try again in a minute."

// restartingMessage answers interactions that arrive while the bot shuts down.
const restartingMessage = "Spotter is restarting. Please try again in a minute."
