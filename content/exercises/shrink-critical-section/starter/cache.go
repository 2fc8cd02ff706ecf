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
func (c *Cache) Get(key string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.data[key]; ok {
		return v
	}
	v := fetch(key) // slow: every other Get and Len waits for it
	c.data[key] = v
	return v
}

// Len returns the number of cached keys.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.data)
}
