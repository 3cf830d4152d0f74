package commands

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/discordtest"
	"github.com/spotter-bot/spotter/bot/schedule"
	"github.com/spotter-bot/spotter/bot/store"
)

// The crashing child process is this test binary run again with these
// variables set; see TestCheckinCrashChild.
const (
	crashChildEnv     = "SPOTTER_CHECKIN_CRASH_CHILD"
	crashDBEnv        = "SPOTTER_CHECKIN_CRASH_DB"
	crashAPIEnv       = "SPOTTER_CHECKIN_CRASH_API"
	crashTokenEnv     = "SPOTTER_CHECKIN_CRASH_TOKEN"
	crashKillAfterEnv = "SPOTTER_CHECKIN_CRASH_KILL_AFTER"
	crashEpochEnv     = "SPOTTER_CHECKIN_CRASH_EPOCH"
)

// crashMembers get a prompt due at the same minute; the child dies after
// crashKillAfter of them are sent.
const (
	crashMembers   = 20
	crashKillAfter = 7
)

func crashMember(i int) string { return fmt.Sprintf("18000000000000002%02d", i) }

// crashDue is when every crash test prompt is due.
var crashDue = checkinStart.Add(time.Minute)

// TestCheckinPromptsArriveExactlyOnceAcrossAKilledProcess queues prompts
// due at the same minute, lets a real child process claim and send them
// until it is SIGKILLed right after a send returns and before the send is
// recorded, then restarts the scheduler on the same database and the same
// Discord stand-in: every prompt must exist exactly once.
func TestCheckinPromptsArriveExactlyOnceAcrossAKilledProcess(t *testing.T) {
	t.Parallel()
	srv := discordtest.Start(t, discordtest.Options{RouteLimits: map[string]discordtest.RouteLimit{
		// Opening twenty DM channels quickly is not what this test is about.
		"POST /users/@me/channels": {Limit: 100, Window: time.Second},
	}})
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "spotter.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	c := &checkins{store: st, now: func() time.Time { return checkinStart }}
	for i := range crashMembers {
		ends, daily, err := c.dailyJob(crashMember(i), crashDue.Hour(), crashDue.Minute(), "UTC", checkinStart, 14)
		if err != nil {
			t.Fatal(err)
		}
		plan := spotter.CheckinPlan{UserID: crashMember(i), LocalTime: crashDue.Format("15:04"), Zone: "UTC", Days: 14, StartedAt: checkinStart, EndsAt: ends}
		if _, err := st.StartCheckinPlan(ctx, plan, spotter.PainEntry{Source: "baseline", Pain: 4, At: checkinStart}, daily); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	epoch := time.Now()
	child := exec.Command(os.Args[0], "-test.run=^TestCheckinCrashChild$", "-test.v")
	child.Env = append(os.Environ(), crashChildEnv+"=1", crashDBEnv+"="+path, crashAPIEnv+"="+srv.APIURL(),
		crashTokenEnv+"="+srv.Token(), crashKillAfterEnv+"="+strconv.Itoa(crashKillAfter),
		crashEpochEnv+"="+strconv.FormatInt(epoch.UnixNano(), 10))
	out, err := child.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("the child process was not killed (%v):\n%s", err, out)
	}
	if ws, ok := exit.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("the child process ended with %v, not SIGKILL:\n%s", err, out)
	}

	st, err = store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	delivered := 0
	sentNotRecorded := 0
	for i := range crashMembers {
		n := len(promptMessages(srv, crashMember(i)))
		delivered += n
		job, _ := crashJob(t, st, crashMember(i))
		if n == 1 && job.State == spotter.JobClaimed {
			sentNotRecorded++
		}
	}
	if delivered < crashKillAfter || delivered >= crashMembers {
		t.Fatalf("%d prompts delivered before the kill, want at least %d and fewer than all %d", delivered, crashKillAfter, crashMembers)
	}
	if sentNotRecorded == 0 {
		t.Fatal("no prompt was sent without being recorded: the kill did not land between sending and marking")
	}
	t.Logf("killed after %d prompts were delivered, %d of them not recorded as sent", delivered, sentNotRecorded)

	sched := crashScheduler(t, st, epoch)
	if err := sched.Start(restPort(t, srv.APIURL(), srv.Token())); err != nil {
		t.Fatal(err)
	}
	defer sched.Stop(ctx)
	deadline := time.NewTimer(30 * time.Second)
	defer deadline.Stop()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for !allCrashJobsDone(t, st) {
		select {
		case <-deadline.C:
			t.Fatal("the restarted scheduler did not finish the prompts")
		case <-tick.C:
		}
	}
	for i := range crashMembers {
		if got := promptMessages(srv, crashMember(i)); len(got) != 1 {
			t.Errorf("member %d has %d prompts, want exactly 1", i, len(got))
		}
	}
	resends := 0
	for _, r := range srv.Requests() {
		if r.Method == "POST" && strings.HasSuffix(r.Path, "/messages") && r.Status == 200 {
			resends++
		}
	}
	if resends -= crashMembers; resends < sentNotRecorded {
		t.Errorf("%d re-sends answered with the existing message, want at least %d (one per prompt sent but not recorded)", resends, sentNotRecorded)
	}
}

