// Package retention enforces how long Spotter keeps data: it purges
// red-flag checks left unfinished past their 24 hours, pain entries older
// than the configured limit, and the data of servers the bot was removed
// from once their grace period has passed. It also keeps the record of
// which servers the bot has left, from the gateway's guild events.
package retention

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"
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
}

// Keeper applies a Policy to a store.
type Keeper struct {
	store  Store
	policy Policy
	now    func() time.Time
	log    *slog.Logger

	stopOnce sync.Once
	cancel   context.CancelFunc
	done     chan struct{}
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

// Start sweeps now and then every interval until Stop.
func (k *Keeper) Start(interval time.Duration) {
	ctx, cancel := context.WithCancel(context.Background())
	k.cancel, k.done = cancel, make(chan struct{})
	go func() {
		defer close(k.done)
		ticker := time.NewTicker(interval)
		defer ticker.Stop()
		for {
			if err := k.Sweep(ctx); err != nil && ctx.Err() == nil {
				k.log.Error("retention sweep failed", "err", err)
			}
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
			}
		}
	}()
}

// Stop ends the sweeps, waiting for one in progress so the database can be
// closed after it.
func (k *Keeper) Stop() {
	k.stopOnce.Do(func() {
		if k.cancel != nil {
			k.cancel()
			<-k.done
		}
	})
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
