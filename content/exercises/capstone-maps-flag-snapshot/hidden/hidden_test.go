package flags

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
)

// versionFlags returns the flags of version v: exactly one key, "v<v>".
func versionFlags(v int) map[string]bool {
	return map[string]bool{fmt.Sprint("v", v): true}
}

// TestReadersSeeOneVersion: one writer publishes versions 1..3000 while
// readers check that each snapshot's flags belong to its own version.
func TestReadersSeeOneVersion(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	for round := range 2 {
		s := New()
		s.Replace(versionFlags(1))
		start := make(chan struct{})
		stop := make(chan struct{})
		var writer, readers sync.WaitGroup
		writer.Add(1)
		go func() {
			defer writer.Done()
			<-start
			for v := 2; v <= 3000; v++ {
				s.Replace(versionFlags(v))
			}
		}()
		for range 3 {
			readers.Add(1)
			go func() {
				defer readers.Done()
				<-start
				last := 0
				for {
					select {
					case <-stop:
						return
					default:
					}
					snap := s.Load()
					if len(snap.Flags) != 1 || !snap.Flags[fmt.Sprint("v", snap.Version)] {
						t.Errorf("round %d: snapshot says version %d but holds flags %v", round+1, snap.Version, snap.Flags)
						return
					}
					if snap.Version < last {
						t.Errorf("round %d: version went back from %d to %d", round+1, last, snap.Version)
						return
					}
					last = snap.Version
				}
			}()
		}
		close(start)
		writer.Wait()
		close(stop)
		readers.Wait()
		if t.Failed() {
			return
		}
	}
}

// TestReplaceFromManyGoroutines: 8 goroutines × 500 Replace. Every call
// gets its own version, and the last snapshot is version 4000.
func TestReplaceFromManyGoroutines(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	const goroutines, perGoroutine = 8, 500
	s := New()
	start := make(chan struct{})
	got := make([][]int, goroutines)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for i := range perGoroutine {
				got[g] = append(got[g], s.Replace(map[string]bool{fmt.Sprint(g, "-", i): true}))
			}
		}()
	}
	close(start)
	wg.Wait()
	seen := map[int]bool{}
	for _, versions := range got {
		for _, v := range versions {
			if seen[v] {
				t.Fatalf("version %d was returned by two Replace calls", v)
			}
			seen[v] = true
		}
	}
	if snap := s.Load(); snap.Version != goroutines*perGoroutine {
		t.Fatalf("after %d Replace calls: Load().Version = %d", goroutines*perGoroutine, snap.Version)
	}
}

// TestCallerMapIsCopied: editing the map after Replace must not change
// the published snapshot.
func TestCallerMapIsCopied(t *testing.T) {
	s := New()
	m := map[string]bool{"beta": true}
	s.Replace(m)
	m["beta"] = false
	m["extra"] = true
	snap := s.Load()
	if !snap.Flags["beta"] || snap.Flags["extra"] {
		t.Fatalf("Load().Flags = %v after the caller edited its map, want map[beta:true]", snap.Flags)
	}
	if s.Replace(nil) != 2 || s.Load().Flags == nil {
		t.Fatal("Replace(nil) must publish version 2 with an empty, non-nil Flags map")
	}
}
