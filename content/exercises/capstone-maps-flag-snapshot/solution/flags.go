// Package flags holds the feature flags of a service. Every request reads
// them; a reload goroutine replaces them as a whole every few minutes.
package flags

import (
	"maps"
	"sync"
	"sync/atomic"
)

// Snapshot is one published version of the flags. Readers must not modify
// Flags.
type Snapshot struct {
	Version int
	Flags   map[string]bool
}

// Store publishes flag snapshots. Every method may be called from many
// goroutines at the same time.
type Store struct {
	mu  sync.Mutex               // serializes Replace calls
	cur atomic.Pointer[Snapshot] // the published snapshot, never modified after Store
}

// New returns a Store at version 0 with no flags set.
func New() *Store {
	s := &Store{}
	s.cur.Store(&Snapshot{Flags: map[string]bool{}})
	return s
}

// Replace publishes a copy of flags as the next version and returns that
// version. The caller may keep using its map afterwards.
func (s *Store) Replace(flags map[string]bool) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	next := &Snapshot{Version: s.cur.Load().Version + 1, Flags: maps.Clone(flags)}
	if next.Flags == nil {
		next.Flags = map[string]bool{}
	}
	s.cur.Store(next) // readers see the whole new snapshot or the old one
	return next.Version
}

// Load returns the current snapshot. It is never nil.
func (s *Store) Load() *Snapshot {
	return s.cur.Load()
}
