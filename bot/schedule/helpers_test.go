package schedule

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot/store"
)

// The SQLite adapter is a queue the scheduler can run from.
var _ Store = (*store.Store)(nil)

// openStore opens a fresh database file; call it inside the synctest
// bubble so the database's goroutines belong to it.
func openStore(t *testing.T) *store.Store {
	t.Helper()
	return openStoreAt(t, filepath.Join(t.TempDir(), "spotter.db"))
}

func openStoreAt(t *testing.T, path string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// dmPayload is the payload of the "dm" jobs the tests queue.
type dmPayload struct {
	User string `json:"user"`
	Text string `json:"text"`
}

// sendDM is a handler that sends the payload's text to its user, saying so
// when it is late.
func sendDM(ctx context.Context, job Job, out *Sender) error {
	var p dmPayload
	if err := job.Decode(&p); err != nil {
		return err
	}
	text := p.Text
	if job.Late {
		text += " (late)"
	}
	_, err := out.SendDM(ctx, p.User, &discordgo.MessageSend{Content: text}, job.Nonce())
	return err
}

func payload(t *testing.T, user, text string) []byte {
	t.Helper()
	b, err := json.Marshal(dmPayload{User: user, Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// start runs a scheduler with the "dm" handler until the test ends. Tests
// get a one-minute lease and a 15-second heartbeat unless they say otherwise.
func start(t *testing.T, st *store.Store, d Discord, opts Options) *Scheduler {
	t.Helper()
	opts.Store = st
	opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	if opts.Heartbeat == "" {
		opts.Heartbeat = "@every 15s"
	}
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	s.Register("dm", sendDM)
	if err := s.Start(d); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Stop(context.Background()); err != nil {
			t.Errorf("Stop: %v", err)
		}
	})
	return s
}

func enqueue(t *testing.T, st *store.Store, j spotter.NewJob) int64 {
	t.Helper()
	if j.Kind == "" {
		j.Kind = "dm"
	}
	id, added, err := st.EnqueueJob(context.Background(), j)
	if err != nil || !added {
		t.Fatalf("EnqueueJob(%+v) = %v, %v", j, added, err)
	}
	return id
}

// jumpTo moves the bubble's fake clock to at before anything runs.
func jumpTo(at time.Time) { time.Sleep(time.Until(at)) }

func jobsWithPrefix(t *testing.T, st *store.Store, prefix string) []spotter.Job {
	t.Helper()
	jobs, err := st.Jobs(context.Background(), prefix)
	if err != nil {
		t.Fatal(err)
	}
	return jobs
}

// quiet gives opts a logger that discards, for tests that build their own
// scheduler.
func quiet(opts Options) Options {
	opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	return opts
}

// assertAtMostPerSecond fails the test when more than limit of the request
// times fall within any one second.
func assertAtMostPerSecond(t *testing.T, reqs []time.Time, limit int) {
	t.Helper()
	for i := limit; i < len(reqs); i++ {
		if d := reqs[i].Sub(reqs[i-limit]); d < time.Second {
			t.Fatalf("requests %d to %d fell within %v: over %d in one second", i-limit, i, d, limit)
		}
	}
}
