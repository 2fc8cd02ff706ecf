// Package shardmap is a concurrent map for read-heavy services: reads never
// wait for a lock, and writers of different shards never wait for each other.
package shardmap

import (
	"hash/maphash"
	"sync"
	"sync/atomic"
)

// Map is a concurrent map from K to V, split into shards. Create one with New.
type Map[K comparable, V any] struct {
	seed   maphash.Seed
	shards []shard[K, V] // do not rename: the tests hold every shard's mu
}

// shard holds the keys that hash to it. Its contents are published as an
// immutable map: a map stored in data is never modified again, so any
// goroutine may read it without a lock. Writers of the shard take mu.
type shard[K comparable, V any] struct {
	mu   sync.Mutex
	data atomic.Pointer[map[K]V]
}

// New returns an empty map with n shards (n >= 1).
func New[K comparable, V any](n int) *Map[K, V] {
	m := &Map[K, V]{seed: maphash.MakeSeed(), shards: make([]shard[K, V], n)}
	for i := range m.shards {
		empty := map[K]V{}
		m.shards[i].data.Store(&empty)
	}
	return m
}

// shardFor returns the shard that holds key.
func (m *Map[K, V]) shardFor(key K) *shard[K, V] {
	return &m.shards[maphash.Comparable(m.seed, key)%uint64(len(m.shards))]
}

// Get returns the value stored for key and whether there is one. It never
// waits for a lock.
func (m *Map[K, V]) Get(key K) (V, bool) {
	var zero V
	return zero, false
}

// Set stores value for key. Concurrent Sets and Deletes of keys in other
// shards do not wait for it, and none of them is lost.
func (m *Map[K, V]) Set(key K, value V) {
}

// Delete removes key, if present.
func (m *Map[K, V]) Delete(key K) {
}

// Snapshot returns a new map with every key and value, which the caller owns
// and may modify. It never waits for a lock.
func (m *Map[K, V]) Snapshot() map[K]V {
	return nil
}
