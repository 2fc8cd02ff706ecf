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

// shardIndex returns the index of the shard that owns key. The hash is a
// uint64 and so is the remainder: it is always in [0, len(m.shards)). The
// seed is fixed for the map's lifetime, so a key always has the same shard.
func (m *Map) shardIndex(key string) int {
	h := maphash.String(m.seed, key)
	return int(h % uint64(len(m.shards)))
}

func (m *Map) shardFor(key string) *shard {
	return &m.shards[m.shardIndex(key)]
}

// Get returns the value of key and whether it is present.
func (m *Map) Get(key string) (int, bool) {
	s := m.shardFor(key)
	s.mu.Lock() // a read of a map that others write needs the lock too
	defer s.mu.Unlock()
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
// the new value. The read and the write happen in one critical section, so
// no concurrent Add can slip in between them.
func (m *Map) Add(key string, delta int) int {
	s := m.shardFor(key)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[key] += delta
	return s.m[key]
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
