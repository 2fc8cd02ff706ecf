// Package flags holds the feature flags of a service. Every request reads
// them; a reload goroutine replaces them as a whole every few minutes.
package flags

import "sync"

// Snapshot is one published version of the flags. Readers must not modify
// Flags.
type Snapshot struct {
	Version int
	Flags   map[string]bool
}

// Store publishes flag snapshots. Every method may be called from many
// goroutines at the same time.
type Store struct {
	mu      sync.RWMutex
	version int
	flags   map[string]bool
}

// New returns a Store at version 0 with no flags set.
func New() *Store {
	return &Store{flags: map[string]bool{}}
}

// Replace publishes flags as the next version and returns that version.
// The caller may keep using its map afterwards.
func (s *Store) Replace(flags map[string]bool) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.version++
	s.flags = flags
	return s.version
}

// Load returns the current snapshot. It is never nil.
func (s *Store) Load() *Snapshot {
	s.mu.RLock()
	v := s.version
	s.mu.RUnlock()
	s.mu.RLock()
	f := s.flags
	s.mu.RUnlock()
	return &Snapshot{Version: v, Flags: f}
}
