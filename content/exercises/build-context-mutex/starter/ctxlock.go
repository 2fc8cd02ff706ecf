// Package ctxlock provides a mutex whose waiters can give up when their
// context ends.
package ctxlock

import (
	"context"
	"sync"
)

// Mutex is a mutual exclusion lock. Unlike sync.Mutex, a goroutine waiting
// for it can stop waiting when its context is cancelled or its deadline
// passes. Create one with New.
//
// This first attempt wraps a sync.Mutex, which cannot be abandoned: it
// ignores ctx and waits for ever. Replace it.
type Mutex struct {
	mu sync.Mutex
}

// New returns an unlocked Mutex.
func New() *Mutex {
	return &Mutex{}
}

// LockContext locks m, waiting until m is free or ctx ends. It returns nil
// when the caller now holds the lock, and ctx.Err() when it does not.
func (m *Mutex) LockContext(ctx context.Context) error {
	m.mu.Lock()
	return nil
}

// TryLock locks m if it is free and reports whether it did, without waiting.
func (m *Mutex) TryLock() bool {
	return m.mu.TryLock()
}

// Unlock unlocks m. Unlocking a Mutex that is not locked is a bug in the
// caller and must panic.
func (m *Mutex) Unlock() {
	m.mu.Unlock()
}
