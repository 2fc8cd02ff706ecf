package hits

import (
	"runtime"
	"strings"
	"sync"
	"testing"
)

// waitUntilBlocked returns once the goroutine running fn (a Counter method)
// waits for a lock, or once done is closed. It looks at every goroutine's
// stack instead of sleeping, so nothing depends on timing.
func waitUntilBlocked(fn string, done <-chan struct{}) {
	buf := make([]byte, 1<<20)
	for {
		select {
		case <-done:
			return
		default:
		}
		n := runtime.Stack(buf, true)
		for _, g := range strings.Split(string(buf[:n]), "\n\n") {
			header, _, _ := strings.Cut(g, "\n")
			locked := strings.Contains(header, "[sync.Mutex.Lock") ||
				strings.Contains(header, "[sync.RWMutex") || strings.Contains(header, "[semacquire")
			if locked && strings.Contains(g, "(*Counter)."+fn) {
				return
			}
		}
		runtime.Gosched()
	}
}

// key returns a key that lives in shard i.
func key(i int) string {
	for n := 0; ; n++ {
		k := "key-" + string(rune('a'+n%26)) + strings.Repeat("x", n/26)
		if shardIndex(k) == i {
			return k
		}
	}
}

// TestIncWaitsForABusyShard holds the lock of key's shard, calls Inc(key),
// waits until Inc is blocked on a lock, then releases the shard. Inc must
// then finish and count. If Inc locked a copy of the shard made while the
// shard was locked, the copy stays locked for ever: the runner reports a
// deadlock and shows Inc waiting in sync.Mutex.Lock.
func TestIncWaitsForABusyShard(t *testing.T) {
	c := New()
	k := key(3)
	c.shards[3].mu.Lock()
	done := make(chan struct{})
	go func() {
		defer close(done)
		c.Inc(k)
	}()
	waitUntilBlocked("Inc", done)
	c.shards[3].mu.Unlock()
	<-done
	if got := c.Get(k); got != 1 {
		t.Fatalf("Get(%q) = %d after one Inc, want 1", k, got)
	}
}

// TestConcurrentIncSameKey: 8 goroutines × 500 Inc of one key.
func TestConcurrentIncSameKey(t *testing.T) {
	c := New()
	start := make(chan struct{})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for range 500 {
				c.Inc("home")
			}
		}()
	}
	close(start)
	wg.Wait()
	if got := c.Get("home"); got != 4000 {
		t.Fatalf("Get(home) = %d after 8×500 concurrent Inc, want 4000", got)
	}
}
