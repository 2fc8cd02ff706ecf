// Package cache keeps a map behind an RWMutex: many readers at once, one writer at a time.
package cache

import "sync"

// Cache is safe for concurrent use. The zero value is not: use New.
type Cache struct {
	mu sync.RWMutex
	m  map[string]string
}

// New returns an empty cache.
func New() *Cache { return &Cache{m: make(map[string]string)} }

// Get returns the value for key and whether it was present.
func (c *Cache) Get(key string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.m[key]
	return v, ok
}

// Set stores value under key.
func (c *Cache) Set(key, value string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key] = value
}
