package ratelimit

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestKeysAreIndependent: exhausting one key leaves the others untouched.
func TestKeysAreIndependent(t *testing.T) {
	l := New(1, 2, newClock().Now)
	for range 2 {
		l.Allow("a")
	}
	if l.Allow("a") {
		t.Fatal("third Allow(a) with a burst of 2 = true, want false")
	}
	for _, k := range []string{"b", "c"} {
		if !l.Allow(k) || l.Tokens(k) != 1 {
			t.Fatalf("Allow(%q) after a was exhausted: want true and 1 token left, got %v tokens", k, l.Tokens(k))
		}
	}
}

// TestDeniedAndOnLimitAgree: 8 goroutines × 20 requests on 4 keys with a
// burst of 5 and no refill: 20 allowed, 140 denied, and OnLimit is called
// once per denial, never while a shard is locked (it calls Len and Denied).
func TestDeniedAndOnLimitAgree(t *testing.T) {
	l := New(0, 5, newClock().Now)
	var hooked atomic.Int32
	l.OnLimit = func(string) {
		hooked.Add(1)
		_ = l.Len() + l.Denied() // locks every shard in turn
	}
	var allowed atomic.Int32
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				if l.Allow(fmt.Sprint("key-", (g+i)%4)) {
					allowed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	if allowed.Load() != 20 || l.Denied() != 140 || hooked.Load() != 140 {
		t.Fatalf("allowed %d, Denied() %d, OnLimit calls %d; want 20, 140, 140", allowed.Load(), l.Denied(), hooked.Load())
	}
}

// TestEachNewKeyGetsOneBucket: 8 goroutines race to create the same 100
// keys, each with a burst of 1 and no refill. Each key must be allowed
// exactly once, so a bucket may not be created twice (check, then act, under
// one lock).
func TestEachNewKeyGetsOneBucket(t *testing.T) {
	l := New(0, 1, newClock().Now)
	var allowed atomic.Int32
	start := make(chan struct{})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for i := range 100 {
				if l.Allow(fmt.Sprint("new-", i)) {
					allowed.Add(1)
				}
			}
		}()
	}
	close(start)
	wg.Wait()
	if n := allowed.Load(); n != 100 || l.Len() != 100 {
		t.Fatalf("100 new keys with a burst of 1: %d requests allowed, Len() %d; want 100 and 100", n, l.Len())
	}
}

// TestRefillUnderConcurrency moves the clock while 4 goroutines send
// requests for one key: never more than burst + rate × elapsed may pass, and
// afterwards the bucket refills to exactly the burst.
func TestRefillUnderConcurrency(t *testing.T) {
	clock := newClock()
	l := New(10, 5, clock.Now) // 10 per second, bursts of 5
	var allowed atomic.Int32
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				if l.Allow("k") {
					allowed.Add(1)
				}
			}
		}()
	}
	for range 50 {
		clock.Advance(100 * time.Millisecond) // 50 × 1 token
	}
	wg.Wait()
	if n := allowed.Load(); n > 5+50 {
		t.Fatalf("%d requests allowed, want at most 55 (burst 5 + 5s × 10/s)", n)
	}
	clock.Advance(time.Second)
	if got := l.Tokens("k"); got != 5 {
		t.Fatalf("Tokens after a quiet second = %v, want 5", got)
	}
}
