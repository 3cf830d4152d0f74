package store

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func TestPoolIsCappedUnderABurst(t *testing.T) {
	s, _ := openTemp(t)
	fillMember(t, s, memberA)
	var wg sync.WaitGroup
	for range 40 {
		wg.Go(func() {
			if _, err := s.ExportMember(context.Background(), memberA); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if st := s.db.Stats(); st.MaxOpenConnections == 0 || st.MaxOpenConnections > maxOpenConns {
		t.Errorf("pool allows %d connections, want at most %d", st.MaxOpenConnections, maxOpenConns)
	}
	if st := s.db.Stats(); st.OpenConnections > maxOpenConns {
		t.Errorf("%d connections stay open after a burst, want at most %d", st.OpenConnections, maxOpenConns)
	}
}

func TestReadsDoNotWaitForTheWriteLock(t *testing.T) {
	s, path := openTemp(t)
	fillMember(t, s, memberA)
	// Another process holds the write lock.
	other, err := Open(context.Background(), filepath.Join(filepath.Dir(path), "spotter.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.db.BeginTx(context.Background(), nil) // BEGIN IMMEDIATE
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if _, err := s.ExportMember(ctx, memberA); err != nil {
		t.Errorf("export waited for the write lock: %v", err)
	}
	if err := s.PingWrite(ctx); err == nil {
		t.Error("PingWrite succeeded while another connection holds the write lock")
	} else if !IsStorageFailure(err) && !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("PingWrite failed with %v, want a storage failure", err)
	}
}
