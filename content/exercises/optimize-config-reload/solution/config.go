// Package reload holds the configuration that every request reads and that
// an operator can change at any time, without restarting the service.
package reload

import (
	"maps"
	"sync"
	"sync/atomic"
	"time"
)

// Config is one version of the configuration.
type Config struct {
	Version int
	Timeout time.Duration
	Limits  map[string]int // requests per second, by route
}

// Store publishes the current Config to any number of concurrent readers.
// A published Config is never modified: an update publishes a new one.
type Store struct {
	mu  sync.Mutex // serialises Update calls
	cur atomic.Pointer[Config]
}

// New returns a Store whose current configuration is initial.
func New(initial Config) *Store {
	s := &Store{}
	s.cur.Store(clone(&initial))
	return s
}

// Current returns the configuration in force. Readers call it on every
// request and must never wait for a writer. The result is shared with other
// goroutines: callers only read it.
func (s *Store) Current() *Config {
	return s.cur.Load()
}

// Update changes the configuration: f modifies a private copy, and the copy
// is published as a whole with one atomic Store. Readers see either the old
// Config or the new one, never a mix.
func (s *Store) Update(f func(c *Config)) {
	s.mu.Lock() // one writer at a time: no update is lost
	defer s.mu.Unlock()
	next := clone(s.cur.Load())
	f(next)
	s.cur.Store(next)
}

// clone copies c deeply enough that changing the copy cannot change c: the
// struct, and the map it refers to.
func clone(c *Config) *Config {
	next := *c
	next.Limits = make(map[string]int, len(c.Limits))
	maps.Copy(next.Limits, c.Limits)
	return &next
}
