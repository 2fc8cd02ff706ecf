// Package lazy loads a service's configuration on first use.
package lazy

import (
	"sync"
	"sync/atomic"
)

// Config is the loaded configuration.
type Config struct {
	Endpoint string
	Retries  int
}

// Loader loads the configuration once, on the first call to Get.
type Loader struct {
	load func() (*Config, error)
	mu   sync.Mutex             // serialises loading
	cfg  atomic.Pointer[Config] // nil until a load succeeds
}

// New returns a Loader that calls load on first use.
func New(load func() (*Config, error)) *Loader {
	return &Loader{load: load}
}

// Get returns the configuration, loading it first if needed. Concurrent first
// calls share a single call of load. If load fails, Get returns its error and
// a later Get tries again.
func (l *Loader) Get() (*Config, error) {
	// Fast path: a Load that observes the Store below also sees every write
	// load made to the Config before it was stored.
	if c := l.cfg.Load(); c != nil {
		return c, nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	// Check again: another goroutine may have loaded it while we waited.
	if c := l.cfg.Load(); c != nil {
		return c, nil
	}
	c, err := l.load()
	if err != nil {
		return nil, err // nothing stored: the next Get tries again
	}
	l.cfg.Store(c)
	return c, nil
}
