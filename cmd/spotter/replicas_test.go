package main

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/jackc/pgx/v5"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot/discordtest"
	"github.com/spotter-bot/spotter/bot/store"
)

// replicaConfigEnv makes the test binary run the real program with the
// config file it names instead of running the tests: the replica tests
// start replicas as processes they can kill -9.
const replicaConfigEnv = "SPOTTER_TEST_REPLICA_CONFIG"

func TestMain(m *testing.M) {
	if config := os.Getenv(replicaConfigEnv); config != "" {
		err := run(context.Background(), []string{"-config", config}, os.Getenv, os.Stdout, os.Stderr)
		os.Exit(exitCode(err, os.Stderr))
	}
	os.Exit(m.Run())
}

// replica is one Spotter process of a fleet sharing a PostgreSQL database.
type replica struct {
	name   string
	listen string
	cmd    *exec.Cmd
	logs   *syncBuffer
	exited chan struct{}
}

// startReplica runs the real program as a child process in HTTP mode on
// the database at dbURL, until the test ends.
func startReplica(t testing.TB, name string, srv *discordtest.Server, dbURL string) *replica {
	t.Helper()
	listen := freeAddr(t)
	configPath := filepath.Join(t.TempDir(), "config.toml")
	config := fmt.Sprintf(`[discord]
api_url = %q
mode = "http"
public_key = %q
[database]
driver = "postgres"
url = %q
[http]
listen = %q
interactions_path = "/discord/interactions"
`, srv.APIURL(), srv.PublicKey(), dbURL, listen)
	if err := os.WriteFile(configPath, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	r := &replica{name: name, listen: listen, logs: &syncBuffer{}, exited: make(chan struct{})}
	r.cmd = exec.Command(os.Args[0])
	r.cmd.Env = append(os.Environ(), replicaConfigEnv+"="+configPath, "DISCORD_TOKEN="+srv.Token())
	r.cmd.Stdout, r.cmd.Stderr = r.logs, r.logs
	if err := r.cmd.Start(); err != nil {
		t.Fatalf("start replica %s: %v", name, err)
	}
	go func() {
		defer close(r.exited)
		_ = r.cmd.Wait() // a killed replica exits with an error; that is the point.
	}()
	t.Cleanup(func() {
		_ = r.cmd.Process.Signal(syscall.SIGTERM) // gone already if it was killed.
		select {
		case <-r.exited:
		case <-time.After(15 * time.Second):
			t.Errorf("replica %s did not stop after SIGTERM", name)
			_ = r.cmd.Process.Kill()
			<-r.exited
		}
		if t.Failed() {
			t.Logf("replica %s logs:\n%s", name, r.logs)
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for {
		if resp, err := http.Get("http://" + listen + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return r
			}
		}
		select {
		case <-r.exited:
			t.Fatalf("replica %s exited at start-up:\n%s", name, r.logs)
		case <-ctx.Done():
			t.Fatalf("replica %s never became healthy:\n%s", name, r.logs)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// leads reads the replica's spotter_scheduler_leader gauge.
func (r *replica) leads(t testing.TB) bool {
	t.Helper()
	resp, err := http.Get("http://" + r.listen + "/metrics")
	if err != nil {
		t.Fatalf("metrics of replica %s: %v", r.name, err)
	}
	defer resp.Body.Close()
	lines := bufio.NewScanner(resp.Body)
	for lines.Scan() {
		if lines.Text() == "spotter_scheduler_leader 1" {
			return true
		}
	}
	return false
}

// fleet is replicas behind a round-robin load balancer, which is where
// Discord sends interactions: any replica may get any of them.
type fleet struct {
	srv      *discordtest.Server
	dbURL    string
	replicas []*replica
	// served counts the interactions the balancer passed to each replica.
	served []atomic.Int64
}

func startFleet(t testing.TB, n int) *fleet {
	t.Helper()
	f := &fleet{srv: discordtest.Start(t, discordtest.Options{}), dbURL: freshPostgres(t)}
	for i := range n {
		f.replicas = append(f.replicas, startReplica(t, fmt.Sprintf("r%d", i+1), f.srv, f.dbURL))
	}
	var next atomic.Uint64
	proxies := make([]*httputil.ReverseProxy, n)
	for i, r := range f.replicas {
		proxies[i] = httputil.NewSingleHostReverseProxy(&url.URL{Scheme: "http", Host: r.listen})
	}
	f.served = make([]atomic.Int64, n)
	balancer := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		i := next.Add(1) % uint64(n)
		f.served[i].Add(1)
		proxies[i].ServeHTTP(w, req)
	}))
	t.Cleanup(balancer.Close)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := f.srv.WaitCommands(ctx, ""); err != nil {
		t.Fatalf("no replica registered the commands: %v", err)
	}
	if err := f.srv.SetInteractionsEndpoint(ctx, balancer.URL+"/discord/interactions"); err != nil {
		t.Fatalf("the balanced endpoint fails the Developer Portal's checks: %v", err)
	}
	return f
}

func fleetMember(i int) string { return fmt.Sprintf("19%017d", i) }

// startCheckins has members 0..n-1 start daily check-ins from their DMs
// with the bot, through the balancer, then makes every first check-in due
// a few seconds from now: n check-ins due in the same minute. The members
// have written to the bot before, so their DM channels are known (opening
// a thousand would take Discord's DM route over three minutes).
func (f *fleet) startCheckins(t testing.TB, n int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	st, err := store.OpenPostgres(ctx, f.dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for i := range n {
		if err := st.SetDMChannel(ctx, fleetMember(i), f.srv.OpenDM(fleetMember(i))); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				in := f.srv.SlashCommand(discordtest.Actor{UserID: fleetMember(i)}, "checkin start",
					discordtest.Opt("pain", 3), discordtest.Opt("time", "07:00"), discordtest.Opt("timezone", "UTC"))
				if _, err := in.Wait(ctx); err != nil {
					t.Errorf("member %d could not start check-ins: %v", i, err)
				}
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	plans := 0
	for i := range n {
		if p, ok, err := st.CheckinPlan(ctx, fleetMember(i)); err == nil && ok && p.Status == spotter.PlanActive {
			plans++
		}
	}
	if plans != n {
		t.Fatalf("%d of %d members have active check-ins after /checkin start", plans, n)
	}
	if err := makeCheckinsDue(ctx, f.dbURL, time.Now().Add(3*time.Second)); err != nil {
		t.Fatal(err)
	}
}

// promptsTo counts the daily check-in DMs each member got.
func (f *fleet) promptsTo(n int) (got []int) {
	got = make([]int, n)
	for i := range n {
		for _, m := range f.srv.DMs(fleetMember(i)) {
			if strings.Contains(m.Content, "Daily check-in") {
				got[i]++
			}
		}
	}
	return got
}

// promptSends are the successful message sends after since, in order.
func (f *fleet) promptSends(since int) []discordtest.Request {
	var sends []discordtest.Request
	for _, req := range f.srv.Requests()[since:] {
		if req.Method == "POST" && strings.HasPrefix(req.Path, "/channels/") && strings.HasSuffix(req.Path, "/messages") && req.Status == http.StatusOK {
			sends = append(sends, req)
		}
	}
	return sends
}

// waitForSends waits until n prompt sends arrived after since.
func (f *fleet) waitForSends(t testing.TB, since, n int, timeout time.Duration) []discordtest.Request {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var sends []discordtest.Request
	err := poll(ctx, func() bool {
		sends = f.promptSends(since)
		return len(sends) >= n
	})
	if err != nil {
		t.Fatalf("%d of %d check-ins sent in %v", len(sends), n, timeout)
	}
	return sends
}

// poll checks cond four times a second until it holds or ctx ends. The
// stand-in could signal each change, but checking a thousand members on
// each of thousands of changes would slow the stand-in down enough to
// bunch up the requests it timestamps.
func poll(ctx context.Context, cond func() bool) error {
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
	return nil
}

// Two replicas on one PostgreSQL, 1,000 check-ins due in the same minute,
// and the replica sending them killed with kill -9 mid-dispatch: every
// member gets their check-in exactly once, Discord never answers 429, and
// no second holds more requests than the global limit.
func TestTwoReplicasDeliverEveryCheckinOnceWhenTheSenderIsKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("runs two real processes through 1,000 check-ins; skipped with -short")
	}
	const members, killAfter = 1000, 300
	f := startFleet(t, 2)
	f.startCheckins(t, members)
	before := len(f.srv.Requests())

	f.waitForSends(t, before, killAfter, 2*time.Minute)
	var leader, other *replica
	for _, r := range f.replicas {
		if r.leads(t) {
			leader = r
		} else {
			other = r
		}
	}
	if leader == nil || other == nil {
		t.Fatal("want exactly one leading replica while the check-ins go out")
	}
	if err := leader.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-leader.exited
	killedAt := time.Now()
	sentBeforeKill := len(f.promptSends(before))

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	err := poll(ctx, func() bool {
		for _, n := range f.promptsTo(members) {
			if n == 0 {
				return false
			}
		}
		return true
	})
	if err != nil {
		t.Fatalf("not every member got a check-in after the kill: %v", err)
	}
	if !other.leads(t) {
		t.Error("the surviving replica does not report the lead")
	}
	for i, n := range f.promptsTo(members) {
		if n != 1 {
			t.Errorf("member %d got %d check-ins, want exactly 1", i, n)
		}
	}
	if n := f.srv.RateLimited(); n != 0 {
		t.Errorf("Discord answered 429 %d times", n)
		for _, r := range f.srv.Requests() {
			if r.Status == 429 {
				t.Logf("429: %s %s, %v after the kill", r.Method, r.Path, r.At.Sub(killedAt))
			}
		}
	}
	limited := globallyLimited(f.srv.Requests())
	most, at := busiestSecond(limited)
	if most > discordtestGlobalLimit {
		t.Errorf("%d requests in the second from %v after the kill: over the global limit of %d", most, at.Sub(killedAt), discordtestGlobalLimit)
	}
	sends := f.promptSends(before)
	var firstAfter time.Time
	for _, s := range sends {
		if s.At.After(killedAt) {
			firstAfter = s.At
			break
		}
	}
	t.Logf("%d check-ins were out when the leader was killed; the other replica sent its first %v later; %d sends in all, re-sends answered through the nonce included; busiest second: %d requests",
		sentBeforeKill, firstAfter.Sub(killedAt).Round(time.Millisecond), len(sends), most)
}

// discordtestGlobalLimit is the stand-in's global limit, Discord's default.
const discordtestGlobalLimit = 50

// globallyLimited leaves out the interaction routes (callbacks, and the
// webhooks that edit and follow up answers), which Discord exempts from the
// global limit.
func globallyLimited(reqs []discordtest.Request) []discordtest.Request {
	var out []discordtest.Request
	for _, r := range reqs {
		if !strings.HasPrefix(r.Path, "/interactions/") && !strings.HasPrefix(r.Path, "/webhooks/") {
			out = append(out, r)
		}
	}
	return out
}

// busiestSecond returns the most requests that fell within one second of
// each other, and when that second began.
func busiestSecond(reqs []discordtest.Request) (most int, at time.Time) {
	start := 0
	for end := range reqs {
		for reqs[end].At.Sub(reqs[start].At) >= time.Second {
			start++
		}
		if n := end - start + 1; n > most {
			most, at = n, reqs[start].At
		}
	}
	return most, at
}

// makeCheckinsDue moves every queued check-in to at.
func makeCheckinsDue(ctx context.Context, dbURL string, at time.Time) error {
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, "UPDATE scheduled_jobs SET due_at = $1, run_at = $1 WHERE kind = 'checkin.prompt' AND state = 'pending'", at.Unix())
	return err
}

// A red-flag check goes on whichever replica each tap reaches: the balancer
// alternates, so consecutive steps of one check are answered by different
// processes, and nothing the check needs lives in one process's memory.
func TestAnyReplicaCarriesOnARedFlagCheckAnotherStarted(t *testing.T) {
	f := startFleet(t, 2)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	lifter := discordtest.Actor{UserID: fleetMember(1)}
	answer := func(in *discordtest.Interaction) *discordtest.Message {
		t.Helper()
		if _, err := in.Wait(ctx); err != nil {
			t.Fatalf("no answer: %v", err)
		}
		m, err := in.Original(ctx)
		if err != nil {
			t.Fatalf("no reply message: %v", err)
		}
		return m
	}
	before := []int64{f.served[0].Load(), f.served[1].Load()}
	m := answer(f.srv.SlashCommand(lifter, "red-flag-check"))
	taps := 0
	for ; taps < 30; taps++ {
		id := buttonLabelled(m, "None of these")
		if id == "" {
			id = buttonLabelled(m, "No")
		}
		if id == "" {
			break
		}
		m = answer(f.srv.Click(lifter, m, id))
	}
	if len(m.Embeds) == 0 || !strings.Contains(m.Embeds[0].Title, "No warning signs") {
		t.Fatalf("after %d taps across the replicas the member sees %+v, want the all-clear result", taps, m.Embeds)
	}
	for i := range f.served {
		if f.served[i].Load() == before[i] {
			t.Errorf("replica %d answered no step of the check; the balancer should have spread them", i+1)
		}
	}
}

// buttonLabelled returns the custom_id of m's button labelled label, or "".
func buttonLabelled(m *discordtest.Message, label string) string {
	for _, c := range m.Components {
		row, ok := c.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, rc := range row.Components {
			if b, ok := rc.(*discordgo.Button); ok && b.Label == label {
				return b.CustomID
			}
		}
	}
	return ""
}

// BenchmarkFleetDispatch measures how fast a fleet of 1, 2 and 3 replicas
// on one PostgreSQL sends SPOTTER_BENCH_PROMPTS check-ins (default 500)
// due in the same minute: one elected replica sends, so the rate stays
// the pacer's whatever the count. Run it once:
//
//	go test ./cmd/spotter -run '^$' -bench FleetDispatch -benchtime 1x
func BenchmarkFleetDispatch(b *testing.B) {
	prompts := 500
	if s := os.Getenv("SPOTTER_BENCH_PROMPTS"); s != "" {
		if _, err := fmt.Sscan(s, &prompts); err != nil || prompts < 2 {
			b.Fatalf("SPOTTER_BENCH_PROMPTS=%q: want a number of at least 2", s)
		}
	}
	for _, replicas := range []int{1, 2, 3} {
		b.Run(fmt.Sprintf("replicas=%d", replicas), func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				f := startFleet(b, replicas)
				f.startCheckins(b, prompts)
				before := len(f.srv.Requests())
				b.StartTimer()
				sends := f.waitForSends(b, before, prompts, 5*time.Minute)
				b.StopTimer()
				span := sends[len(sends)-1].At.Sub(sends[0].At)
				b.ReportMetric(float64(len(sends)-1)/span.Seconds(), "sends/s")
				most, _ := busiestSecond(globallyLimited(f.srv.Requests()))
				b.ReportMetric(float64(most), "busiest-second")
				b.ReportMetric(float64(f.srv.RateLimited()), "429s")
			}
		})
	}
}
