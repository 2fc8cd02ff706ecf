package cache

import (
	"fmt"
	"sync"
	"testing"
)

// TestIdenticalRefreshSurvives: while isStale judges the entry of "k", a
// handler stores an entry with the same value and expiry. It is equal to the
// judged one, but it is a later write that isStale never saw, so it must be
// kept. CompareAndDelete on Entry values deletes it: equal is not unchanged.
func TestIdenticalRefreshSurvives(t *testing.T) {
	var c Cache
	c.Set("k", "v", past)
	refreshed := false
	isStale := func(key string, e Entry) bool {
		if key == "k" && !refreshed {
			refreshed = true
			done := make(chan struct{})
			go func() {
				c.Set("k", "v", past) // same contents, a new write
				close(done)
			}()
			<-done
		}
		return e.Expires.Before(now)
	}
	if n := c.Sweep(isStale); n != 0 {
		t.Fatalf("Sweep removed %d entries, want 0: the entry it judged had been written again", n)
	}
	if _, ok := c.Get("k"); !ok {
		t.Fatal(`the rewritten "k" was deleted: it compared equal to the judged entry, but it was stored after the judgement`)
	}
	// The next sweep judges the new write, and removes it.
	if n := c.Sweep(expired); n != 1 {
		t.Fatalf("the next Sweep removed %d entries, want 1", n)
	}
}

// TestABARefreshSurvives: while isStale judges entry A of "k", a handler
// stores B and then A again. The key holds A, as when it was judged, but
// two writes happened in between: the entry must be kept.
func TestABARefreshSurvives(t *testing.T) {
	var c Cache
	c.Set("k", "A", past)
	refreshed := false
	isStale := func(key string, e Entry) bool {
		if key == "k" && !refreshed {
			refreshed = true
			done := make(chan struct{})
			go func() {
				c.Set("k", "B", future)
				c.Set("k", "A", past)
				close(done)
			}()
			<-done
		}
		return e.Expires.Before(now)
	}
	if n := c.Sweep(isStale); n != 0 {
		t.Fatalf("Sweep removed %d entries, want 0: \"k\" was written twice after it was judged", n)
	}
	if e, ok := c.Get("k"); !ok || e.Value != "A" {
		t.Fatalf(`Get("k") = %+v, %v after A, B, A; want the last A`, e, ok)
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
