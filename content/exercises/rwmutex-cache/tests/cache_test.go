package cache

import (
	"fmt"
	"sync"
	"testing"
)

// TestGetWhileSetting runs 4 goroutines calling Set and 4 calling Get on the
// same keys at the same time. Nothing orders a Get after a Set, so with -race
// an unprotected map access is reported on every run (and the Go runtime may
// also stop the program with "concurrent map read and map write").
func TestGetWhileSetting(t *testing.T) {
	c := New()
	start := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			<-start
			for i := range 200 {
				c.Set(fmt.Sprint("k", i%20), fmt.Sprint(w, ":", i))
			}
		}()
		go func() {
			defer wg.Done()
			<-start
			for i := range 200 {
				c.Get(fmt.Sprint("k", i%20))
			}
		}()
	}
	close(start)
	wg.Wait()
	if got := c.Len(); got != 20 {
		t.Fatalf("Len() = %d after setting keys k0…k19, want 20", got)
	}
}

// TestGetAndSet checks the sequential behaviour.
func TestGetAndSet(t *testing.T) {
	c := New()
	if v, ok := c.Get("a"); ok {
		t.Fatalf(`Get("a") on an empty cache = %q, true; want "", false`, v)
	}
	c.Set("a", "1")
	c.Set("a", "2")
	if v, ok := c.Get("a"); !ok || v != "2" {
		t.Fatalf(`Get("a") after Set("a", "1"), Set("a", "2") = %q, %v; want "2", true`, v, ok)
	}
	if got := c.Len(); got != 1 {
		t.Fatalf("Len() = %d, want 1", got)
	}
}
