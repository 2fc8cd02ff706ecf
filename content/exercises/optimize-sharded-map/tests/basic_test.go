package shardmap

import (
	"strconv"
	"sync"
	"testing"
)

func key(i int) string { return "key-" + strconv.Itoa(i) }

// TestSetGetDelete uses the map from one goroutine.
func TestSetGetDelete(t *testing.T) {
	m := New(16)
	for i := range 200 {
		m.Set(key(i), i)
	}
	for i := range 200 {
		if v, ok := m.Get(key(i)); !ok || v != i {
			t.Fatalf("Get(%q) = %d, %v; want %d, true", key(i), v, ok, i)
		}
	}
	if n := m.Len(); n != 200 {
		t.Fatalf("Len() = %d after 200 Sets, want 200", n)
	}
	for i := 0; i < 200; i += 2 {
		m.Delete(key(i))
	}
	if n := m.Len(); n != 100 {
		t.Fatalf("Len() = %d after deleting 100 keys, want 100", n)
	}
	if _, ok := m.Get(key(10)); ok {
		t.Fatalf("Get(%q) found a deleted key", key(10))
	}
	if got := m.Add(key(11), 5); got != 16 {
		t.Fatalf("Add(%q, 5) = %d, want 16", key(11), got)
	}
	if got := m.Add("new", 3); got != 3 {
		t.Fatalf("Add of a missing key = %d, want 3", got)
	}
}

// TestConcurrentUse mixes Set, Get, Delete and Add on shared keys from 8
// goroutines. Any access to a shard's map without its lock is a data race,
// and -race reports it on every run.
func TestConcurrentUse(t *testing.T) {
	m := New(8)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for i := range 400 {
				k := key(i % 40)
				switch (g + i) % 4 {
				case 0:
					m.Set(k, i)
				case 1:
					m.Get(k)
				case 2:
					m.Delete(k)
				case 3:
					m.Add(k, 1)
				}
			}
		}()
	}
	close(start)
	wg.Wait()
	if n := m.Len(); n > 40 {
		t.Fatalf("Len() = %d, but only 40 distinct keys were used", n)
	}
}
