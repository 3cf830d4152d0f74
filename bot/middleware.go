package bot

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Recover turns a panic in the handler into an ordinary error, so the member
// gets an apology and the process keeps serving. It must run on the
// handler's own goroutine, so it belongs inside AutoDefer.
func Recover() Middleware {
	return func(next Handler) Handler {
		return func(ctx context.Context, req *Request) (resp *Response, err error) {
			defer func() {
				if p := recover(); p != nil {
					req.Log.Error("handler panicked", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
					resp, err = nil, fmt.Errorf("handler %s panicked: %v", req.Route, p)
				}
			}()
			return next(ctx, req)
		}
	}
}

// AutoDefer acknowledges the interaction when the handler is still running
// `after` its arrival, so a slow handler (a chart, a slow database) never
// misses Discord's 3-second deadline. Autocomplete cannot be deferred.
func AutoDefer(after time.Duration) Middleware {
	return func(next Handler) Handler {
		return func(ctx context.Context, req *Request) (*Response, error) {
			if req.Type == discordgo.InteractionApplicationCommandAutocomplete || req.Type == discordgo.InteractionPing {
				return next(ctx, req)
			}
			type result struct {
				resp *Response
				err  error
			}
			done := make(chan result, 1)
			go func() {
				resp, err := next(ctx, req)
				done <- result{resp, err}
			}()
			timer := time.NewTimer(time.Until(req.Received.Add(after)))
			defer timer.Stop()
			select {
			case r := <-done:
				return r.resp, r.err
			case <-timer.C:
				if err := req.Defer(ctx); err != nil {
					req.Log.Warn("automatic defer failed", "err", err)
				}
				r := <-done
				return r.resp, r.err
			}
		}
	}
}

// Logging logs each interaction once it is handled, with its route, outcome
// and duration. It logs ids, never option values: those can be health data.
func Logging() Middleware {
	return func(next Handler) Handler {
		return func(ctx context.Context, req *Request) (*Response, error) {
			resp, err := next(ctx, req)
			level := slog.LevelDebug
			attrs := []any{"route", req.Route, "took", time.Since(req.Received).Round(time.Microsecond)}
			if err != nil {
				if ue, ok := AsUserError(err); ok {
					// The message and its cause can quote the member's
					// input: log the kind and Discord's codes only.
					attrs = append(attrs, "user_error", ue.LogKind())
					if ue.Err != nil {
						attrs = append(attrs, "cause_status", ErrorStatus(ue.Err), "cause_code", ErrorCode(ue.Err))
					}
				} else {
					level = slog.LevelError
					attrs = append(attrs, "err", err)
				}
			}
			req.Log.Log(ctx, level, "interaction handled", attrs...)
			return resp, err
		}
	}
}
