// Package ttlcache keeps values for a fixed time to live (TTL).
package ttlcache

import (
	"sync"
	"time"
)

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
	stop  chan struct{} // closed by Close
	done  chan struct{} // closed when the janitor has returned
}

// New returns an empty cache whose entries live for ttl, and starts its janitor.
// The janitor belongs to the caller's goroutine tree (in a test, to the
// synctest bubble that calls New), so it runs on the same clock as the caller.
func New(ttl time.Duration) *Cache {
	c := &Cache{
		ttl:   ttl,
		items: make(map[string]item),
		stop:  make(chan struct{}),
		done:  make(chan struct{}),
	}
	go c.janitor()
	return c
}

// Set stores value under key for the cache's TTL, from now.
func (c *Cache) Set(key, value string) {
	// time.Now, not a clock goroutine of our own: inside a synctest bubble it
	// reads the bubble's fake clock.
	now := time.Now()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[key] = item{value: value, expires: now.Add(c.ttl)}
}

// Get returns the value under key if it has not expired.
func (c *Cache) Get(key string) (string, bool) {
	now := time.Now()
	c.mu.Lock()
	defer c.mu.Unlock()
	it, ok := c.items[key]
	if !ok || expired(it, now) {
		return "", false
	}
	return it.value, true
}

// expired: an entry set at t is valid before t+ttl and expired from t+ttl on.
func expired(it item, now time.Time) bool { return !now.Before(it.expires) }

// Len returns the number of stored entries, expired or not: expired entries
// stay stored until the janitor removes them.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items)
}

// Close stops the janitor and waits until it has returned. The cache must
// not be used afterwards.
func (c *Cache) Close() {
	close(c.stop)
	<-c.done
}

// janitor removes the expired entries every ttl, until Close.
func (c *Cache) janitor() {
	defer close(c.done)
	ticker := time.NewTicker(c.ttl)
	defer ticker.Stop()
	for {
		select {
		case <-c.stop:
			return
		case now := <-ticker.C:
			c.removeExpired(now)
		}
	}
}

func (c *Cache) removeExpired(now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, it := range c.items {
		if expired(it, now) {
			delete(c.items, k)
		}
	}
}
