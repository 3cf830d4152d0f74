package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

// testBot returns a Bot whose Discord calls go to a fake.
func testBot(t *testing.T, r *Router, deferAfter time.Duration) (*Bot, *fakeDiscord) {
	t.Helper()
	b, err := New(Options{Token: "t", APIURL: "http://127.0.0.1:1/api/v9", Router: r, DeferAfter: deferAfter,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	fake := &fakeDiscord{}
	b.discord = fake
	return b, fake
}

func routerWith(path string, h Handler) *Router {
	r := NewRouter()
	r.Define(&discordgo.ApplicationCommand{Name: path, Description: "d"})
	r.Command(path, h)
	return r
}

func TestFastHandlerIsAnsweredWithOneCallback(t *testing.T) {
	b, fake := testBot(t, routerWith("help", respondWith("hello")), time.Second)
	b.Handle(slashCommand("help", ""), time.Now())
	if got := fake.Calls(); strings.Join(got, ",") != "respond" {
		t.Fatalf("calls = %v, want one respond", got)
	}
	resp := fake.responses[0]
	if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || resp.Data.Content != "hello" || resp.Data.Flags != discordgo.MessageFlagsEphemeral {
		t.Errorf("response = %+v", resp.Data)
	}
	if n := testutil.ToFloat64(b.metrics.Interactions.WithLabelValues("help", "ok")); n != 1 {
		t.Errorf("ok interactions counted %v, want 1", n)
	}
}

func TestHandlerErrorsReachTheMemberSafely(t *testing.T) {
	cases := []struct {
		name        string
		handler     Handler
		want        string
		mustNotShow string
		outcome     string
	}{
		{"user error", func(context.Context, *Request) (*Response, error) {
			return nil, Userf("Pain must be a whole number from 0 to 10.")
		}, "Pain must be a whole number from 0 to 10.", "", "user_error"},
		{"internal error", func(context.Context, *Request) (*Response, error) {
			return nil, errors.New("sqlite: disk I/O error at /var/lib/secret.db")
		}, apology, "sqlite", "error"},
		{"panic", func(context.Context, *Request) (*Response, error) {
			panic("nil map write in handler")
		}, apology, "nil map", "error"},
		{"nil response", func(context.Context, *Request) (*Response, error) { return nil, nil }, apology, "", "error"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b, fake := testBot(t, routerWith("x", tc.handler), time.Second)
			b.Handle(slashCommand("x", ""), time.Now())
			if len(fake.responses) != 1 {
				t.Fatalf("calls = %v", fake.Calls())
			}
			data := fake.responses[0].Data
			if data.Content != tc.want || data.Flags != discordgo.MessageFlagsEphemeral {
				t.Errorf("member saw %q (flags %d), want ephemeral %q", data.Content, data.Flags, tc.want)
			}
			if tc.mustNotShow != "" && strings.Contains(data.Content, tc.mustNotShow) {
				t.Errorf("internal detail %q shown to the member", tc.mustNotShow)
			}
			if n := testutil.ToFloat64(b.metrics.Interactions.WithLabelValues("x", tc.outcome)); n != 1 {
				t.Errorf("outcome %q counted %v times", tc.outcome, n)
			}
		})
	}
}

func TestSlowHandlerIsDeferredThenFilledIn(t *testing.T) {
	release := make(chan struct{})
	slow := func(context.Context, *Request) (*Response, error) {
		<-release
		return Ephemeral("done"), nil
	}
	b, fake := testBot(t, routerWith("slow", slow), 10*time.Millisecond)
	done := make(chan struct{})
	go func() { b.Handle(slashCommand("slow", ""), time.Now()); close(done) }()
	waitFor(t, func() bool { return len(fake.Calls()) == 1 })
	if fake.responses[0].Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || fake.responses[0].Data.Flags != discordgo.MessageFlagsEphemeral {
		t.Fatalf("first call should be an ephemeral defer, got %+v", fake.responses[0])
	}
	close(release)
	<-done
	if got := strings.Join(fake.Calls(), ","); got != "respond,edit" {
		t.Fatalf("calls = %s, want respond,edit", got)
	}
	if *fake.edits[0].Content != "done" {
		t.Errorf("edit content = %q", *fake.edits[0].Content)
	}
}

func TestSlowPublicAnswerAfterEphemeralDeferBecomesAFollowup(t *testing.T) {
	release := make(chan struct{})
	slow := func(context.Context, *Request) (*Response, error) {
		<-release
		return Public("for everyone"), nil
	}
	b, fake := testBot(t, routerWith("slow", slow), 10*time.Millisecond)
	done := make(chan struct{})
	go func() { b.Handle(slashCommand("slow", ""), time.Now()); close(done) }()
	waitFor(t, func() bool { return len(fake.Calls()) == 1 })
	close(release)
	<-done
	if got := strings.Join(fake.Calls(), ","); got != "respond,delete,followup" {
		t.Fatalf("calls = %s, want the ephemeral placeholder replaced by a public followup", got)
	}
	if fake.followups[0].Flags != 0 {
		t.Errorf("followup flags = %d, want public", fake.followups[0].Flags)
	}
}

func TestPreferPublicMakesTheDeferPublic(t *testing.T) {
	release := make(chan struct{})
	slow := func(_ context.Context, req *Request) (*Response, error) {
		req.PreferPublic()
		<-release
		return Public("for everyone"), nil
	}
	b, fake := testBot(t, routerWith("slow", slow), 10*time.Millisecond)
	done := make(chan struct{})
	go func() { b.Handle(slashCommand("slow", ""), time.Now()); close(done) }()
	waitFor(t, func() bool { return len(fake.Calls()) == 1 })
	close(release)
	<-done
	if fake.responses[0].Data != nil && fake.responses[0].Data.Flags != 0 {
		t.Errorf("defer was ephemeral after PreferPublic")
	}
	if got := strings.Join(fake.Calls(), ","); got != "respond,edit" {
		t.Fatalf("calls = %s", got)
	}
}

func TestSlowClickIsADeferredUpdate(t *testing.T) {
	release := make(chan struct{})
	r := NewRouter()
	r.Component("step", func(context.Context, *Request) (*Response, error) {
		<-release
		return Update("next question"), nil
	})
	b, fake := testBot(t, r, 10*time.Millisecond)
	done := make(chan struct{})
	go func() { b.Handle(click("step:1"), time.Now()); close(done) }()
	waitFor(t, func() bool { return len(fake.Calls()) == 1 })
	close(release)
	<-done
	if fake.responses[0].Type != discordgo.InteractionResponseDeferredMessageUpdate {
		t.Errorf("defer type = %d, want deferred update", fake.responses[0].Type)
	}
	if got := strings.Join(fake.Calls(), ","); got != "respond,edit" {
		t.Fatalf("calls = %s", got)
	}
}

func TestAlreadyAcknowledgedFallsBackToEdit(t *testing.T) {
	b, fake := testBot(t, routerWith("help", respondWith("hello")), time.Second)
	fake.respondErr = restError(http.StatusBadRequest, CodeAlreadyAcknowledged)
	b.Handle(slashCommand("help", ""), time.Now())
	if got := strings.Join(fake.Calls(), ","); got != "respond,edit" {
		t.Fatalf("calls = %s, want respond then edit", got)
	}
}

func TestExpiredInteractionIsCountedNotRetried(t *testing.T) {
	b, fake := testBot(t, routerWith("help", respondWith("hello")), time.Second)
	fake.respondErr = restError(http.StatusNotFound, CodeUnknownInteraction)
	b.Handle(slashCommand("help", ""), time.Now())
	if got := strings.Join(fake.Calls(), ","); got != "respond" {
		t.Fatalf("calls = %s, want a single attempt", got)
	}
	if n := testutil.ToFloat64(b.metrics.Interactions.WithLabelValues("help", "expired")); n != 1 {
		t.Errorf("expired counted %v", n)
	}
}

func TestShutdownFinishesInFlightWorkAndRefusesNewWork(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{})
	slow := func(context.Context, *Request) (*Response, error) {
		close(started)
		<-release
		return Ephemeral("finished"), nil
	}
	b, fake := testBot(t, routerWith("slow", slow), time.Hour)
	handled := make(chan struct{})
	go func() { b.Handle(slashCommand("slow", ""), time.Now()); close(handled) }()
	<-started

	shutdownDone := make(chan error)
	go func() { shutdownDone <- b.Shutdown(context.Background()) }()
	waitFor(t, func() bool { b.mu.Lock(); defer b.mu.Unlock(); return b.closing })

	b.Handle(slashCommand("slow", ""), time.Now())
	if last := fake.responses[len(fake.responses)-1]; last.Data.Content != restartingMessage {
		t.Errorf("new work during shutdown got %q", last.Data.Content)
	}
	select {
	case <-shutdownDone:
		t.Fatal("shutdown returned before the in-flight handler finished")
	default:
	}
	close(release)
	<-handled
	if err := <-shutdownDone; err != nil {
		t.Errorf("shutdown: %v", err)
	}
	if fake.responses[len(fake.responses)-1].Data.Content != "finished" {
		t.Error("in-flight handler's answer was not sent")
	}
}

