package schedule

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot"
)

// Options configures a Scheduler; zero values get the defaults.
type Options struct {
	Store Store
	// Now is the clock due times are compared with; default time.Now.
	Now     func() time.Time
	Logger  *slog.Logger
	Metrics *bot.Metrics
	// GlobalRateLimit is Discord's global limit for the bot in requests per
	// second (50 unless Discord granted more); the sender stays under it.
	GlobalRateLimit int
	// LateGrace is how late a job may still run after downtime; older ones
	// are skipped to their series' next occurrence. Default 3 h.
	LateGrace time.Duration
	// LateMark is how late a job must run to be marked late. Default 10 min.
	LateMark time.Duration
	// Heartbeat is the robfig/cron spec of the runner's heartbeat, when it
	// claims due jobs. Default "@every 2s".
	Heartbeat string
	// Lease is how long a claim holds before another process may take the
	// job over; kept well under Discord's nonce memory. Default 1 min.
	Lease time.Duration
	// NonceMemory is how long Discord is trusted to remember a message
	// nonce. A job whose earlier attempt died with its outcome unknown is
	// re-sent (deduplicated by the nonce) only within it; later it is not
	// sent again: at most once. Default 3 min.
	NonceMemory time.Duration
	// Concurrency is how many jobs run at once; a few more than the global
	// rate times Discord's round trip keeps the pacer busy. Default 16.
	Concurrency int
	// MaxAttempts bounds the tries of a job that keeps failing
	// transiently. Default 5.
	MaxAttempts int
	// RetryBackoff is the wait before the first retry; it doubles for each
	// later one, up to 30 min. Default 30 s.
	RetryBackoff time.Duration
	// Retention is how long finished jobs are kept. Default 30 days.
	Retention time.Duration
	// Leadership, when several replicas share the store, elects the one
	// that claims jobs. Nil means this process is alone and always leads.
	Leadership Leadership
}

// parkedPerSlot bounds the jobs that may wait on a slow route (see
// lendSlot) to this many per slot: enough for a burst of first-time
// recipients, whose DM channels open at a few a second, to wait without
// holding up anyone else.
const parkedPerSlot = 64

// maxLease keeps a crashed claim's re-send well inside the few minutes for
// which Discord remembers a nonce.
const maxLease = 2 * time.Minute

// windowAfterTakeOver is how long a new leader waits, after the previous
// leader has certainly stopped sending, before its first request: Discord
// counts the global limit over a sliding second, and the previous leader's
// last requests must have left that window.
const windowAfterTakeOver = time.Second

