// Package ctxlock provides a mutex whose waiters can give up when their
// context ends.
package ctxlock

import "context"

// Mutex is a mutual exclusion lock. Unlike sync.Mutex, a goroutine waiting
// for it can stop waiting when its context is cancelled or its deadline
// passes. Create one with New.
//
// The lock is a channel with room for one token: sending the token locks,
// receiving it back unlocks. A send can be one case of a select, so a waiter
// can wait for the lock and for ctx.Done() at the same time, and nothing is
// left behind when it gives up.
type Mutex struct {
	token chan struct{}
}

// New returns an unlocked Mutex.
func New() *Mutex {
	return &Mutex{token: make(chan struct{}, 1)}
}

// LockContext locks m, waiting until m is free or ctx ends. It returns nil
// when the caller now holds the lock, and ctx.Err() when it does not.
func (m *Mutex) LockContext(ctx context.Context) error {
	// When several cases of a select are ready, it picks one at random. With
	// the lock free and ctx already ended, both cases below are ready, so
	// without this check a caller that has already given up would take the
	// lock half of the time and never unlock it.
	if err := ctx.Err(); err != nil {
		return err
	}
	select {
	case m.token <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// TryLock locks m if it is free and reports whether it did, without waiting.
func (m *Mutex) TryLock() bool {
	select {
	case m.token <- struct{}{}:
		return true
	default:
		return false
	}
}

// Unlock unlocks m. Unlocking a Mutex that is not locked is a bug in the
// caller and panics, as it does for sync.Mutex; a plain receive would block
// that caller for ever instead.
func (m *Mutex) Unlock() {
	select {
	case <-m.token:
	default:
		panic("ctxlock: unlock of unlocked Mutex")
	}
}
