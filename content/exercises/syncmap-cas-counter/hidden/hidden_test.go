package tally

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"testing"
)

// TestReturnedTotalsAreExact: every Add(1) on one key must return the total
// right after its own addition, so the values returned across all goroutines
// are exactly 1, 2, …, N, each once. Adding and then reading the total in a
// separate call can return duplicates and skip values.
func TestReturnedTotalsAreExact(t *testing.T) {
	const goroutines, perGoroutine = 8, 5000
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(goroutines)) // interleave even on one core
	var tl Tally
	results := make([][]int64, goroutines)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for range perGoroutine {
				results[g] = append(results[g], tl.Add("k", 1))
			}
		}()
	}
	close(start)
	wg.Wait()
	all := slices.Concat(results...)
	slices.Sort(all)
	for i, v := range all {
		if v != int64(i+1) {
			t.Fatalf("sorted return values of Add: position %d holds %d, want %d (each total from 1 to %d exactly once)",
				i, v, i+1, goroutines*perGoroutine)
		}
	}
}

// TestFirstAddsAreKept: 4 goroutines walk the same 10000 fresh keys in the same
// order, adding 1 to each, so first additions to a key keep colliding.
// Creating a missing key must not lose anyone's addition.
func TestFirstAddsAreKept(t *testing.T) {
	const goroutines, keys = 4, 10000
	names := make([]string, keys)
	for k := range names {
		names[k] = fmt.Sprint("fresh", k)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(goroutines)) // interleave even on one core
	var tl Tally
	start := make(chan struct{})
	var wg sync.WaitGroup
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for _, key := range names {
				tl.Add(key, 1)
			}
		}()
	}
	close(start)
	wg.Wait()
	lost := 0
	for _, key := range names {
		lost += goroutines - int(tl.Get(key))
	}
	if lost != 0 {
		t.Fatalf("%d of the %d first additions to fresh keys were lost", lost, goroutines*keys)
	}
}

// TestManyKeysMixedDeltas: 16 goroutines add +3 and -1 over 8 keys while
// others read them; every key ends at its exact total.
func TestManyKeysMixedDeltas(t *testing.T) {
	var tl Tally
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 800 {
				key := fmt.Sprint("key", (g+i)%8)
				if i%2 == 0 {
					tl.Add(key, 3)
				} else {
					tl.Add(key, -1)
				}
				_ = tl.Get(key)
			}
		}()
	}
	wg.Wait()
	for k := range 8 {
		key := fmt.Sprint("key", k)
		// Each goroutine visits each key 100 times: 50 × +3 and 50 × -1.
		if got := tl.Get(key); got != 16*100 {
			t.Errorf("Get(%q) = %d, want %d", key, got, 16*100)
		}
	}
}
