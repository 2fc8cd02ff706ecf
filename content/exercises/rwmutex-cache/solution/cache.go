// Package cache keeps recently computed values in memory for many goroutines.
package cache

import "sync"

// Cache maps keys to values. Every method may be called from many goroutines
// at the same time; reads are far more common than writes.
type Cache struct {
	mu   sync.RWMutex // guards data; keep this field (the tests use it)
	data map[string]string
}

// New returns an empty cache.
func New() *Cache {
	return &Cache{data: make(map[string]string)}
}

// Get returns the value stored under key, and whether there was one.
// A read lock lets any number of Gets run together; it excludes only Set.
func (c *Cache) Get(key string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.data[key]
	return v, ok
}

// Set stores value under key, replacing any previous value.
// Writing the map needs the write lock: no reader or other writer may run.
func (c *Cache) Set(key, value string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data[key] = value
}

// Len returns the number of keys in the cache.
func (c *Cache) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.data)
}
