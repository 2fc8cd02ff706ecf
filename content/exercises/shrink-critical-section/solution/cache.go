// Package cache keeps the answers of a slow backend in memory.
package cache

import (
	"sync"
	"time"
)

// fetch asks the slow backend for the value of key. It can take seconds in
// production; the tests replace it with a fake that watches c.mu.
var fetch = func(key string) string {
	time.Sleep(50 * time.Millisecond)
	return "value of " + key
}

// Cache remembers the values fetch returned. Many goroutines use it at once.
type Cache struct {
	mu   sync.Mutex // guards data; do not rename it, the tests look at it
	data map[string]string
}

// New returns an empty cache.
func New() *Cache {
	return &Cache{data: map[string]string{}}
}

// Get returns the cached value of key, fetching and storing it on a miss.
// The lock covers the two map accesses only, never the slow fetch: two Gets
// that miss the same key at once may both fetch it, and the second store
// simply writes the same value again.
func (c *Cache) Get(key string) string {
	if v, ok := c.lookup(key); ok {
		return v
	}
	v := fetch(key) // no lock held: other Gets and Len go on meanwhile
	c.store(key, v)
	return v
}

// lookup reads one entry under the lock.
func (c *Cache) lookup(key string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.data[key]
	return v, ok
}

// store writes one entry under the lock.
func (c *Cache) store(key, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data[key] = v
}

// Len returns the number of cached keys.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.data)
}