func TestShutdownGivesUpAtItsDeadlineAndCancelsHandlers(t *testing.T) {
	cancelled := make(chan struct{})
	started := make(chan struct{})
	stuck := func(ctx context.Context, _ *Request) (*Response, error) {
		close(started)
		<-ctx.Done()
		close(cancelled)
		return nil, ctx.Err()
	}
	b, _ := testBot(t, routerWith("stuck", stuck), time.Hour)
	go b.Handle(slashCommand("stuck", ""), time.Now())
	<-started
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := b.Shutdown(ctx); err == nil {
		t.Error("shutdown past its deadline reported success")
	}
	<-cancelled
}

func restError(status, code int) error {
	return &discordgo.RESTError{
		Response: &http.Response{StatusCode: status},
		Message:  &discordgo.APIErrorMessage{Code: code, Message: "x"},
	}
}

// waitFor polls cond until it holds; the condition depends on other
// goroutines, so there is no channel to wait on.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 5s")
		}
		time.Sleep(time.Millisecond)
	}
}

func TestServerErrorOnTheCallbackIsRetriedOnceWithinTheDeadline(t *testing.T) {
	b, fake := testBot(t, routerWith("help", respondWith("hello")), time.Second)
	fake.respondErr = restError(http.StatusBadGateway, 0)
	b.Handle(slashCommand("help", ""), time.Now())
	if got := strings.Join(fake.Calls(), ","); got != "respond,respond" {
		t.Fatalf("calls = %s, want one retry", got)
	}
	if len(fake.responses) != 1 || fake.responses[0].Data.Content != "hello" {
		t.Errorf("the retried answer did not arrive: %+v", fake.responses)
	}
}