// TestCheckinCrashChild is the process the test above kills: it does
// nothing unless started by it.
func TestCheckinCrashChild(t *testing.T) {
	t.Parallel()
	if os.Getenv(crashChildEnv) == "" {
		return
	}
	st, err := store.Open(context.Background(), os.Getenv(crashDBEnv))
	if err != nil {
		t.Fatal(err)
	}
	killAfter, err := strconv.Atoi(os.Getenv(crashKillAfterEnv))
	if err != nil {
		t.Fatal(err)
	}
	epochNanos, err := strconv.ParseInt(os.Getenv(crashEpochEnv), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	sched := crashScheduler(t, st, time.Unix(0, epochNanos))
	port := &killAfterSends{Discord: restPort(t, os.Getenv(crashAPIEnv), os.Getenv(crashTokenEnv)), left: killAfter}
	if err := sched.Start(port); err != nil {
		t.Fatal(err)
	}
	select {
	case <-time.After(30 * time.Second):
		t.Fatal("the child was never killed")
	case <-t.Context().Done():
	}
}

// crashScheduler is a scheduler with the check-in handler, a short lease
// so a dead claim is taken over quickly, and a clock that reads crashDue at
// epoch and runs from there in both processes.
func crashScheduler(t *testing.T, st *store.Store, epoch time.Time) *schedule.Scheduler {
	t.Helper()
	now := func() time.Time { return crashDue.Add(time.Since(epoch)) }
	sched := newTestScheduler(t, schedule.Options{Store: st, Now: now, Lease: 5 * time.Second, Concurrency: 4})
	registerCheckin(bot.NewRouter(), Deps{Store: st, Scheduler: sched, Now: now})
	return sched
}

// restPort is a Discord REST session pointed at the stand-in.
func restPort(t *testing.T, apiURL, token string) bot.Discord {
	t.Helper()
	b, err := bot.New(bot.Options{Token: token, APIURL: apiURL, Router: bot.NewRouter(), Logger: quietLogger()})
	if err != nil {
		t.Fatal(err)
	}
	return b.Discord()
}

// killAfterSends kills its own process with SIGKILL as soon as the left-th
// message send returns: after Discord created the message, before the
// scheduler records it.
type killAfterSends struct {
	schedule.Discord
	mu   sync.Mutex
	left int
}

func (k *killAfterSends) ChannelMessageSendComplex(channelID string, data *discordgo.MessageSend, options ...discordgo.RequestOption) (*discordgo.Message, error) {
	m, err := k.Discord.ChannelMessageSendComplex(channelID, data, options...)
	if err == nil {
		k.mu.Lock()
		k.left--
		if k.left == 0 {
			_ = syscall.Kill(os.Getpid(), syscall.SIGKILL) // never returns
		}
		k.mu.Unlock()
	}
	return m, err
}

func promptMessages(srv *discordtest.Server, user string) []*discordtest.Message {
	var out []*discordtest.Message
	for _, m := range srv.DMs(user) {
		if strings.Contains(m.Content, "Daily check-in") {
			out = append(out, m)
		}
	}
	return out
}

// crashJob returns the member's job for crashDue.
func crashJob(t *testing.T, st *store.Store, user string) (spotter.Job, bool) {
	t.Helper()
	jobs, err := st.Jobs(context.Background(), spotter.CheckinDailyKey(user))
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range jobs {
		if j.DueAt.Equal(crashDue) {
			return j, true
		}
	}
	return spotter.Job{}, false
}

func allCrashJobsDone(t *testing.T, st *store.Store) bool {
	t.Helper()
	for i := range crashMembers {
		if j, ok := crashJob(t, st, crashMember(i)); !ok || j.State != spotter.JobDone {
			return false
		}
	}
	return true
}
