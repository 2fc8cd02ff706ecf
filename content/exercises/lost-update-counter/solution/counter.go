// Package counter counts events reported by many goroutines at once.
package counter

import "sync"

// Counter counts events. Its zero value is ready to use, and every method may
// be called from many goroutines at the same time.
type Counter struct {
	mu sync.Mutex // guards n
	n  int64
}

// Inc adds one event.
func (c *Counter) Inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
}

// Value returns the number of events counted so far.
func (c *Counter) Value() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}