func TestServerErrorPastTheDeadlineIsNotRetried(t *testing.T) {
	b, fake := testBot(t, routerWith("help", respondWith("hello")), time.Hour)
	fake.respondErr = restError(http.StatusServiceUnavailable, 0)
	b.Handle(slashCommand("help", ""), time.Now().Add(-3*time.Second))
	if got := strings.Join(fake.Calls(), ","); got != "respond" {
		t.Fatalf("calls = %s, want no retry after the deadline", got)
	}
	if n := testutil.ToFloat64(b.metrics.Interactions.WithLabelValues("help", "send_failed")); n != 1 {
		t.Errorf("send_failed counted %v", n)
	}
}

func TestUndeliveredHooksRunOnlyWhenTheAnswerIsLost(t *testing.T) {
	cases := []struct {
		name       string
		respondErr error
		wantRun    bool
	}{
		{"delivered", nil, false},
		{"interaction expired", restError(http.StatusNotFound, CodeUnknownInteraction), true},
		{"reply refused", restError(http.StatusBadRequest, 50035), true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var ran []string
			handler := func(ctx context.Context, req *Request) (*Response, error) {
				req.OnUndelivered(func(ctx context.Context) {
					if ctx.Err() != nil {
						t.Errorf("hook got an ended context: %v", ctx.Err())
					}
					ran = append(ran, "first")
				})
				req.OnUndelivered(func(context.Context) { ran = append(ran, "second") })
				return Ephemeral("Your check-ins are paused."), nil
			}
			b, fake := testBot(t, routerWith("checkin", handler), time.Second)
			fake.respondErr = tc.respondErr
			b.Handle(slashCommand("checkin", ""), time.Now())
			want := ""
			if tc.wantRun {
				want = "second,first"
			}
			if got := strings.Join(ran, ","); got != want {
				t.Errorf("hooks ran %q, want %q", got, want)
			}
		})
	}
}

func TestUserErrorsAreLoggedByKindNeverByMessage(t *testing.T) {
	const typed = "Europe/Secret-Typed-Place"
	cases := map[string]error{
		"formatted": Userf("`%s` isn't a time zone I know.", typed),
		"literal":   &UserError{Message: "I couldn't save " + typed, Err: errors.New("cause mentioning " + typed)},
	}
	for name, userErr := range cases {
		t.Run(name, func(t *testing.T) {
			var logs strings.Builder
			b, err := New(Options{Token: "t", APIURL: "http://127.0.0.1:1/api/v9",
				Router: routerWith("zone", func(context.Context, *Request) (*Response, error) { return nil, userErr }),
				Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
			if err != nil {
				t.Fatal(err)
			}
			fake := &fakeDiscord{}
			b.discord = fake
			b.Handle(slashCommand("zone", ""), time.Now())
			if !strings.Contains(fake.responses[0].Data.Content, typed) {
				t.Fatalf("the member was not shown the message: %+v", fake.responses[0].Data)
			}
			if strings.Contains(logs.String(), "Secret-Typed") {
				t.Errorf("the member's typed text reached the log:\n%s", logs.String())
			}
			if !strings.Contains(logs.String(), "user_error=") {
				t.Errorf("the log does not say which user error it was:\n%s", logs.String())
			}
		})
	}
}

func TestAFailedWriteTellsTheMemberNothingWasRecorded(t *testing.T) {
	errLocked := errors.New("database is locked")
	b, fake := testBot(t, routerWith("log", func(context.Context, *Request) (*Response, error) {
		return nil, fmt.Errorf("add pain entry: %w", errLocked)
	}), time.Second)
	// As the storage adapter would say of its database's errors.
	b.opts.StorageFailure = func(err error) bool { return errors.Is(err, errLocked) }
	b.Handle(slashCommand("log", ""), time.Now())
	if got := fake.responses[0].Data.Content; !strings.Contains(got, "Nothing was recorded") || !strings.Contains(got, "try again") {
		t.Errorf("the member was told %q, want: nothing was recorded, try again", got)
	}
}

func TestWithoutAStorageClassifierADatabaseErrorIsAnApology(t *testing.T) {
	b, fake := testBot(t, routerWith("log", func(context.Context, *Request) (*Response, error) {
		return nil, errors.New("database is locked")
	}), time.Second)
	b.Handle(slashCommand("log", ""), time.Now())
	if got := fake.responses[0].Data.Content; got != apology {
		t.Errorf("the member was told %q, want the apology", got)
	}
}
