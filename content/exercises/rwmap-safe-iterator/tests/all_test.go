package safemap

import "testing"

// TestLoadStoreDelete checks the sequential behaviour, starting from the
// zero value.
func TestLoadStoreDelete(t *testing.T) {
	var s SafeMap[string, int]
	if v, ok := s.Load("a"); ok || v != 0 {
		t.Fatalf(`Load("a") on an empty map = %d, %v; want 0, false`, v, ok)
	}
	s.Store("a", 1)
	s.Store("b", 2)
	s.Store("a", 3)
	if v, ok := s.Load("a"); !ok || v != 3 {
		t.Fatalf(`Load("a") = %d, %v; want 3, true`, v, ok)
	}
	s.Delete("b")
	if _, ok := s.Load("b"); ok {
		t.Fatal(`Load("b") after Delete("b") found a value`)
	}
	if n := s.Len(); n != 1 {
		t.Fatalf("Len() = %d, want 1", n)
	}
}

// TestStoreInsideLoop stores from the loop body. If All holds the read lock
// while the body runs, Store's Lock waits for that read lock, which is held
// by the same goroutine: it blocks for ever, and the runner reports a
// deadlock.
func TestStoreInsideLoop(t *testing.T) {
	var s SafeMap[string, int]
	s.Store("a", 1)
	s.Store("b", 2)
	s.Store("c", 3)
	seen := 0
	for k, v := range s.All() {
		seen++
		s.Store(k+"-x10", v*10)
	}
	if seen != 3 {
		t.Fatalf("the loop ran %d times over a map of 3 entries, want 3 (entries stored by the loop body must not be yielded)", seen)
	}
	if n := s.Len(); n != 6 {
		t.Fatalf("Len() = %d after the loop, want 6", n)
	}
	for k, want := range map[string]int{"a-x10": 10, "b-x10": 20, "c-x10": 30} {
		if v, ok := s.Load(k); !ok || v != want {
			t.Fatalf("Load(%q) = %d, %v; want %d, true", k, v, ok, want)
		}
	}
}
