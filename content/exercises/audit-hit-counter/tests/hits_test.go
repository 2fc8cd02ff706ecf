package hits

import (
	"sync"
	"testing"
)

// TestSingleGoroutine checks the behaviour without concurrency.
func TestSingleGoroutine(t *testing.T) {
	var c Counter
	c.Inc("/home")
	c.Inc("/home")
	c.Inc("/about")
	if n := c.Get("/home"); n != 2 {
		t.Fatalf(`Get("/home") = %d, want 2`, n)
	}
	if n := c.Get("/about"); n != 1 {
		t.Fatalf(`Get("/about") = %d, want 1`, n)
	}
	if n := c.Get("/never"); n != 0 {
		t.Fatalf(`Get("/never") = %d, want 0`, n)
	}
}

// TestTwoHandlers: two goroutines count hits of the same page. The page is
// created first, so only the increment itself is shared; the race detector
// reports an increment that is not synchronized on every run.
func TestTwoHandlers(t *testing.T) {
	var c Counter
	c.Inc("/home")
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				c.Inc("/home")
			}
		}()
	}
	wg.Wait()
	if n := c.Get("/home"); n != 201 {
		t.Fatalf(`Get("/home") = %d after 1 + 2×100 hits, want 201`, n)
	}
}
