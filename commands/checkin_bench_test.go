package commands

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spotter-bot/spotter/bot"
	"github.com/spotter-bot/spotter/bot/discordtest"
	"github.com/spotter-bot/spotter/bot/schedule"
	"github.com/spotter-bot/spotter/bot/store"
)

// BenchmarkCheckinPromptBurst sends SPOTTER_BENCH_PROMPTS (default 10,000)
// daily check-ins due at the same minute through the real bot and the
// Discord stand-in with its default limits (50 requests/s global, Discord's
// per-route buckets). Members who started check-ins in their DMs have a
// known DM channel; SPOTTER_BENCH_FIRST_TIME of them (default 1%) started in
// a server, so their DM channel must be opened first. Run it once:
//
//	SPOTTER_BENCH_PROMPTS=10000 go test ./commands -run '^$' -bench CheckinPromptBurst -benchtime 1x -timeout 60m
func BenchmarkCheckinPromptBurst(b *testing.B) {
	prompts := benchEnv(b, "SPOTTER_BENCH_PROMPTS", 10000)
	firstTime := benchEnv(b, "SPOTTER_BENCH_FIRST_TIME", max(1, prompts/100))
	for range b.N {
		runPromptBurst(b, prompts, min(firstTime, prompts))
	}
}

func benchEnv(b *testing.B, name string, def int) int {
	b.Helper()
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		b.Fatalf("%s=%q: want a positive number", name, s)
	}
	return n
}

func benchMember(i int) string { return fmt.Sprintf("19%017d", i) }

func runPromptBurst(b *testing.B, prompts, firstTime int) {
	b.StopTimer()
	ctx, cancel := context.WithTimeout(context.Background(), 55*time.Minute)
	defer cancel()
	srv := discordtest.Start(b, discordtest.Options{})
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "spotter.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	clock := newTestClock(time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC))
	sched := newTestScheduler(b, schedule.Options{Store: st, Now: clock.Now})
	r := bot.NewRouter()
	registerCheckin(r, Deps{Store: st, Scheduler: sched, Now: clock.Now})
	bt, err := bot.New(bot.Options{Token: srv.Token(), APIURL: srv.APIURL(), Router: r, Logger: quietLogger()})
	if err != nil {
		b.Fatal(err)
	}
	if err := bt.Start(ctx); err != nil {
		b.Fatal(err)
	}
	defer bt.Shutdown(context.Background())
	if err := sched.Start(bt.Discord()); err != nil {
		b.Fatal(err)
	}
	defer sched.Stop(context.Background())

	// Every member starts check-ins at 09:00 UTC: the first firstTime in
	// the server, the rest in their DMs with the bot.
	actor := func(i int) discordtest.Actor {
		a := discordtest.Actor{UserID: benchMember(i)}
		if i < firstTime {
			a.GuildID = discordtest.DefaultGuildID
		}
		return a
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				in := srv.SlashCommand(actor(i), "checkin start", discordtest.Opt("pain", 4), discordtest.Opt("time", "09:00"), discordtest.Opt("timezone", "UTC"))
				if _, err := in.Wait(ctx); err != nil {
					b.Errorf("member %d could not start: %v", i, err)
				}
			}
		}()
	}
	for i := range prompts {
		next <- i
	}
	close(next)
	wg.Wait()
	before := len(srv.Requests())
	limited := srv.RateLimited()

	runtime.GC()
	var atStart runtime.MemStats
	runtime.ReadMemStats(&atStart)
	peak := sampleMemory(ctx)
	burst := time.Now()
	b.StartTimer()
	clock.Set(time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC))
	var sends []discordtest.Request
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	for len(sends) < prompts {
		select {
		case <-ctx.Done():
			b.Fatalf("only %d of %d prompts sent", len(sends), prompts)
		case <-tick.C:
		}
		sends = sends[:0]
		for _, req := range srv.Requests()[before:] {
			if req.Method == "POST" && strings.HasPrefix(req.Path, "/channels/") && req.Status == 200 {
				sends = append(sends, req)
			}
		}
	}
	b.StopTimer()
	heap := peak()

	all := srv.Requests()[before:]
	first, last := all[0].At, all[len(all)-1].At
	firstTimeChannels := map[string]bool{}
	for i := range firstTime {
		firstTimeChannels[srv.DMChannelID(benchMember(i))] = true
	}
	var lastCached, lastFirst time.Time
	cached, fresh := 0, 0
	for _, s := range sends {
		channel := strings.Split(s.Path, "/")[2]
		if firstTimeChannels[channel] {
			fresh++
			lastFirst = s.At
		} else {
			cached++
			lastCached = s.At
		}
	}
	dups, missing := 0, 0
	for i := range prompts {
		switch n := len(promptMessages(srv, benchMember(i))); {
		case n == 0:
			missing++
		case n > 1:
			dups += n - 1
		}
	}
	reqRate := float64(len(all)-1) / last.Sub(first).Seconds()
	b.ReportMetric(reqRate, "req/s")
	b.ReportMetric(float64(srv.RateLimited()-limited), "429s")
	b.ReportMetric(float64(cached)/lastCached.Sub(burst).Seconds(), "cached_dm/s")
	if fresh > 0 {
		b.ReportMetric(float64(fresh)/lastFirst.Sub(burst).Seconds(), "first_dm/s")
	}
	b.ReportMetric(float64(dups), "duplicates")
	b.ReportMetric(float64(missing), "missing")
	b.ReportMetric(float64(atStart.HeapAlloc)/(1<<20), "start_heap_MB")
	b.ReportMetric(float64(heap)/(1<<20), "peak_heap_MB")
	b.ReportMetric(peakRSS()/(1<<20), "peak_rss_MB")
	b.Logf("%d prompts (%d to first-time recipients) in %v: %d requests at %.1f/s sustained, %d cached DMs at %.1f/s, %d first-time DMs at %.2f/s, %d 429s, %d duplicates, %d missing",
		prompts, firstTime, last.Sub(burst).Round(time.Millisecond), len(all), reqRate, cached, float64(cached)/lastCached.Sub(burst).Seconds(),
		fresh, float64(fresh)/lastFirst.Sub(burst).Seconds(), srv.RateLimited()-limited, dups, missing)
}

// sampleMemory samples the Go heap (the bot's and the stand-in's: they
// share the process) every 100 ms until ctx ends or the
// returned function is called, which returns the peak.
func sampleMemory(ctx context.Context) func() uint64 {
	var (
		mu   sync.Mutex
		peak uint64
	)
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			mu.Lock()
			peak = max(peak, m.HeapAlloc)
			mu.Unlock()
			select {
			case <-ctx.Done():
				return
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-stopped
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}

// peakRSS is the process's peak resident set (VmHWM), in bytes; 0 where
// /proc is not available.
func peakRSS() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			if err != nil {
				return 0
			}
			return kb * 1024
		}
	}
	return 0
}
