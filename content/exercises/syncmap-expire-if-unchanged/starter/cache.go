// Package cache keeps values with an expiry time. Request handlers read and
// refresh entries while a background sweeper removes the expired ones.
package cache

import (
	"sync"
	"time"
)

// Entry is one cached value.
type Entry struct {
	Value   string
	Expires time.Time
}

// Cache maps keys to entries. Its zero value is ready to use, and every method
// may be called from many goroutines at the same time.
type Cache struct {
	entries sync.Map // key -> Entry
}

// Set stores value under key until expires, replacing any previous entry.
// Every Set is a new write, even when it stores an entry equal to the one
// it replaces.
func (c *Cache) Set(key, value string, expires time.Time) {
	c.entries.Store(key, Entry{Value: value, Expires: expires})
}

// Get returns the entry stored under key.
func (c *Cache) Get(key string) (Entry, bool) {
	v, ok := c.entries.Load(key)
	if !ok {
		return Entry{}, false
	}
	return v.(Entry), true
}

// Sweep asks isStale about every entry and removes the entries it judges
// stale. isStale may be slow and may decide on more than the entry's fields
// (it may ask another service whether the session was revoked), and Set may
// run at any moment, even while isStale is looking at an entry. An entry is
// removed only if no Set of its key happened since isStale was given it;
// otherwise the key holds something isStale never judged, whatever it
// contains. Sweep returns the number of entries it removed.
func (c *Cache) Sweep(isStale func(key string, e Entry) bool) int {
	removed := 0
	c.entries.Range(func(k, v any) bool {
		if isStale(k.(string), v.(Entry)) {
			c.entries.Delete(k) // deletes whatever is stored now, not the entry judged
			removed++
		}
		return true
	})
	return removed
}
