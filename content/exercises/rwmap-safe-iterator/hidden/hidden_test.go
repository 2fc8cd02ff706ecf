package safemap

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"
	"testing"
)

// TestDeletedBeforeReachedIsSkipped: the first iteration deletes every other
// key. A key deleted before the loop reaches it must not be yielded, so the
// loop yields exactly one entry. A snapshot of the entries yields all 100.
func TestDeletedBeforeReachedIsSkipped(t *testing.T) {
	var s SafeMap[int, string]
	for i := range 100 {
		s.Store(i, fmt.Sprint("v", i))
	}
	var yielded []int
	for k := range s.All() {
		if len(yielded) == 0 {
			for i := range 100 {
				if i != k {
					s.Delete(i)
				}
			}
		}
		yielded = append(yielded, k)
	}
	if len(yielded) != 1 {
		t.Fatalf("the loop yielded %d entries after the first iteration deleted all others, want 1: a key deleted before the loop reaches it is skipped", len(yielded))
	}
}

// TestReplacedValueIsYieldedAsItIsNow: the first iteration replaces every
// value; every later iteration must yield the new value, not a copy taken
// when the loop started.
func TestReplacedValueIsYieldedAsItIsNow(t *testing.T) {
	var s SafeMap[int, string]
	for i := range 100 {
		s.Store(i, fmt.Sprint("old", i))
	}
	got := map[int]string{}
	first := -1
	for k, v := range s.All() {
		if first < 0 {
			first = k
			for i := range 100 {
				s.Store(i, fmt.Sprint("new", i))
			}
		}
		if _, dup := got[k]; dup {
			t.Fatalf("key %d yielded twice", k)
		}
		got[k] = v
	}
	if len(got) != 100 {
		t.Fatalf("the loop yielded %d entries, want the 100 present when it started", len(got))
	}
	for i := range 100 {
		if want := fmt.Sprint("new", i); i != first && got[i] != want {
			t.Fatalf("key %d: yielded %q, want %q, the value stored before the loop reached it", i, got[i], want)
		}
	}
}

// TestKeysStoredDuringLoopAreNotYielded: the first iteration stores 100 new
// keys (and deletes and re-stores one old key). Only the keys present when
// the loop started are yielded, each once. Ranging over the live map with
// the lock dropped around yield may yield new keys.
func TestKeysStoredDuringLoopAreNotYielded(t *testing.T) {
	var s SafeMap[int, int]
	for i := range 100 {
		s.Store(i, i)
	}
	seen := map[int]int{}
	first := true
	for k := range s.All() {
		if first {
			first = false
			for i := range 100 {
				s.Store(1000+i, i)
			}
			other := (k + 50) % 100
			s.Delete(other)
			s.Store(other, -1)
		}
		seen[k]++
	}
	for k, n := range seen {
		if k >= 1000 {
			t.Fatalf("the loop yielded key %d, stored by the loop body after the loop started", k)
		}
		if n > 1 {
			t.Fatalf("key %d yielded %d times, want at most once", k, n)
		}
	}
	if len(seen) != 100 {
		t.Fatalf("the loop yielded %d of the 100 keys present when it started, all still present", len(seen))
	}
}

// TestBreakStopsTheLoop: after break, All must not call the loop body again
// (Go panics if it does), and the map must be usable afterwards.
func TestBreakStopsTheLoop(t *testing.T) {
	var s SafeMap[int, int]
	for i := range 50 {
		s.Store(i, i)
	}
	n := 0
	for range s.All() {
		n++
		if n == 3 {
			break
		}
	}
	if n != 3 {
		t.Fatalf("the loop body ran %d times, want 3", n)
	}
	s.Store(99, 99)
	if v, ok := s.Load(99); !ok || v != 99 {
		t.Fatalf("Load(99) after the loop = %d, %v; want 99, true", v, ok)
	}
	var empty SafeMap[string, []int]
	for k := range empty.All() {
		t.Fatalf("the zero SafeMap yielded key %q", k)
	}
}

// TestLoopBodyDoesNotHoldTheLock: while the loop body runs, s.mu must be
// free, so that any goroutine may write.
func TestLoopBodyDoesNotHoldTheLock(t *testing.T) {
	var s SafeMap[string, int]
	s.Store("a", 1)
	for k := range s.All() {
		if !s.mu.TryLock() {
			t.Fatalf("s.mu was held while the loop body ran for key %q", k)
		}
		s.mu.Unlock()
	}
}

// TestAllWhileWriting ranges over the map in 4 goroutines while 4 others
// store and delete: every access to s.m must be under s.mu. Writers only
// ever store v == 2*k, so every yielded pair must satisfy it.
func TestAllWhileWriting(t *testing.T) {
	var s SafeMap[int, int]
	for i := range 64 {
		s.Store(i, 2*i)
	}
	start := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			<-start
			for i := range 200 {
				k := (w*200 + i) % 64
				if i%3 == 0 {
					s.Delete(k)
				} else {
					s.Store(k, 2*k)
				}
			}
		}()
		go func() {
			defer wg.Done()
			<-start
			for range 20 {
				for k, v := range s.All() {
					if v != 2*k {
						t.Errorf("yielded %d, %d; every stored value is twice its key", k, v)
						return
					}
				}
			}
		}()
	}
	close(start)
	wg.Wait()
}

// TestAllWaitsForAWriter holds the write lock, as a Store in progress would,
// and starts a loop over All in another goroutine. All must take s.mu before
// it reads the map, so the loop cannot finish while the write lock is held.
// No timing is involved: the test waits until the loop either finishes or is
// seen blocked on the lock in a goroutine dump.
func TestAllWaitsForAWriter(t *testing.T) {
	var s SafeMap[int, int]
	s.Store(1, 2)
	s.mu.Lock()
	done := make(chan int)
	go func() {
		n := 0
		for range s.All() {
			n++
		}
		done <- n
	}()
	for !someoneWaitsForAnRWMutex() {
		select {
		case <-done:
			s.mu.Unlock()
			t.Fatal("a loop over All finished while another goroutine held s.mu for writing: All read the map without the lock")
		default:
			runtime.Gosched()
		}
	}
	s.mu.Unlock()
	if n := <-done; n != 1 {
		t.Fatalf("the loop yielded %d entries, want 1", n)
	}
}

// someoneWaitsForAnRWMutex reports whether a goroutine is blocked in
// RWMutex.RLock or RWMutex.Lock, from the wait reasons of a goroutine dump.
func someoneWaitsForAnRWMutex() bool {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	return bytes.Contains(buf, []byte("[sync.RWMutex.RLock")) ||
		bytes.Contains(buf, []byte("[sync.RWMutex.Lock"))
}
