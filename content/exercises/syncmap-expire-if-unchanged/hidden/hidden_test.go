package cache

import (
	"fmt"
	"sync"
	"testing"
)

// TestIdenticalRefreshSurvives: the refresh stores a new entry with the same
// value and expiry as the judged one. It is still a different entry, stored
// after the judgement, and must be kept.
func TestIdenticalRefreshSurvives(t *testing.T) {
	var c Cache
	c.Set("k", "v", past)
	isStale := func(key string, e *Entry) bool {
		if e.Value == "v" {
			done := make(chan struct{})
			go func() {
				if cur, _ := c.Get("k"); cur == e {
					c.Set("k", "v", past) // same contents, new entry
				}
				close(done)
			}()
			<-done
		}
		return e.Expires.Before(now)
	}
	// The first sweep judges the original entry; the refresh replaces it.
	if n := c.Sweep(isStale); n != 0 {
		t.Fatalf("Sweep removed %d entries, want 0: the entry it judged had been replaced", n)
	}
	if _, ok := c.Get("k"); !ok {
		t.Fatal(`the refreshed "k" was deleted: compare the entry itself, not its contents`)
	}
}

// TestRefreshesRacingSweeps: refresher goroutines replace expired entries with
// live ones while sweepers run. Whatever the interleaving, a key whose last
// Set was a live entry must still be cached at the end, with that entry.
func TestRefreshesRacingSweeps(t *testing.T) {
	const keys = 64
	for round := range 10 {
		var c Cache
		for k := range keys {
			c.Set(fmt.Sprint("k", k), "old", past)
		}
		start := make(chan struct{})
		var wg sync.WaitGroup
		for w := range 4 {
			wg.Add(1)
			go func() { // refreshers: each owns a quarter of the keys
				defer wg.Done()
				<-start
				for k := w; k < keys; k += 4 {
					c.Set(fmt.Sprint("k", k), "new", future)
				}
			}()
		}
		var removed int
		var mu sync.Mutex
		for range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				n := c.Sweep(expired)
				mu.Lock()
				removed += n
				mu.Unlock()
			}()
		}
		close(start)
		wg.Wait()
		for k := range keys {
			e, ok := c.Get(fmt.Sprint("k", k))
			if !ok || e.Value != "new" {
				t.Fatalf("round %d: k%d = %v, %v after its live refresh; want the \"new\" entry", round, k, e, ok)
			}
		}
		if removed > keys {
			t.Fatalf("round %d: sweeps reported %d removals of %d expired entries", round, removed, keys)
		}
	}
}

// TestEachExpiredEntryCountedOnce: two sweeps run at the same time over the
// same expired entries. Each entry is removed once, so the counts add up to
// exactly the number of expired entries.
func TestEachExpiredEntryCountedOnce(t *testing.T) {
	for round := range 20 {
		var c Cache
		for k := range 100 {
			c.Set(fmt.Sprint("k", k), "old", past)
		}
		var wg sync.WaitGroup
		counts := make([]int, 2)
		start := make(chan struct{})
		for i := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				counts[i] = c.Sweep(expired)
			}()
		}
		close(start)
		wg.Wait()
		if total := counts[0] + counts[1]; total != 100 {
			t.Fatalf("round %d: the two sweeps reported %d + %d = %d removals of 100 entries, want 100",
				round, counts[0], counts[1], total)
		}
	}
}
