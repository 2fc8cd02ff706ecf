package cache

import (
	"fmt"
	"sync"
	"testing"
)

// TestReadersDoNotBlockReaders takes the read lock itself, as a Get in
// progress would, then calls Get and Len from another goroutine. With
// RLock they return at once; a Get or Len that takes the write lock (Lock)
// waits for ever, and the runner reports the deadlock.
func TestReadersDoNotBlockReaders(t *testing.T) {
	c := New()
	c.Set("k", "v")
	c.mu.RLock()
	done := make(chan string)
	go func() {
		v, _ := c.Get("k")
		done <- fmt.Sprint(v, " ", c.Len())
	}()
	got := <-done
	c.mu.RUnlock()
	if got != "v 1" {
		t.Fatalf(`Get("k") and Len() while another reader holds the lock = %q, want "v 1"`, got)
	}
}

// TestConcurrentWritersKeepEveryKey: 16 goroutines set 100 distinct keys
// each; all 1600 must be there afterwards with the right values.
func TestConcurrentWritersKeepEveryKey(t *testing.T) {
	const writers, perWriter = 16, 100
	c := New()
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perWriter {
				c.Set(fmt.Sprint(w, "/", i), fmt.Sprint(w*i))
			}
		}()
	}
	wg.Wait()
	if got := c.Len(); got != writers*perWriter {
		t.Fatalf("Len() = %d after %d goroutines set %d distinct keys each, want %d", got, writers, perWriter, writers*perWriter)
	}
	for w := range writers {
		for i := range perWriter {
			if v, ok := c.Get(fmt.Sprint(w, "/", i)); !ok || v != fmt.Sprint(w*i) {
				t.Fatalf("Get(%q) = %q, %v; want %q, true", fmt.Sprint(w, "/", i), v, ok, fmt.Sprint(w*i))
			}
		}
	}
}

// TestLenWhileSetting reads Len while writers add keys: len(map) is a read
// of the map and needs the read lock too.
func TestLenWhileSetting(t *testing.T) {
	c := New()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := range 500 {
			c.Set(fmt.Sprint(i), "x")
		}
	}()
	go func() {
		defer wg.Done()
		prev := 0
		for range 500 {
			n := c.Len()
			if n < prev {
				t.Errorf("Len() went from %d down to %d while keys were only added", prev, n)
				return
			}
			prev = n
		}
	}()
	wg.Wait()
}
