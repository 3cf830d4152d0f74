package schedule

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/spotter-bot/spotter"
)

// fakeLock is the lead the replicas of a test share: whoever holds it
// leads, as with the PostgreSQL advisory lock.
type fakeLock struct {
	mu     sync.Mutex
	holder *fakeLeadership
}

// cut ends the holder's session and cuts it off from the database, as
// when its process hangs and is killed: the lock is free at once, and the
// holder's looks fail from then on.
func (l *fakeLock) cut() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.holder.cutOff = true
	l.holder = nil
}

type fakeLeadership struct {
	lock   *fakeLock
	cutOff bool
}

func (f *fakeLeadership) Lead(context.Context) (bool, error) {
	f.lock.mu.Lock()
	defer f.lock.mu.Unlock()
	if f.cutOff {
		return false, errors.New("the database is out of reach")
	}
	if f.lock.holder == nil {
		f.lock.holder = f
	}
	return f.lock.holder == f, nil
}

func (f *fakeLeadership) Resign(context.Context) error {
	f.lock.mu.Lock()
	defer f.lock.mu.Unlock()
	if f.lock.holder == f {
		f.lock.holder = nil
	}
	return nil
}

// replicaDiscord is one replica's connection to the shared fake Discord.
// Freezing it makes every send hang until thaw, whatever its context says,
// as in a process that is stuck or killed: its jobs are never given back.
type replicaDiscord struct {
	*fakeDiscord
	sends  atomic.Int32
	frozen atomic.Bool
	thaw   chan struct{}
}

func newReplicaDiscord(fake *fakeDiscord) *replicaDiscord {
	return &replicaDiscord{fakeDiscord: fake, thaw: make(chan struct{})}
}

func (r *replicaDiscord) ChannelMessageSendComplex(channelID string, data *discordgo.MessageSend, options ...discordgo.RequestOption) (*discordgo.Message, error) {
	if r.frozen.Load() {
		<-r.thaw
		return nil, errors.New("the process is gone")
	}
	r.sends.Add(1)
	return r.fakeDiscord.ChannelMessageSendComplex(channelID, data, options...)
}

// Two replicas on one store: only the leader sends. When the leader hangs
// mid-dispatch and its session ends (as when it is killed), the other
// takes its claimed jobs over at once, not after their one-minute leases;
// every message arrives once, and no second holds more than the global
// limit.
func TestOnlyTheLeaderSendsAndTheOtherTakesOverWhenItsSessionEnds(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		jumpTo(time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC))
		st := openStore(t)
		fake := newFakeDiscord()
		const jobs = 400
		for i := range jobs {
			user := fmt.Sprintf("u%03d", i)
			if err := st.SetDMChannel(context.Background(), user, "dm-"+user); err != nil {
				t.Fatal(err)
			}
			fake.channels[user], fake.users["dm-"+user] = "dm-"+user, user
			enqueue(t, st, spotter.NewJob{Key: "k" + user, Payload: payload(t, user, "hi"), DueAt: time.Now()})
		}
		lock := &fakeLock{}
		firstDiscord, secondDiscord := newReplicaDiscord(fake), newReplicaDiscord(fake)
		first := start(t, st, firstDiscord, Options{Heartbeat: "@every 2s", Concurrency: 32, Leadership: &fakeLeadership{lock: lock}})
		synctest.Wait()
		second := start(t, st, secondDiscord, Options{Heartbeat: "@every 2s", Concurrency: 32, Leadership: &fakeLeadership{lock: lock}})
		t.Cleanup(func() { close(firstDiscord.thaw) }) // before the schedulers stop

		time.Sleep(4 * time.Second)
		if !first.Leading() || second.Leading() {
			t.Fatalf("leading: first %v, second %v; want the first alone", first.Leading(), second.Leading())
		}
		if secondDiscord.sends.Load() != 0 || firstDiscord.sends.Load() == 0 {
			t.Fatalf("while the first led, it sent %d and the other %d; want only the leader", firstDiscord.sends.Load(), secondDiscord.sends.Load())
		}
		firstDiscord.frozen.Store(true)
		lock.cut()
		time.Sleep(15 * time.Second)
		synctest.Wait()

		if first.Leading() || !second.Leading() {
			t.Errorf("after the cut, leading: first %v, second %v; want the second", first.Leading(), second.Leading())
		}
		for i := range jobs {
			if got := fake.messagesTo(fmt.Sprintf("u%03d", i)); len(got) != 1 {
				t.Fatalf("u%03d got %d messages 15 s after the take-over, want 1", i, len(got))
			}
		}
		if secondDiscord.sends.Load() == 0 {
			t.Error("the new leader sent nothing")
		}
		reqs := fake.requestTimes()
		assertAtMostPerSecond(t, reqs, 50)
		for _, j := range jobsWithPrefix(t, st, "k") {
			if j.State != spotter.JobDone {
				t.Fatalf("job %s is %s, want done", j.Key, j.State)
			}
		}
	})
}
