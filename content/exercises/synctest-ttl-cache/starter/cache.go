// Package ttlcache keeps values for a fixed time to live (TTL).
package ttlcache

import (
	"sync"
	"sync/atomic"
	"time"
)

// clock is a coarse clock shared by every cache: a goroutine stores the time
// every millisecond, so that Get reads an atomic instead of calling time.Now.
var clock = startClock(time.Millisecond)

type coarseClock struct{ nanos atomic.Int64 }

func startClock(every time.Duration) *coarseClock {
	c := &coarseClock{}
	c.nanos.Store(time.Now().UnixNano())
	go func() {
		for t := range time.Tick(every) {
			c.nanos.Store(t.UnixNano())
		}
	}()
	return c
}

func (c *coarseClock) now() time.Time { return time.Unix(0, c.nanos.Load()) }

type item struct {
	value   string
	expires time.Time
}

// Cache maps keys to values that expire ttl after they were set. A janitor
// goroutine removes expired entries every ttl. Every method may be called
// from many goroutines at the same time.
type Cache struct {
	ttl   time.Duration
	mu    sync.Mutex // guards items
	items map[string]item
}

// New returns an empty cache whose entries live for ttl, and starts its janitor.
func New(ttl time.Duration) *Cache {
	c := &Cache{ttl: ttl, items: make(map[string]item)}
	go c.janitor()
	return c
}

// Set stores value under key for the cache's TTL, from now.
func (c *Cache) Set(key, value string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[key] = item{value: value, expires: clock.now().Add(c.ttl)}
}

// Get returns the value under key if it has not expired.
func (c *Cache) Get(key string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	it, ok := c.items[key]
	if !ok || clock.now().After(it.expires) {
		return "", false
	}
	return it.value, true
}

// Len returns the number of stored entries, expired or not: expired entries
// stay stored until the janitor removes them.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items)
}

// Close stops the janitor. The cache must not be used afterwards.
func (c *Cache) Close() {}

// janitor removes the expired entries every ttl.
func (c *Cache) janitor() {
	for range time.Tick(c.ttl) {
		c.removeExpired()
	}
}

func (c *Cache) removeExpired() {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := clock.now()
	for k, it := range c.items {
		if now.After(it.expires) {
			delete(c.items, k)
		}
	}
}
