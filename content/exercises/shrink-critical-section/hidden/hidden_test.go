package cache

import (
	"fmt"
	"sync"
	"testing"
)

// TestLenWhileFetching holds a fetch in flight until Len has answered. If Get
// holds c.mu across fetch, Len can never take it and fetch is never released:
// the runner reports the deadlock. No timers are involved.
func TestLenWhileFetching(t *testing.T) {
	c := New()
	started, release := make(chan struct{}), make(chan struct{})
	fakeFetch(t, func(string) {
		close(started)
		<-release
	})
	done := make(chan string)
	go func() { done <- c.Get("gbp") }()
	<-started
	if n := c.Len(); n != 0 {
		t.Errorf("Len() = %d while the first fetch is in flight, want 0", n)
	}
	close(release)
	if got := <-done; got != "v:gbp" {
		t.Fatalf(`Get("gbp") = %q, want "v:gbp"`, got)
	}
	if n := c.Len(); n != 1 {
		t.Fatalf("Len() = %d after the fetch, want 1", n)
	}
}

// TestConcurrentGets runs 8 goroutines over the same 20 keys. With -race, any
// access to c.data outside c.mu is reported.
func TestConcurrentGets(t *testing.T) {
	c := New()
	fakeFetch(t, func(string) {})
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				key := fmt.Sprint("k", (i+g)%20)
				if got := c.Get(key); got != "v:"+key {
					t.Errorf("Get(%q) = %q, want %q", key, got, "v:"+key)
					return
				}
			}
		}()
	}
	wg.Wait()
	if n := c.Len(); n != 20 {
		t.Fatalf("Len() = %d after caching 20 keys, want 20", n)
	}
}
