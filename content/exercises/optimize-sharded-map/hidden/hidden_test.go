package shardmap

import (
	"strconv"
	"sync"
	"testing"
	"time"
)

// TestEveryKeyHasOneShard: for several shard counts, every key maps to one
// index in range, the same one on every call, and after Set each key is
// stored in that shard and nowhere else. Keys must spread over all shards.
func TestEveryKeyHasOneShard(t *testing.T) {
	for _, n := range []int{1, 3, 16, 61} {
		m := New(n)
		const keys = 3000
		for i := range keys {
			k := "k" + strconv.Itoa(i)
			idx := m.shardIndex(k)
			if idx < 0 || idx >= n {
				t.Fatalf("New(%d): shardIndex(%q) = %d, out of range", n, k, idx)
			}
			for range 3 {
				if again := m.shardIndex(k); again != idx {
					t.Fatalf("New(%d): shardIndex(%q) returned %d, then %d", n, k, idx, again)
				}
			}
			m.Set(k, i)
		}
		total := 0
		for i := range m.shards {
			if len(m.shards[i].m) == 0 {
				t.Fatalf("New(%d): shard %d holds no key out of %d: keys do not spread over the shards", n, i, keys)
			}
			for k := range m.shards[i].m {
				if m.shardIndex(k) != i {
					t.Fatalf("New(%d): key %q is stored in shard %d, but shardIndex says %d", n, k, i, m.shardIndex(k))
				}
			}
			total += len(m.shards[i].m)
		}
		if total != keys {
			t.Fatalf("New(%d): the shards hold %d keys in all, want %d", n, total, keys)
		}
	}
}

// TestShardsLockIndependently holds one shard's mutex. Get and Set on a key of
// that shard must wait for it; a key of another shard must not.
func TestShardsLockIndependently(t *testing.T) {
	m := New(16)
	held := "held"
	other := ""
	for i := 0; other == ""; i++ {
		if k := "other" + strconv.Itoa(i); m.shardIndex(k) != m.shardIndex(held) {
			other = k
		}
	}
	s := &m.shards[m.shardIndex(held)]
	s.mu.Lock()
	locked := true
	defer func() {
		if locked {
			s.mu.Unlock()
		}
	}()

	done := make(chan struct{})
	go func() {
		m.Set(other, 1)
		m.Get(other)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		t.Fatal("Set and Get on a key of another shard waited for the locked shard: is there one lock for the whole map?")
	}

	blocked := make(chan struct{})
	go func() {
		m.Get(held)
		m.Set(held, 2)
		close(blocked)
	}()
	select {
	case <-blocked:
		t.Fatal("Get and Set on a key of a locked shard did not wait for that shard's mutex: every access to a key must lock its shard")
	case <-time.After(200 * time.Millisecond):
	}
	s.mu.Unlock()
	locked = false
	select {
	case <-blocked:
	case <-time.After(3 * time.Second):
		t.Fatal("Get and Set did not finish after the shard was unlocked")
	}
}

// TestAddLosesNothing: 16 goroutines add 1 to one key 1000 times each. Every
// Add must see the result of the previous one, so the returned values are
// exactly 1..16000, each once.
func TestAddLosesNothing(t *testing.T) {
	m := New(8)
	const goroutines, adds = 16, 1000
	seen := make([][]int, goroutines)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for range adds {
				seen[g] = append(seen[g], m.Add("hits", 1))
			}
		}()
	}
	close(start)
	wg.Wait()
	count := make(map[int]int)
	for _, values := range seen {
		for _, v := range values {
			count[v]++
		}
	}
	for v := 1; v <= goroutines*adds; v++ {
		if count[v] != 1 {
			t.Fatalf("Add returned %d %d times, want once: two Adds read the same old value", v, count[v])
		}
	}
	if v, _ := m.Get("hits"); v != goroutines*adds {
		t.Fatalf("Get(\"hits\") = %d, want %d", v, goroutines*adds)
	}
}

// TestOwnKeysUnderLoad: 16 goroutines each write, update and delete their own
// keys at the same time; the final contents are exact.
func TestOwnKeysUnderLoad(t *testing.T) {
	m := New(4)
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				k := strconv.Itoa(g) + "/" + strconv.Itoa(i)
				m.Set(k, i)
				m.Add(k, g)
				if i%4 == 0 {
					m.Delete(k)
				}
			}
		}()
	}
	wg.Wait()
	if n := m.Len(); n != 16*75 {
		t.Fatalf("Len() = %d, want %d", n, 16*75)
	}
	for g := range 16 {
		for i := range 100 {
			k := strconv.Itoa(g) + "/" + strconv.Itoa(i)
			v, ok := m.Get(k)
			if i%4 == 0 {
				if ok {
					t.Fatalf("Get(%q) found a deleted key", k)
				}
			} else if !ok || v != i+g {
				t.Fatalf("Get(%q) = %d, %v; want %d, true", k, v, ok, i+g)
			}
		}
	}
}
