package flags

import (
	"sync"
	"testing"
)

// TestReloaderKeepsItsMap: the reload goroutine publishes its map and then
// keeps editing it for the next reload, while a request reads the flags.
// Nothing orders the two goroutines, so -race reports a shared map on
// every run.
func TestReloaderKeepsItsMap(t *testing.T) {
	s := New()
	next := map[string]bool{"beta": true}
	s.Replace(next)
	start := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { // the reloader prepares the next version in the same map
		defer wg.Done()
		<-start
		next["beta"] = false
		next["dark-mode"] = true
	}()
	go func() { // a request
		defer wg.Done()
		<-start
		if snap := s.Load(); !snap.Flags["beta"] {
			t.Errorf("version %d: beta = false, but version 1 set it to true", snap.Version)
		}
	}()
	close(start)
	wg.Wait()
}

// TestFirstVersions checks New and two sequential Replace calls.
func TestFirstVersions(t *testing.T) {
	s := New()
	if snap := s.Load(); snap == nil || snap.Version != 0 || len(snap.Flags) != 0 {
		t.Fatalf("New().Load() = %+v, want version 0 and no flags", snap)
	}
	if v := s.Replace(map[string]bool{"a": true}); v != 1 {
		t.Fatalf("first Replace returned %d, want 1", v)
	}
	if v := s.Replace(map[string]bool{"b": true}); v != 2 {
		t.Fatalf("second Replace returned %d, want 2", v)
	}
	if snap := s.Load(); snap.Version != 2 || !snap.Flags["b"] || snap.Flags["a"] {
		t.Fatalf("Load() = %+v, want version 2 with only b set", snap)
	}
}
