package tally

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
)

// TestAddSequential checks the behaviour without concurrency.
func TestAddSequential(t *testing.T) {
	var tl Tally
	if got := tl.Add("acme", 5); got != 5 {
		t.Fatalf(`first Add("acme", 5) = %d, want 5`, got)
	}
	if got := tl.Add("acme", -2); got != 3 {
		t.Fatalf(`Add("acme", -2) = %d, want the new total 3`, got)
	}
	tl.Add("globex", 10)
	if got := tl.Get("acme"); got != 3 {
		t.Fatalf(`Get("acme") = %d, want 3`, got)
	}
	if got := tl.Get("globex"); got != 10 {
		t.Fatalf(`Get("globex") = %d, want 10`, got)
	}
	if got := tl.Get("initech"); got != 0 {
		t.Fatalf(`Get of a key never added to = %d, want 0`, got)
	}
}

// TestAddConcurrent: 8 goroutines add 1 to the same key 1000 times each,
// starting together. A Load followed by a Store loses increments whenever two
// goroutines load the same total, so the final total falls short. On a busy or
// single-core machine one round may happen to run without interleaving, so the
// round is repeated on fresh keys, and GOMAXPROCS is raised so the operating
// system switches threads at arbitrary points, also between the Load and the
// Store. A correct Add never loses, in any round.
func TestAddConcurrent(t *testing.T) {
	const goroutines, perGoroutine, rounds = 8, 1000, 10
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(goroutines))
	var tl Tally
	for round := range rounds {
		key := fmt.Sprint("acme", round)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for range goroutines {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				for range perGoroutine {
					tl.Add(key, 1)
				}
			}()
		}
		close(start)
		wg.Wait()
		if got, want := tl.Get(key), int64(goroutines*perGoroutine); got != want {
			t.Fatalf("round %d: total = %d after %d goroutines × %d Add(1), want %d: %d additions were lost",
				round+1, got, goroutines, perGoroutine, want, want-got)
		}
	}
}
