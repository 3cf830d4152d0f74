// Package retention enforces how long Spotter keeps data: it purges
// red-flag checks left unfinished past their 24 hours, pain entries older
// than the configured limit, and the data of servers the bot was removed
// from once their grace period has passed. The sweep is an hourly job in
// the scheduler's queue, so it survives restarts and, with several
// replicas, runs once across them. The package also keeps the record of
// which servers the bot has left, from the gateway's guild events.
package retention

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/spotter-bot/spotter"
	"github.com/spotter-bot/spotter/bot/schedule"
)

// Policy is how long each kind of data is kept.
type Policy struct {
	// PainEntries is how long a pain entry is kept after it was recorded.
	PainEntries time.Duration
	// GuildGrace is how long a server's settings, schedules and community
	// tips are kept after the bot is removed, in case it is added back.
	GuildGrace time.Duration
}

// DefaultPolicy is the policy the README documents.
func DefaultPolicy() Policy {
	return Policy{PainEntries: 180 * 24 * time.Hour, GuildGrace: 72 * time.Hour}
}

// Store is what retention deletes from and asks about: a storage adapter
// that purges expired health data and tracks the servers it holds data for.
type Store interface {
	PurgeExpiredRedFlagRuns(ctx context.Context, now time.Time) (int64, error)
	PurgePainEntriesBefore(ctx context.Context, cutoff time.Time) (int64, error)
	PurgeDepartedGuilds(ctx context.Context, cutoff time.Time) ([]string, error)
	GuildsWithData(ctx context.Context) ([]string, error)
	MarkGuildPresent(ctx context.Context, guildID string) error
	MarkGuildLeft(ctx context.Context, guildID string, at time.Time) error
	EnqueueJob(ctx context.Context, j spotter.NewJob) (id int64, added bool, err error)
}

// JobKind is the kind of the scheduled job that sweeps.
const JobKind = "retention-sweep"

// sweepSpec is when the sweep recurs: hourly, on the hour. The limits are
// days long, so an hour's lag is nothing.
const sweepSpec = "0 * * * *"

// Keeper applies a Policy to a store.
type Keeper struct {
	store  Store
	policy Policy
	now    func() time.Time
	log    *slog.Logger
}

// New returns a Keeper; now is its clock (time.Now in production).
func New(st Store, policy Policy, now func() time.Time, log *slog.Logger) *Keeper {
	return &Keeper{store: st, policy: policy, now: now, log: log}
}

// Sweep runs every purge once.
func (k *Keeper) Sweep(ctx context.Context) error {
	now := k.now()
	var errs []error
	if n, err := k.store.PurgeExpiredRedFlagRuns(ctx, now); err != nil {
		errs = append(errs, err)
	} else if n > 0 {
		k.log.Info("purged unfinished red-flag checks", "count", n)
	}
	if n, err := k.store.PurgePainEntriesBefore(ctx, now.Add(-k.policy.PainEntries)); err != nil {
		errs = append(errs, err)
	} else if n > 0 {
		k.log.Info("purged pain entries past the retention limit", "count", n)
	}
	if ids, err := k.store.PurgeDepartedGuilds(ctx, now.Add(-k.policy.GuildGrace)); err != nil {
		errs = append(errs, err)
	} else {
		for _, id := range ids {
			k.log.Info("deleted the data of a server the bot was removed from", "guild", id)
		}
	}
	return errors.Join(errs...)
}

// Schedule registers the sweep with the scheduler and queues its hourly
// series, first due now, unless it is queued already.
func (k *Keeper) Schedule(ctx context.Context, sched *schedule.Scheduler) error {
	sched.Register(JobKind, func(ctx context.Context, _ schedule.Job, _ *schedule.Sender) error {
		return k.Sweep(ctx)
	})
	_, _, err := k.store.EnqueueJob(ctx, spotter.NewJob{Kind: JobKind, Key: JobKind, DueAt: k.now(), Spec: sweepSpec, Zone: "UTC"})
	if err != nil {
		return fmt.Errorf("schedule the retention sweep: %w", err)
	}
	return nil
}

// GuildsAtReady reconciles the servers the gateway lists at READY with the
// servers the database holds data for: a server missing from the list was
// left while the bot was offline.
func (k *Keeper) GuildsAtReady(ctx context.Context, present []string) error {
	known, err := k.store.GuildsWithData(ctx)
	if err != nil {
		return err
	}
	for _, id := range present {
		if err := k.store.MarkGuildPresent(ctx, id); err != nil {
			return err
		}
	}
	for _, id := range known {
		if !slices.Contains(present, id) {
			if err := k.store.MarkGuildLeft(ctx, id, k.now()); err != nil {
				return err
			}
		}
	}
	return nil
}

// GuildJoined records that the bot is in a server, cancelling a pending
// deletion if it was added back in time.
func (k *Keeper) GuildJoined(ctx context.Context, guildID string) error {
	return k.store.MarkGuildPresent(ctx, guildID)
}

// GuildRemoved starts the grace period for a server the bot was removed from.
func (k *Keeper) GuildRemoved(ctx context.Context, guildID string) error {
	if err := k.store.MarkGuildLeft(ctx, guildID, k.now()); err != nil {
		return fmt.Errorf("record removal from server %s: %w", guildID, err)
	}
	k.log.Info("removed from a server; its data will be deleted after the grace period", "guild", guildID, "grace", k.policy.GuildGrace)
	return nil
}
