// Package hits counts requests per path for a small web service.
package hits

import "sync"

// Counter counts hits per path. Record and Count are called from many
// request goroutines at the same time.
type Counter struct {
	mu     sync.Mutex // guards byPath
	byPath map[string]int
}

// New returns an empty Counter.
func New() *Counter {
	return &Counter{byPath: map[string]int{}}
}

// Record counts one hit on path.
func (c *Counter) Record(path string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.byPath[path]++
}

// Count returns the hits on path so far.
// It takes c.mu like Record: every access to byPath holds the lock.
func (c *Counter) Count(path string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.byPath[path]
}
