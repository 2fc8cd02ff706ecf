package ctxlock

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"
)

// TestLockAndUnlock: the basic contract, on one goroutine.
func TestLockAndUnlock(t *testing.T) {
	m := New()
	if err := m.LockContext(context.Background()); err != nil {
		t.Fatalf("LockContext on a free Mutex = %v, want nil", err)
	}
	if m.TryLock() {
		t.Fatal("TryLock succeeded while the Mutex was locked")
	}
	m.Unlock()
	if !m.TryLock() {
		t.Fatal("TryLock failed after Unlock: the Mutex should be free")
	}
	m.Unlock()
}

// TestWaiterGivesUpAtDeadline runs in a synctest bubble, whose clock is fake:
// it moves only when every goroutine in the bubble is blocked, straight to the
// next timer. A waiter whose 1 s deadline passes must return
// context.DeadlineExceeded after exactly 1 s of that clock. A waiter that
// cannot give up (a sync.Mutex) blocks for ever, and the runner stops it.
func TestWaiterGivesUpAtDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := New()
		if err := m.LockContext(context.Background()); err != nil {
			t.Fatalf("LockContext on a free Mutex = %v, want nil", err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		start := time.Now()
		err := m.LockContext(ctx)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("LockContext with a 1s deadline on a held Mutex = %v, want context.DeadlineExceeded", err)
		}
		if waited := time.Since(start); waited != time.Second {
			t.Errorf("LockContext gave up after %v of the bubble's clock, want exactly 1s", waited)
		}
		m.Unlock()
	})
}