// withDefaults fills in the defaults, checks the options, and returns the
// time between two heartbeats.
func (o Options) withDefaults() (Options, time.Duration, error) {
	if o.Store == nil {
		return o, 0, errors.New("schedule: no store")
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Metrics == nil {
		o.Metrics = bot.NewMetrics()
	}
	if o.GlobalRateLimit == 0 {
		o.GlobalRateLimit = 50
	}
	if o.LateGrace == 0 {
		o.LateGrace = 3 * time.Hour
	}
	if o.LateMark == 0 {
		o.LateMark = 10 * time.Minute
	}
	if o.Heartbeat == "" {
		o.Heartbeat = "@every 2s"
	}
	if o.Lease == 0 {
		o.Lease = time.Minute
	}
	if o.NonceMemory == 0 {
		o.NonceMemory = 3 * time.Minute
	}
	if o.Concurrency == 0 {
		o.Concurrency = 16
	}
	if o.MaxAttempts == 0 {
		o.MaxAttempts = 5
	}
	if o.RetryBackoff == 0 {
		o.RetryBackoff = 30 * time.Second
	}
	if o.Retention == 0 {
		o.Retention = 30 * 24 * time.Hour
	}
	switch {
	case o.LateGrace < 0 || o.LateMark < 0 || o.RetryBackoff < 0 || o.Retention < 0:
		return o, 0, errors.New("schedule: durations must not be negative")
	case o.Lease < 5*time.Second || o.Lease > maxLease:
		return o, 0, fmt.Errorf("schedule: lease %v must be between 5s and %v", o.Lease, maxLease)
	case o.NonceMemory <= o.Lease:
		return o, 0, fmt.Errorf("schedule: nonce memory %v must be longer than the lease %v", o.NonceMemory, o.Lease)
	case o.Concurrency < 1 || o.MaxAttempts < 1:
		return o, 0, errors.New("schedule: concurrency and max attempts must be at least 1")
	}
	beat, err := cron.ParseStandard(o.Heartbeat)
	if err != nil {
		return o, 0, fmt.Errorf("schedule: heartbeat %q: %w", o.Heartbeat, err)
	}
	// A job in progress keeps its lease only if the heartbeat renews it
	// well before it runs out.
	period := heartbeatPeriod(beat)
	if o.Lease < 3*period {
		return o, 0, fmt.Errorf("schedule: lease %v must be at least three heartbeats (%v)", o.Lease, 3*period)
	}
	return o, period, nil
}

// heartbeatPeriod is the time between two beats of the schedule.
func heartbeatPeriod(beat cron.Schedule) time.Duration {
	first := beat.Next(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	return beat.Next(first).Sub(first)
}

// Scheduler runs due jobs from the queue with the handlers registered for
// their kinds.
type Scheduler struct {
	opts   Options
	store  Store
	log    *slog.Logger
	sender *Sender
	pacer  *Pacer
	owner  string
	// takeOverPause is how long a new leader holds its first request: a
	// leader whose session ended notices at its next heartbeat and stops,
	// and then Discord's one-second window must clear.
	takeOverPause time.Duration

	mu       sync.Mutex
	handlers map[string]Handler
	started  bool
	stopped  bool

	heartbeat *cron.Cron
	wakeCh    chan struct{}
	slots     chan struct{}
	parked    chan struct{}
	backlog   atomic.Bool
	inflight  sync.WaitGroup
	loopDone  chan struct{}
	stopLoop  context.CancelFunc
	// jobCtx is what handlers run under; cancelled only when Stop gives up
	// waiting for them.
	jobCtx    context.Context
	cancelJob context.CancelFunc
	lastPrune time.Time
	// leading is whether this process leads; termCtx is what the jobs of
	// the current lead run under, cancelled when the lead is lost. Both
	// belong to the dispatch loop.
	leading atomic.Bool
	termCtx context.Context
	endTerm context.CancelFunc
}

// New prepares a Scheduler; it runs nothing until Start.
func New(opts Options) (*Scheduler, error) {
	o, period, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	pacer, err := NewPacer(o.GlobalRateLimit)
	if err != nil {
		return nil, fmt.Errorf("schedule: %w", err)
	}
	owner := make([]byte, 8)
	if _, err := rand.Read(owner); err != nil {
		return nil, fmt.Errorf("schedule: owner id: %w", err)
	}
	return &Scheduler{
		takeOverPause: period + windowAfterTakeOver,
		opts:          o,
		store:         o.Store,
		log:           o.Logger,
		sender:        newSender(o.Store, pacer, o.Logger),
		pacer:         pacer,
		owner:         hex.EncodeToString(owner),
		handlers:      map[string]Handler{},
		wakeCh:        make(chan struct{}, 1),
		slots:         make(chan struct{}, o.Concurrency),
		parked:        make(chan struct{}, parkedPerSlot*o.Concurrency),
	}, nil
}

// Register routes jobs of kind to h. Registering a kind twice panics, so a
// clash shows at start-up.
func (s *Scheduler) Register(kind string, h Handler) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if kind == "" || h == nil {
		panic("schedule: a job kind needs a name and a handler")
	}
	if _, dup := s.handlers[kind]; dup {
		panic(fmt.Sprintf("schedule: job kind %q registered twice", kind))
	}
	s.handlers[kind] = h
}

// Sender returns the paced sender handlers send with.
func (s *Scheduler) Sender() *Sender { return s.sender }

// Now returns the scheduler's clock reading.
func (s *Scheduler) Now() time.Time { return s.opts.Now() }

// Start sends through d from now on and starts the heartbeat; due jobs are
// claimed at once and then on every beat.
func (s *Scheduler) Start(d Discord) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.started {
		return errors.New("schedule: already started")
	}
	heartbeat := cron.New(cron.WithLocation(time.UTC))
	if _, err := heartbeat.AddFunc(s.opts.Heartbeat, s.wake); err != nil {
		return fmt.Errorf("schedule: heartbeat: %w", err)
	}
	s.started, s.heartbeat = true, heartbeat
	s.sender.bind(d)
	loopCtx, stopLoop := context.WithCancel(context.Background())
	s.stopLoop = stopLoop
	s.jobCtx, s.cancelJob = context.WithCancel(context.Background())
	// Alone, the process leads from the start; with a Leadership, each
	// term gets its own context when the lead is taken.
	s.termCtx = s.jobCtx
	s.loopDone = make(chan struct{})
	if s.opts.Leadership == nil {
		s.opts.Metrics.SchedulerLeader.Set(1)
	}
	go s.loop(loopCtx)
	s.heartbeat.Start()
	s.wake()
	return nil
}

