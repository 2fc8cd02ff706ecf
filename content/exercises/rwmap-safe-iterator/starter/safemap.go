// Package safemap provides a generic map that is safe for concurrent use.
package safemap

import (
	"iter"
	"sync"
)

// SafeMap maps keys of type K to values of type V. Every method may be
// called from many goroutines at the same time. The zero value is an
// empty map, ready to use.
type SafeMap[K comparable, V any] struct {
	mu sync.RWMutex // guards m; keep this field (the tests use it)
	m  map[K]V
}

// Load returns the value stored under k, and whether there was one.
func (s *SafeMap[K, V]) Load(k K) (V, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	v, ok := s.m[k] // a nil map reads as empty
	return v, ok
}

// Store sets the value under k, replacing any previous value.
func (s *SafeMap[K, V]) Store(k K, v V) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = make(map[K]V)
	}
	s.m[k] = v
}

// Delete removes k, if it is present.
func (s *SafeMap[K, V]) Delete(k K) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, k)
}

// Len returns the number of entries.
func (s *SafeMap[K, V]) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.m)
}

// All returns an iterator over the entries, in no particular order, for use
// with range:
//
//	for k, v := range s.All() { … }
//
// The loop body may call any method of s, Store and Delete included, and
// other goroutines may write while the loop runs. The loop yields the keys
// that were present when it started, each at most once, and only while they
// are still present when the loop reaches them, with their value at that
// moment: a key deleted before the loop reaches it is skipped, a key stored
// during the loop is not yielded, and a value replaced during the loop is
// yielded as it is now. Values may be large: All does not copy them.
func (s *SafeMap[K, V]) All() iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		s.mu.RLock()
		defer s.mu.RUnlock()
		for k, v := range s.m {
			if !yield(k, v) {
				return
			}
		}
	}
}
