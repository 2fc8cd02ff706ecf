package hits

import (
	"fmt"
	"sync"
	"testing"
)

// TestExactTotals: 16 goroutines × 1000 hits over 4 pages, every page new at
// the start, so first hits race to create the counter too.
func TestExactTotals(t *testing.T) {
	var c Counter
	var wg sync.WaitGroup
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 1000 {
				c.Inc(fmt.Sprint("/page", i%4))
			}
		}()
	}
	wg.Wait()
	for p := range 4 {
		page := fmt.Sprint("/page", p)
		if n := c.Get(page); n != 16*250 {
			t.Errorf("Get(%q) = %d, want %d", page, n, 16*250)
		}
	}
}

// TestFirstHitsAreKept: 32 goroutines each give one first hit to their own
// fresh page and one to a page they all share: none may be lost.
func TestFirstHitsAreKept(t *testing.T) {
	for round := range 20 {
		var c Counter
		var wg sync.WaitGroup
		start := make(chan struct{})
		for g := range 32 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				c.Inc("/shared")
				c.Inc(fmt.Sprint("/own", g))
			}()
		}
		close(start)
		wg.Wait()
		if n := c.Get("/shared"); n != 32 {
			t.Fatalf("round %d: Get(\"/shared\") = %d after 32 first hits, want 32", round, n)
		}
		if n := c.Get("/own7"); n != 1 {
			t.Fatalf("round %d: Get(\"/own7\") = %d, want 1", round, n)
		}
	}
}

// TestGetWhileCounting reads a page while other goroutines count it.
func TestGetWhileCounting(t *testing.T) {
	var c Counter
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 500 {
				c.Inc("/live")
			}
		}()
	}
	var last int64
	for range 200 {
		n := c.Get("/live")
		if n < last {
			t.Fatalf("Get went backwards: %d after %d", n, last)
		}
		last = n
	}
	wg.Wait()
	if n := c.Get("/live"); n != 2000 {
		t.Fatalf(`Get("/live") = %d, want 2000`, n)
	}
}
