// Package lazy loads a service's configuration on first use.
package lazy

import "sync"

// Config is the loaded configuration.
type Config struct {
	Endpoint string
	Retries  int
}

// Loader loads the configuration once, on the first call to Get.
type Loader struct {
	load func() (*Config, error)
	mu   sync.Mutex
	cfg  *Config
}

// New returns a Loader that calls load on first use.
func New(load func() (*Config, error)) *Loader {
	return &Loader{load: load}
}

// Get returns the configuration, loading it first if needed. Concurrent first
// calls share a single call of load. If load fails, Get returns its error and
// a later Get tries again.
func (l *Loader) Get() (*Config, error) {
	if l.cfg != nil { // fast path: skip the lock once loaded
		return l.cfg, nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.cfg == nil {
		cfg, err := l.load()
		if err != nil {
			return nil, err
		}
		l.cfg = cfg
	}
	return l.cfg, nil
}
