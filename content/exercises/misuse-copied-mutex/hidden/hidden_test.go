package hits

import (
	"sync"
	"testing"
)

// TestGetWaitsForABusyShard: like TestIncWaitsForABusyShard, for Get.
func TestGetWaitsForABusyShard(t *testing.T) {
	c := New()
	k := key(5)
	c.Inc(k)
	c.shards[5].mu.Lock()
	done := make(chan struct{})
	var got int
	go func() {
		defer close(done)
		got = c.Get(k)
	}()
	waitUntilBlocked("Get", done)
	c.shards[5].mu.Unlock()
	<-done
	if got != 1 {
		t.Fatalf("Get(%q) = %d after one Inc, want 1", k, got)
	}
}

// TestTotalWaitsForABusyShard: Total must wait for the real shard lock, not
// lock a copy (a value receiver copies the shard, mutex included).
func TestTotalWaitsForABusyShard(t *testing.T) {
	c := New()
	c.Inc(key(0))
	c.Inc(key(6))
	c.Inc(key(6))
	c.shards[6].mu.Lock()
	done := make(chan struct{})
	var got int
	go func() {
		defer close(done)
		got = c.Total()
	}()
	waitUntilBlocked("Total", done)
	c.shards[6].mu.Unlock()
	<-done
	if got != 3 {
		t.Fatalf("Total() = %d after 3 Inc, want 3", got)
	}
}

// TestResetWaitsForABusyShard: Reset must wait for the real shard lock, not
// lock a copy (ranging over the shards by value copies each one).
func TestResetWaitsForABusyShard(t *testing.T) {
	c := New()
	k := key(2)
	c.Inc(k)
	c.shards[2].mu.Lock()
	done := make(chan struct{})
	go func() {
		defer close(done)
		c.Reset()
	}()
	waitUntilBlocked("Reset", done)
	c.shards[2].mu.Unlock()
	<-done
	if got := c.Get(k); got != 0 {
		t.Fatalf("Get(%q) = %d after Reset, want 0", k, got)
	}
}

// TestShardsDoNotBlockEachOther: while shard 1 is locked, keys of other
// shards can still be counted and read. A counter-wide lock, or locking
// every shard, would block here.
func TestShardsDoNotBlockEachOther(t *testing.T) {
	c := New()
	c.shards[1].mu.Lock()
	defer c.shards[1].mu.Unlock()
	k := key(4)
	c.Inc(k)
	if got := c.Get(k); got != 1 {
		t.Fatalf("Get(%q) = %d while another shard is locked, want 1", k, got)
	}
}

// TestConcurrentMixed: Inc, Get and Total from 6 goroutines at once over
// keys of every shard, then the exact totals.
func TestConcurrentMixed(t *testing.T) {
	c := New()
	keys := make([]string, numShards)
	for i := range keys {
		keys[i] = key(i)
	}
	var wg sync.WaitGroup
	for w := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 400 {
				c.Inc(keys[(i+w)%numShards])
				if i%50 == 0 {
					_ = c.Total()
					_ = c.Get(keys[i%numShards])
				}
			}
		}()
	}
	wg.Wait()
	if got := c.Total(); got != 2400 {
		t.Fatalf("Total() = %d after 6×400 Inc, want 2400", got)
	}
	for i, k := range keys {
		if got := c.Get(k); got != 300 {
			t.Errorf("Get(%q) in shard %d = %d, want 300", k, i, got)
		}
	}
}
