package ratelimit

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The tests use a fake clock and no timers. A test that blocks for ever is
// stopped by the runner, which reports the deadlock with every goroutine's
// stack.

// fakeClock is a clock the test moves by hand. It is safe for concurrent use.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *fakeClock { return &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// TestManyKeysGetTheirOwnBuckets: 300 keys, one request each, all allowed,
// 300 buckets. The keys spread over every shard, so a shard index that can
// be negative panics here.
func TestManyKeysGetTheirOwnBuckets(t *testing.T) {
	l := New(1, 2, newClock().Now)
	for i := range 300 {
		key := fmt.Sprint("user-", i)
		if !l.Allow(key) {
			t.Fatalf("Allow(%q) = false for a new key, want true", key)
		}
	}
	if n := l.Len(); n != 300 {
		t.Fatalf("Len() = %d after 300 distinct keys, want 300", n)
	}
}

// TestAllowUpToBurstThenRefill checks the token bucket in one goroutine.
func TestAllowUpToBurstThenRefill(t *testing.T) {
	clock := newClock()
	l := New(2, 3, clock.Now) // 2 tokens per second, bursts of 3
	want := func(step string, got, want bool) {
		t.Helper()
		if got != want {
			t.Fatalf("%s: Allow = %v, want %v", step, got, want)
		}
	}
	for i := range 3 {
		want(fmt.Sprint("request ", i+1, " of a full bucket"), l.Allow("k"), true)
	}
	want("4th request at the same instant", l.Allow("k"), false)
	clock.Advance(500 * time.Millisecond) // earns 1 token
	want("after 500ms", l.Allow("k"), true)
	want("again at the same instant", l.Allow("k"), false)
	clock.Advance(10 * time.Second) // earns 20 tokens, capped at 3
	if got := l.Tokens("k"); got != 3 {
		t.Fatalf("Tokens after 10s = %v, want 3 (the burst)", got)
	}
	if got := l.Denied(); got != 2 {
		t.Fatalf("Denied() = %d, want 2", got)
	}
}

// TestOnLimitMayCallTheLimiter: the hook for denied requests reads the
// limiter, as a logging hook would. If Allow calls it while holding the
// shard's lock, the hook's Tokens call waits for that lock for ever.
func TestOnLimitMayCallTheLimiter(t *testing.T) {
	l := New(1, 1, newClock().Now)
	var logged []string
	l.OnLimit = func(key string) {
		logged = append(logged, fmt.Sprintf("%s denied, %.0f tokens, %d keys", key, l.Tokens(key), l.Len()))
	}
	l.Allow("alice")
	if l.Allow("alice") {
		t.Fatal("second Allow(alice) with a burst of 1 = true, want false")
	}
	if len(logged) != 1 || logged[0] != "alice denied, 0 tokens, 1 keys" {
		t.Fatalf("OnLimit logged %q, want [\"alice denied, 0 tokens, 1 keys\"]", logged)
	}
}

// TestSameKeyFromManyGoroutines: 8 goroutines send 50 requests each for one
// key with a burst of 100 and no refill. Exactly 100 may pass. With -race,
// any access to a bucket outside its shard's lock is reported.
func TestSameKeyFromManyGoroutines(t *testing.T) {
	l := New(0, 100, newClock().Now)
	var allowed atomic.Int32
	start := make(chan struct{})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for range 50 {
				if l.Allow("hot") {
					allowed.Add(1)
				}
			}
		}()
	}
	close(start)
	wg.Wait()
	if n := allowed.Load(); n != 100 {
		t.Fatalf("%d of 400 requests allowed with a burst of 100, want exactly 100", n)
	}
}
