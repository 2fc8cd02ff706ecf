// Package shardmap is a string→int map split into shards, each guarded by
// its own mutex, so that goroutines working on different keys rarely wait
// for each other.
package shardmap

import (
	"hash/maphash"
	"sync"
)

// shard is one part of the map: its own lock and its own keys. The padding
// keeps the mutexes of neighbouring shards off one cache line.
type shard struct {
	mu sync.Mutex
	m  map[string]int
	_  [112]byte
}

// Map is safe for concurrent use.
type Map struct {
	seed   maphash.Seed
	shards []shard
}

// New returns an empty map with n shards (n >= 1).
func New(n int) *Map {
	m := &Map{seed: maphash.MakeSeed(), shards: make([]shard, n)}
	for i := range m.shards {
		m.shards[i].m = make(map[string]int)
	}
	return m
}

// shardIndex returns the index of the shard that owns key.
func (m *Map) shardIndex(key string) int {
	h := maphash.String(m.seed, key)
	return int(h) % len(m.shards)
}

func (m *Map) shardFor(key string) *shard {
	return &m.shards[m.shardIndex(key)]
}

// Get returns the value of key and whether it is present.
func (m *Map) Get(key string) (int, bool) {
	s := m.shardFor(key)
	// Reads do not change the map, so they skip the lock.
	v, ok := s.m[key]
	return v, ok
}

// Set stores v under key.
func (m *Map) Set(key string, v int) {
	s := m.shardFor(key)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[key] = v
}

// Delete removes key.
func (m *Map) Delete(key string) {
	s := m.shardFor(key)
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, key)
}

// Add adds delta to the value of key (a missing key counts as 0) and returns
// the new value.
func (m *Map) Add(key string, delta int) int {
	v, _ := m.Get(key)
	m.Set(key, v+delta)
	return v + delta
}

// Len returns the number of keys.
func (m *Map) Len() int {
	n := 0
	for i := range m.shards {
		s := &m.shards[i]
		s.mu.Lock()
		n += len(s.m)
		s.mu.Unlock()
	}
	return n
}