// Stop stops claiming jobs and waits until ctx ends for the jobs in
// progress; jobs still running then are interrupted and released, to run
// again after the restart.
func (s *Scheduler) Stop(ctx context.Context) error {
	s.mu.Lock()
	running := s.started && !s.stopped
	s.stopped = true
	s.mu.Unlock()
	if !running {
		return nil
	}
	<-s.heartbeat.Stop().Done()
	s.stopLoop()
	<-s.loopDone
	done := make(chan struct{})
	go func() {
		s.inflight.Wait()
		close(done)
	}()
	var err error
	select {
	case <-done:
	case <-ctx.Done():
		s.cancelJob()
		<-done
		err = fmt.Errorf("schedule: stop: jobs still running were interrupted: %w", ctx.Err())
	}
	s.cancelJob()
	return errors.Join(err, s.resign(ctx))
}

// resign hands the lead on when this process stops, so another replica
// takes over at its next heartbeat.
func (s *Scheduler) resign(ctx context.Context) error {
	if s.opts.Leadership == nil || !s.leading.Load() {
		return nil
	}
	s.leading.Store(false)
	s.opts.Metrics.SchedulerLeader.Set(0)
	if err := s.opts.Leadership.Resign(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("schedule: stop: %w", err)
	}
	return nil
}

// Wake makes the scheduler claim due jobs now instead of at its next
// heartbeat. It returns at once, and does nothing before Start or after
// Stop. The bot never needs it: it is the hook for tests that move a fake
// clock (Options.Now) and should not wait a real heartbeat for the jobs
// that became due.
func (s *Scheduler) Wake() { s.wake() }

func (s *Scheduler) wake() {
	select {
	case s.wakeCh <- struct{}{}:
	default:
	}
}

func (s *Scheduler) loop(ctx context.Context) {
	defer close(s.loopDone)
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.wakeCh:
		}
		if err := s.dispatch(ctx); err != nil && ctx.Err() == nil {
			s.log.Error("scheduler: claiming due jobs failed", "err", err)
		}
	}
}

// dispatch renews the leases of the jobs in progress, then claims due jobs
// while there are free slots and starts each.
func (s *Scheduler) dispatch(ctx context.Context) error {
	if leading, err := s.lead(ctx); !leading {
		return err
	}
	now := s.opts.Now()
	if err := s.store.ExtendLeases(ctx, s.owner, now.Add(s.opts.Lease)); err != nil {
		return err
	}
	s.prune(ctx, now)
	for {
		free := cap(s.slots) - len(s.slots)
		if free == 0 {
			s.backlog.Store(true)
			return nil
		}
		jobs, err := s.store.ClaimJobs(ctx, s.owner, s.opts.Now(), s.opts.Lease, free)
		if err != nil {
			return err
		}
		// A lane runs one job at a time, so due jobs may be waiting for
		// the ones just claimed: finishing any of them wakes the dispatcher.
		s.backlog.Store(len(jobs) > 0)
		for _, j := range jobs {
			s.slots <- struct{}{}
			s.inflight.Add(1)
			go s.run(s.termCtx, j)
		}
		if len(jobs) < free {
			return nil
		}
	}
}

