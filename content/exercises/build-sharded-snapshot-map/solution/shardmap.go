// Package shardmap is a concurrent map for read-heavy services: reads never
// wait for a lock, and writers of different shards never wait for each other.
package shardmap

import (
	"hash/maphash"
	"maps"
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
	// Load the shard's current map once: it is never modified after it
	// was stored, so reading it needs no lock.
	v, ok := (*m.shardFor(key).data.Load())[key]
	return v, ok
}

// Set stores value for key. Concurrent Sets and Deletes of keys in other
// shards do not wait for it, and none of them is lost.
func (m *Map[K, V]) Set(key K, value V) {
	m.shardFor(key).update(func(next map[K]V) { next[key] = value })
}

// Delete removes key, if present.
func (m *Map[K, V]) Delete(key K) {
	m.shardFor(key).update(func(next map[K]V) { delete(next, key) })
}

// update publishes a changed copy of the shard's map. The copy, the change
// and the Store happen under the shard's mu, so two writers of one shard
// cannot both start from the same map and lose one change; the published map
// itself is never touched, so readers that loaded it are never raced.
func (s *shard[K, V]) update(change func(next map[K]V)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	next := maps.Clone(*s.data.Load())
	change(next)
	s.data.Store(&next)
}

// Snapshot returns a new map with every key and value, which the caller owns
// and may modify. It never waits for a lock.
//
// Each shard is read at one instant, but the shards are read one after the
// other: a Set that runs during Snapshot may be missing from it, as with
// sync.Map's Range. Every write finished before Snapshot began is in it.
func (m *Map[K, V]) Snapshot() map[K]V {
	out := map[K]V{}
	for i := range m.shards {
		maps.Copy(out, *m.shards[i].data.Load())
	}
	return out
}
