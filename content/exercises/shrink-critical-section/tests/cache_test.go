package cache

import (
	"sync/atomic"
	"testing"
)

// fakeFetch replaces fetch for one test. The fake calls f, then returns
// "v:"+key and counts its calls.
func fakeFetch(t *testing.T, f func(key string)) *atomic.Int32 {
	t.Helper()
	var calls atomic.Int32
	orig := fetch
	fetch = func(key string) string {
		calls.Add(1)
		f(key)
		return "v:" + key
	}
	t.Cleanup(func() { fetch = orig })
	return &calls
}

// TestFetchRunsWithoutTheLock: while fetch runs, c.mu must be free. The fake
// fetch tries to take it with TryLock, in the same run every time: no
// timing is involved, so a Get that holds the lock across fetch always fails.
func TestFetchRunsWithoutTheLock(t *testing.T) {
	c := New()
	fakeFetch(t, func(key string) {
		if !c.mu.TryLock() {
			t.Errorf("fetch(%q) ran while c.mu was held: every other Get and Len would wait for the slow backend", key)
			return
		}
		c.mu.Unlock()
	})
	if got := c.Get("eur"); got != "v:eur" {
		t.Fatalf(`Get("eur") = %q, want "v:eur"`, got)
	}
}

// TestGetCachesTheValue: a second Get of the same key must not fetch again.
func TestGetCachesTheValue(t *testing.T) {
	c := New()
	calls := fakeFetch(t, func(string) {})
	for range 2 {
		if got := c.Get("usd"); got != "v:usd" {
			t.Fatalf(`Get("usd") = %q, want "v:usd"`, got)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Fatalf(`two Get("usd") called fetch %d times, want 1`, n)
	}
	if n := c.Len(); n != 1 {
		t.Fatalf("Len() = %d after caching one key, want 1", n)
	}
}