// lead reports whether this process leads, and acts on a change: a new
// leader takes over the jobs the previous one had claimed and holds its
// first request back until the previous leader has stopped and Discord's
// window has cleared (takeOverPause); a lost lead stops the jobs in
// progress at once, so two replicas never send side by side.
func (s *Scheduler) lead(ctx context.Context) (bool, error) {
	if s.opts.Leadership == nil {
		return true, nil
	}
	leading, err := s.opts.Leadership.Lead(ctx)
	switch {
	case leading && !s.leading.Load():
		if err := s.takeOver(ctx); err != nil {
			return false, errors.Join(err, s.opts.Leadership.Resign(ctx))
		}
	case !leading && s.leading.Load():
		s.stepDown()
	}
	return leading, err
}

func (s *Scheduler) takeOver(ctx context.Context) error {
	s.pacer.HoldUntil(time.Now().Add(s.takeOverPause))
	n, err := s.store.TakeOverJobs(ctx, s.owner, s.opts.Now())
	if err != nil {
		return fmt.Errorf("schedule: take over the previous leader's jobs: %w", err)
	}
	s.termCtx, s.endTerm = context.WithCancel(s.jobCtx)
	s.leading.Store(true)
	s.opts.Metrics.SchedulerLeader.Set(1)
	s.log.Info("scheduler: this replica now leads and sends the scheduled messages", "taken_over", n)
	return nil
}

func (s *Scheduler) stepDown() {
	s.leading.Store(false)
	s.endTerm()
	s.opts.Metrics.SchedulerLeader.Set(0)
	s.log.Warn("scheduler: this replica lost the lead; its jobs in progress stop and another replica takes them over")
}

// Leading reports whether this process leads the replicas; a process on
// its own always does once started.
func (s *Scheduler) Leading() bool {
	if s.opts.Leadership == nil {
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.started && !s.stopped
	}
	return s.leading.Load()
}

// prune deletes old finished jobs about once an hour.
func (s *Scheduler) prune(ctx context.Context, now time.Time) {
	if now.Sub(s.lastPrune) < time.Hour {
		return
	}
	s.lastPrune = now
	n, err := s.store.PruneJobs(ctx, now.Add(-s.opts.Retention))
	if err != nil {
		s.log.Warn("scheduler: pruning finished jobs failed", "err", err)
		return
	}
	if n > 0 {
		s.log.Debug("scheduler: pruned finished jobs", "count", n)
	}
}

// run runs one claimed job and frees its slot; when the queue had more
// than the slots could take, half-empty slots wake the dispatcher.
func (s *Scheduler) run(ctx context.Context, sj spotter.Job) {
	defer func() {
		<-s.slots
		s.inflight.Done()
		if s.backlog.Load() && len(s.slots) <= cap(s.slots)/2 {
			s.wake()
		}
	}()
	s.execute(context.WithValue(ctx, slotKey{}, s), sj)
}

// slotKey carries the scheduler in a job's context, so a job about to wait
// on something slow can lend its slot out.
type slotKey struct{}

// lendSlot frees the job's slot while it waits on a slow per-route bucket
// (opening DM channels is limited to a few a second), so other jobs keep
// the global budget busy meanwhile, and returns the function that takes a
// slot back. Past parkedPerSlot waiting jobs per slot, a job keeps its slot.
func lendSlot(ctx context.Context) (takeBack func()) {
	s, ok := ctx.Value(slotKey{}).(*Scheduler)
	if !ok {
		return func() {}
	}
	select {
	case s.parked <- struct{}{}:
	default:
		return func() {}
	}
	<-s.slots
	s.wake()
	return func() {
		s.slots <- struct{}{}
		<-s.parked
	}
}
