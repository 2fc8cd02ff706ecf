// Package reload holds the configuration that every request reads and that
// an operator can change at any time, without restarting the service.
package reload

import (
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
type Store struct {
	mu  sync.Mutex // serialises Update calls
	cur atomic.Pointer[Config]
}

// New returns a Store whose current configuration is initial.
func New(initial Config) *Store {
	s := &Store{}
	s.cur.Store(&initial)
	return s
}

// Current returns the configuration in force. Readers call it on every
// request and must never wait for a writer. The result is shared with other
// goroutines: callers only read it.
func (s *Store) Current() *Config {
	return s.cur.Load()
}

// Update changes the configuration: f modifies a Config, and the result
// becomes the current configuration.
func (s *Store) Update(f func(c *Config)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	// Writers take turns, and f changes only the fields it needs to.
	f(s.cur.Load())
}
