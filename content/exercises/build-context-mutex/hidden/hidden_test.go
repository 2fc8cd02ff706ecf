package ctxlock

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
)

// TestEndedContextNeverTakesTheLock: with the Mutex free and ctx already
// cancelled, LockContext must return context.Canceled and leave the Mutex
// free. A bare select on the send and ctx.Done() has both cases ready and
// picks one at random, so over 200 calls it takes the lock about 100 times.
func TestEndedContextNeverTakesTheLock(t *testing.T) {
	m := New()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for i := range 200 {
		if err := m.LockContext(ctx); !errors.Is(err, context.Canceled) {
			t.Fatalf("call %d: LockContext with a cancelled context on a free Mutex = %v, want context.Canceled", i+1, err)
		}
		if !m.TryLock() {
			t.Fatalf("call %d: LockContext with a cancelled context returned an error but took the lock", i+1)
		}
		m.Unlock()
	}
}

// TestGivingUpLeavesNothingBehind: a waiter whose context is cancelled
// returns at once, without the fake clock moving (a waiter that polls in a
// sleep loop is still asleep); once the holder unlocks, the Mutex is free (a
// helper goroutine left sending on the waiter's behalf would take it); and no
// goroutine is left blocked when the bubble ends (synctest reports one).
func TestGivingUpLeavesNothingBehind(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := New()
		if err := m.LockContext(context.Background()); err != nil {
			t.Fatalf("LockContext on a free Mutex = %v, want nil", err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- m.LockContext(ctx) }()
		synctest.Wait() // the waiter is now blocked
		select {
		case err := <-done:
			t.Fatalf("LockContext returned %v while another goroutine held the Mutex", err)
		default:
		}
		cancel()
		synctest.Wait()
		select {
		case err := <-done:
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("the cancelled waiter's LockContext = %v, want context.Canceled", err)
			}
		default:
			t.Fatal("the waiter was still waiting after its context was cancelled: it must give up at once")
		}
		m.Unlock()
		synctest.Wait()
		if !m.TryLock() {
			t.Fatal("the Mutex was locked after its holder unlocked it: the waiter that gave up left something behind that took it")
		}
		m.Unlock()
	})
}

// TestMutualExclusion: 16 goroutines lock 100 times each, in three ways
// (LockContext, TryLock, and LockContext racing its own cancel). Inside, at
// most one may hold the Mutex, and the plain counter must not race.
func TestMutualExclusion(t *testing.T) {
	m := New()
	var holders, locked atomic.Int32
	counter := 0
	critical := func() {
		if n := holders.Add(1); n != 1 {
			t.Errorf("%d goroutines held the Mutex at once", n)
		}
		counter++
		locked.Add(1)
		holders.Add(-1)
		m.Unlock()
	}
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Go(func() {
			for range 100 {
				switch g % 3 {
				case 0:
					if err := m.LockContext(context.Background()); err != nil {
						t.Errorf("LockContext(context.Background()) = %v, want nil", err)
						return
					}
					critical()
				case 1:
					if m.TryLock() {
						critical()
					}
				case 2:
					ctx, cancel := context.WithCancel(context.Background())
					go cancel()
					err := m.LockContext(ctx)
					if err == nil {
						critical()
					} else if !errors.Is(err, context.Canceled) {
						t.Errorf("LockContext with a context being cancelled = %v, want nil or context.Canceled", err)
					}
					cancel()
				}
			}
		})
	}
	wg.Wait()
	if int32(counter) != locked.Load() {
		t.Fatalf("counter = %d after %d critical sections: increments were lost", counter, locked.Load())
	}
	if !m.TryLock() {
		t.Fatal("the Mutex was still locked after every goroutine unlocked it")
	}
	m.Unlock()
}

// TestUnlockOfUnlockedPanics: unlocking a free Mutex is a caller's bug and
// must panic, as sync.Mutex does, rather than block the caller for ever.
// It runs last: a blocking Unlock is stopped by the runner.
func TestUnlockOfUnlockedPanics(t *testing.T) {
	m := New()
	defer func() {
		if recover() == nil {
			t.Error("Unlock of a free Mutex returned normally, want a panic")
		}
	}()
	m.Unlock()
}
